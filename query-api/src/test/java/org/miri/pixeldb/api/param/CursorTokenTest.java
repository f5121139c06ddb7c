package org.miri.pixeldb.api.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.error.ApiException;

class CursorTokenTest {

    @Test
    void tokensRoundTrip() {
        CursorToken token = new CursorToken("2018-03-08T01:02:30Z", 42);
        assertEquals(token, CursorToken.decode("cursor", token.encode()));
        assertEquals(new CursorToken("infinity", 7), CursorToken.decode("cursor", new CursorToken("infinity", 7).encode()));
        assertNull(CursorToken.decode("cursor", ""));
    }

    @Test
    void anythingElseIsA400NamingTheParameter() {
        for (String bad : List.of("x", "!!!", "bm90LWEtY3Vyc29y", "YzF8YXxi", "YzJ8YXwx", "a".repeat(1000), "%27")) {
            ApiException e = assertThrows(ApiException.class, () -> CursorToken.decode("cursor", bad));
            assertEquals("cursor", e.parameter());
        }
    }
}

package org.miri.pixeldb.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    @Test
    void hashesAreSha256InLowerCaseHex() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", TokenHash.of("hello"));
        assertTrue(TokenHash.isHash(TokenHash.of("x")));
        assertFalse(TokenHash.isHash("2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824"));
    }

    @Test
    void onlyBearerHeadersCarryATokens() {
        assertEquals("abc", TokenHash.bearer("Bearer abc"));
        assertEquals("abc", TokenHash.bearer("bearer  abc "));
        assertNull(TokenHash.bearer("Basic abc"));
        assertNull(TokenHash.bearer("Bearer "));
        assertNull(TokenHash.bearer(null));
        assertNull(TokenHash.bearer("Bearer " + "x".repeat(600)));
    }
}

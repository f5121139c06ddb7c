package org.miri.pixeldb.api.dq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.error.ApiException;

public class DqCatalogTest {

    public static DqCatalog catalog() {
        String[] names = new String[32];
        names[0] = "DO_NOT_USE";
        names[2] = "JUMP_DET";
        names[11] = "HOT";
        names[12] = "WARM";
        names[31] = "REFERENCE_PIXEL";
        return new DqCatalog(names, Map.of("DO_NOT_USE", 0, "JUMP_DET", 2, "HOT", 11, "WARM", 12,
                "REFERENCE_PIXEL", 31, "UNDERSAMP", 7));
    }

    @Test
    void masksDecodeInBitOrderIncludingBit31() {
        assertEquals(List.of("DO_NOT_USE", "JUMP_DET", "REFERENCE_PIXEL"), catalog().decode(2147483653L));
        assertEquals(List.of(), catalog().decode(0));
    }

    @Test
    void namesAnyCaseAndOldNamesMakeMasksUnknownOnesA400() {
        assertEquals(6144L, catalog().mask("flag", List.of("hot", "Warm")));
        assertEquals(128L, catalog().mask("flag", List.of("UNDERSAMP")));
        assertEquals("noflag", assertThrows(ApiException.class,
                () -> catalog().mask("noflag", List.of("HOT", "NOPE"))).parameter());
    }
}

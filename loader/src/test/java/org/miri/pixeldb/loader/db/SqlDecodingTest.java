package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.miri.pixeldb.loader.db.ExposureTableTest.one;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/** The SQL functions that decode packed values and name DQ flags, as a plain SQL user calls them. */
@ExtendWith(RealServersExtension.class)
class SqlDecodingTest {

    private static final int[] AWKWARD = {0x7fc00000, 0x7f800001, 0xffc00001, 0x7f800000, 0xff800000, 0x80000000, 0,
        0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0xff7fffff, 0x3f800001, 0x3effffff, 0xc2f6e979};

    @Test
    void everyFloatBitPatternDecodesToTheSameFloat(RealServers servers) throws Exception {
        Random random = new Random(7);
        ByteBuffer packed = ByteBuffer.allocate(4 * (AWKWARD.length + 20_000));
        for (int bits : AWKWARD) {
            packed.putInt(bits);
        }
        while (packed.hasRemaining()) {
            packed.putInt(random.nextInt());
        }
        try (Connection db = MigratedDatabase.connect(servers);
             PreparedStatement query = db.prepareStatement("select float4_values(?), float4_at(?, 5), uint32_at(?, 0)")) {
            for (int i = 1; i <= 3; i++) {
                query.setBytes(i, packed.array());
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Float[] decoded = (Float[]) rs.getArray(1).getArray();
                packed.flip();
                for (int i = 0; i < decoded.length; i++) {
                    float expected = Float.intBitsToFloat(packed.getInt());
                    // NaN payloads are not kept by the SQL float4; any NaN stays NaN.
                    assertEquals(Float.isNaN(expected) ? Float.floatToIntBits(Float.NaN) : Float.floatToRawIntBits(expected),
                            Float.floatToRawIntBits(decoded[i]), "value " + i);
                }
                assertEquals(-0.0f, rs.getFloat(2));
                assertEquals(0x7fc00000L, rs.getLong(3));
            }
        }
    }

    @Test
    void flagsAreNamedAndFoundByCurrentAndOldNames(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            assertEquals("{HOT,REFERENCE_PIXEL}", one(db, "select dq_names(2147483648 + 2048)::text"));
            assertEquals("{}", one(db, "select dq_names(0)::text"));
            assertEquals("6144", one(db, "select dq_mask('HOT', 'warm')"));
            assertEquals("128 256 268435456", one(db, "select concat_ws(' ', dq_mask('UNDERSAMP'), "
                    + "dq_mask('UNRELIABLE_ERROR'), dq_mask('UNRELIABLE_RESET'))"));
            assertEquals("t f t", one(db, "select concat_ws(' ', dq_has(4294967295, 'REFERENCE_PIXEL'), "
                    + "dq_has(2147483647, 'REFERENCE_PIXEL'), dq_has(uint8_or('\\x000401'::bytea), 'JUMP_DET'))"));
            assertEquals("{0,4,255}", one(db, "select uint8_values('\\x0004ff'::bytea)::text"));
            SQLException unknown = assertThrows(SQLException.class, () -> one(db, "select dq_mask('JUMP_DETECTED')"));
            assertEquals("22023", unknown.getSQLState());
            assertEquals(true, unknown.getMessage().contains("unknown DQ flag name \"JUMP_DETECTED\""), unknown.getMessage());
        }
    }
}

package org.miri.pixeldb.system.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault suite's checksum tells the files from a database that differs by one value, one row more or less. */
class ContentDigestTest {

    /** 2 integrations x 3 groups x 2 rows x 3 columns of uint16 stored with BZERO 32768, as raw ramps are. */
    static short[][][][] ramps() {
        short[][][][] data = new short[2][3][2][3];
        for (int i = 0; i < 2; i++) {
            for (int g = 0; g < 3; g++) {
                for (int y = 0; y < 2; y++) {
                    for (int x = 0; x < 3; x++) {
                        data[i][g][y][x] = (short) (1000 * i + 100 * g + 10 * y + x - 32768);
                    }
                }
            }
        }
        return data;
    }

    /** The database side as {@link DatabaseContent} feeds it: physical values per ramp, in any order. */
    static ContentDigest asTheDatabaseReadsIt(short[][][][] data, boolean reversed) {
        ContentDigest digest = new ContentDigest();
        for (int k = 0; k < 12; k++) {
            int n = reversed ? 11 - k : k;
            int i = n / 6;
            int y = n / 3 % 2;
            int x = n % 3;
            long[] samples = new long[3];
            for (int g = 0; g < 3; g++) {
                samples[g] = data[i][g][y][x] + 32768;
            }
            digest.add(i, y, x, samples);
        }
        return digest;
    }

    @Test
    void theFileAndTheSameValuesInAnotherOrderAgree() {
        ContentDigest file = FileContent.digest(List.of(new FileContent.Extension(ramps(), 32768)));
        assertEquals(12, file.rows());
        assertTrue(file.sameAs(asTheDatabaseReadsIt(ramps(), true)));
    }

    @Test
    void oneDifferentValueChangesTheChecksum() {
        ContentDigest file = FileContent.digest(List.of(new FileContent.Extension(ramps(), 32768)));
        short[][][][] changed = ramps();
        changed[1][2][1][0]++;
        ContentDigest database = asTheDatabaseReadsIt(changed, false);
        assertEquals(file.rows(), database.rows());
        assertFalse(file.sameAs(database));
    }

    @Test
    void aDoubledOrMissingRowChangesTheChecksum() {
        ContentDigest file = FileContent.digest(List.of(new FileContent.Extension(ramps(), 32768)));
        ContentDigest doubled = asTheDatabaseReadsIt(ramps(), false);
        doubled.add(0, 0, 0, new long[] {0, 100, 200});
        assertFalse(file.sameAs(doubled));
        ContentDigest missing = new ContentDigest();
        missing.add(0, 0, 0, new long[] {0, 100, 200});
        assertFalse(file.sameAs(missing));
    }

    @Test
    void aValueMovedToAnotherPixelOrIntegrationChangesTheChecksum() {
        ContentDigest a = new ContentDigest();
        a.add(0, 0, 1, new long[] {5});
        ContentDigest b = new ContentDigest();
        b.add(0, 1, 0, new long[] {5});
        ContentDigest c = new ContentDigest();
        c.add(1, 0, 1, new long[] {5});
        assertFalse(a.sameAs(b));
        assertFalse(a.sameAs(c));
    }

    @Test
    void floatsCompareByBitsWithNegativeZeroKept() {
        assertFalse(ContentDigest.bits(0.0f) == ContentDigest.bits(-0.0f));
        assertEquals(ContentDigest.bits(Float.NaN), ContentDigest.bits(Float.intBitsToFloat(0x7fc00001)));
    }
}

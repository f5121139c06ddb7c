package org.miri.pixeldb.fits.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, item 1: crafted structural keywords end in a reason naming them, before any size is computed. A negative
 * PCOUNT once walked the scan backwards until the heap was gone; these cases are headers no FITS library writes.
 */
class FitsStructureTest {

    @TempDir
    Path folder;

    private static final List<String> PRIMARY = List.of("SIMPLE  = T", "BITPIX  = 8", "NAXIS   = 0", "EXTEND  = T");

    private static List<String> image(String... extra) {
        List<String> cards = new ArrayList<>(List.of("XTENSION= 'IMAGE   '", "BITPIX  = 16", "NAXIS   = 2",
                "NAXIS1  = 4", "NAXIS2  = 3", "PCOUNT  = 0", "GCOUNT  = 1"));
        for (String card : extra) {
            String keyword = card.substring(0, 8);
            int at = cards.stream().map(c -> c.substring(0, 8)).toList().indexOf(keyword);
            if (at >= 0) {
                cards.set(at, card);
            } else {
                cards.add(card);
            }
        }
        return cards;
    }

    /** A file of headers (cards as written, END added) each followed by the data its NAXISn promise, zeroed. */
    private Path file(List<List<String>> headers, long... dataBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int h = 0; h < headers.size(); h++) {
            StringBuilder header = new StringBuilder();
            headers.get(h).forEach(card -> header.append(String.format("%-80s", card)));
            header.append(String.format("%-80s", "END"));
            while (header.length() % HduExtent.BLOCK != 0) {
                header.append(' ');
            }
            out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[(int) HduExtent.paddedToBlock(h < dataBytes.length ? dataBytes[h] : 0)]);
        }
        return Files.write(folder.resolve("crafted.fits"), out.toByteArray());
    }

    private String reason(Path file) {
        return assertThrows(RejectedProductException.class, () -> FitsStructure.scan(file)).reason();
    }

    @Test
    void aWellFormedFileScans() throws Exception {
        List<HduExtent> hdus = FitsStructure.scan(file(List.of(PRIMARY, image("NAXIS1  = +4")), 0, 24));
        assertEquals(2, hdus.size());
        assertEquals(24, hdus.get(1).dataBytes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PCOUNT  = -100000000 | malformed header: the header of HDU 2 has PCOUNT -100000000 and GCOUNT 1 (the standard "
            + "wants PCOUNT >= 0 and GCOUNT >= 1)",
        "GCOUNT  = -1 | malformed header: the header of HDU 2 has PCOUNT 0 and GCOUNT -1 (the standard wants PCOUNT >= 0 "
            + "and GCOUNT >= 1)",
        "PCOUNT  = 8 | malformed header: the header of HDU 2 has an IMAGE extension with PCOUNT 8 and GCOUNT 1 (the "
            + "standard wants 0 and 1)",
        "NAXIS1  = '4' | malformed header: the header of HDU 2 has NAXIS1 = '4', a string where the standard wants an "
            + "integer",
        "NAXIS2  = T | malformed header: the header of HDU 2 has NAXIS2 = T, not an integer",
        "NAXIS2  = 3.0 | malformed header: the header of HDU 2 has NAXIS2 = 3.0, not an integer",
        "NAXIS1  = -4 | malformed header: the header of HDU 2 has NAXIS1 -4",
        "NAXIS1  = 4294967296 | absurd size: the header of HDU 2 promises more than 2^63 data bytes",
        "BITPIX  = 12 | malformed header: the header of HDU 2 has BITPIX 12, which is no FITS data type",
        "XTENSION= IMAGE | malformed header: the header of HDU 2 has XTENSION = IMAGE, not the quoted name of an "
            + "extension type",
        "EXTEND  = 'T' | malformed header: the header of HDU 2 has EXTEND = 'T' where the standard wants T or F"})
    void craftedExtensionKeywordsAreRejectedByName(String card, String reason) throws Exception {
        List<String> extension = image(card);
        if (card.startsWith("NAXIS1  = 4294967296")) {
            extension = image(card, "NAXIS2  = 4294967296", "NAXIS   = 3", "NAXIS3  = 4294967296");
            extension.add(5, extension.remove(extension.size() - 1)); // NAXIS3 after NAXIS2, as the standard orders them
        }
        assertEquals(reason, reason(file(List.of(PRIMARY, extension), 0, 24)));
    }

    @Test
    void aBinaryTableMayHaveAHeapButOneGroup() throws Exception {
        List<String> table = List.of("XTENSION= 'BINTABLE'", "BITPIX  = 8", "NAXIS   = 2", "NAXIS1  = 8",
                "NAXIS2  = 2", "PCOUNT  = 16", "GCOUNT  = 1", "TFIELDS = 1");
        assertEquals(32, FitsStructure.scan(file(List.of(PRIMARY, table), 0, 32)).get(1).dataBytes());
        List<String> groups = new ArrayList<>(table);
        groups.set(6, "GCOUNT  = 2");
        assertEquals("malformed header: the header of HDU 2 has a BINTABLE extension with GCOUNT 2 (the standard wants 1)",
                reason(file(List.of(PRIMARY, groups), 0, 64)));
    }

    @Test
    void primaryKeywordsInTheStandardsOrderAndTypes() throws Exception {
        assertEquals("malformed header: the primary header has SIMPLE = F where the standard wants T",
                reason(file(List.of(List.of("SIMPLE  = F", "BITPIX  = 8", "NAXIS   = 0")))));
        assertEquals("malformed header: the primary header has NAXIS as card 2 where the standard wants BITPIX",
                reason(file(List.of(List.of("SIMPLE  = T", "NAXIS   = 0", "BITPIX  = 8")))));
        assertEquals("malformed header: the primary header has NAXIS 1000 (the standard allows 0 to 999)",
                reason(file(List.of(List.of("SIMPLE  = T", "BITPIX  = 8", "NAXIS   = 1000")))));
        assertEquals("malformed header: the primary header has NAXIS -1 (the standard allows 0 to 999)",
                reason(file(List.of(List.of("SIMPLE  = T", "BITPIX  = 8", "NAXIS   = -1")))));
        assertEquals("malformed header: the primary header has no NAXIS2 card",
                reason(file(List.of(List.of("SIMPLE  = T", "BITPIX  = 8", "NAXIS   = 2", "NAXIS1  = 1")))));
        // A random-groups primary carries PCOUNT and GCOUNT: negative, they would make its size negative.
        assertEquals("malformed header: the primary header has PCOUNT -5 and GCOUNT 1, which cannot be negative",
                reason(file(List.of(List.of("SIMPLE  = T", "BITPIX  = 8", "NAXIS   = 1", "NAXIS1  = 0",
                        "GROUPS  = T", "PCOUNT  = -5", "GCOUNT  = 1")))));
    }

    @Test
    void aRepeatedStructuralKeywordIsRejectedWhateverItsValue() throws Exception {
        List<String> twice = image();
        twice.add("NAXIS1  = 400");
        assertEquals("malformed header: the header of HDU 2 has NAXIS1 twice; its data size would depend on which one "
                + "a reader takes", reason(file(List.of(PRIMARY, twice), 0, 24)));
    }

    @Test
    void theHduCountIsBounded() throws Exception {
        List<List<String>> headers = new ArrayList<>();
        headers.add(PRIMARY);
        List<String> empty = List.of("XTENSION= 'IMAGE   '", "BITPIX  = 8", "NAXIS   = 0", "PCOUNT  = 0",
                "GCOUNT  = 1");
        for (int i = 1; i < FitsStructure.MAX_HDUS; i++) {
            headers.add(empty);
        }
        assertEquals(FitsStructure.MAX_HDUS, FitsStructure.scan(file(headers)).size());
        headers.add(empty);
        assertEquals("too many HDUs: the object holds more than 1,000 header-data units, far more than any MIRI "
                + "product (at most a dozen)", reason(file(headers)));
    }
}

package org.miri.pixeldb.api.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.FitsOutputStream;

/** Writes HDUs to a response stream, and copies an exposure's stored primary-header cards into a header. */
public final class FitsOutput {

    // Cards that describe the file's own structure or the subarray: the response's arrays define their own.
    private static final Set<String> STRUCTURAL = Set.of("SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "NAXIS3",
            "NAXIS4", "EXTEND", "BZERO", "BSCALE", "END", "PCOUNT", "GCOUNT", "XTENSION", "EXTNAME", "CHECKSUM",
            "DATASUM", "SUBSTRT1", "SUBSTRT2", "SUBSIZE1", "SUBSIZE2", "", "COMMENT", "HISTORY", "CONTINUE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FitsOutput() {
    }

    public static void write(OutputStream out, List<BasicHDU<?>> hdus) throws IOException {
        try (Fits fits = new Fits()) {
            for (BasicHDU<?> hdu : hdus) {
                fits.addHDU(hdu);
            }
            FitsOutputStream stream = new FitsOutputStream(out);
            fits.write(stream);
            stream.flush();
        } catch (FitsException e) {
            throw new IOException("cannot write FITS: " + e.getMessage(), e);
        }
    }

    /** Declares the long-string convention (CONTINUE cards) that long copied values may need. */
    public static void declareLongStrings(Header header) {
        header.addValue("LONGSTRN", "OGIP 1.0", "long strings may continue over CONTINUE cards");
    }

    /** Adds the exposure's keyword cards (from product.header JSON) with their stored values and comments. */
    public static void copyCards(String headerJson, Header header) throws IOException {
        if (headerJson == null) {
            return;
        }
        for (JsonNode card : JSON.readTree(headerJson)) {
            String keyword = card.path("keyword").asText("");
            JsonNode value = card.get("value");
            if (STRUCTURAL.contains(keyword) || keyword.length() > 8 || value == null || value.isNull()
                    || header.containsKey(keyword)) {
                continue;
            }
            if (keyword.startsWith("DATE") && !value.asText().matches("\\d{4}-\\d\\d-\\d\\d([T ].*)?")) {
                continue; // placeholders such as 'yyyy-mm-dd' are unknown dates, and invalid FITS
            }
            String comment = card.path("comment").isNull() ? null : card.path("comment").asText(null);
            try {
                header.addLine(typed(keyword, value.asText(), comment));
            } catch (RuntimeException e) {
                // A card nom-tam-fits cannot re-create (e.g. an over-long string) is left out, not the response.
            }
        }
    }

    // The stored value is text; integers, reals and logicals go back as such so that readers see numbers.
    private static HeaderCard typed(String keyword, String text, String comment) {
        if (text.equals("T") || text.equals("F")) {
            return new HeaderCard(keyword, text.equals("T"), comment);
        }
        if (text.matches("[+-]?\\d{1,18}")) {
            return new HeaderCard(keyword, Long.parseLong(text), comment);
        }
        if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?")) {
            return new HeaderCard(keyword, Double.parseDouble(text.replace('D', 'E').replace('d', 'e')), comment);
        }
        return new HeaderCard(keyword, text, comment);
    }
}

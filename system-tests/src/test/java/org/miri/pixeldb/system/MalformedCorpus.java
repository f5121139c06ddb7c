package org.miri.pixeldb.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * The malformed-input corpus: bad objects made in memory from the real JPL8 SUB64 exposure (read in place),
 * each with the words its rejection reason must contain. Two are products that are fine alone but
 * contradict the exposure's raw file (loaded first); one has an unreadable date and must load.
 */
final class MalformedCorpus {

    /** One object to drop: where, what, and what must become of it. */
    record Case(String name, String key, byte[] content, String state, String words) {
    }

    static final String NAME = JplExposure.NAME;
    private final byte[] jpl;
    private final byte[] pipe;
    private final byte[] ramp;
    private final byte[] rateints;
    private final List<Case> cases = new ArrayList<>();

    private MalformedCorpus() throws IOException {
        jpl = Files.readAllBytes(JplExposure.DATA.resolve(NAME + ".fits"));
        pipe = Files.readAllBytes(JplExposure.DATA.resolve(NAME + "_pipe.fits"));
        ramp = Files.readAllBytes(JplExposure.DATA.resolve(NAME + "_pipe_ramp.fits"));
        rateints = Files.readAllBytes(JplExposure.DATA.resolve(NAME + "_pipe_rateints.fits"));
    }

    static List<Case> build() throws IOException {
        MalformedCorpus corpus = new MalformedCorpus();
        corpus.files();
        corpus.types();
        corpus.structure();
        corpus.keywords();
        corpus.crafted();
        corpus.contradictions();
        return corpus.cases;
    }

    private void files() throws IOException {
        reject("NOT_FITS", "this is a text file, not FITS\n".repeat(100).getBytes(StandardCharsets.US_ASCII), "not a FITS file");
        reject("EMPTY", new byte[0], "empty file");
        reject("TRUNCATED_HEADER", Arrays.copyOf(jpl, 1000), "truncated header");
        reject("TRUNCATED_DATA", Arrays.copyOf(jpl, jpl.length / 2), "truncated");
        reject("GZIP_FITS", gzip(jpl), "gzip-compressed");
        reject("ABSURD_SIZE_TB", edit(jpl, f -> f.primary().set("NAXIS1", 4_000_000).set("NAXIS2", 4_000_000)), "absurd size");
        reject("ABSURD_SIZE_2_63", edit(jpl, f -> f.primary().set("NAXIS1", 9_000_000_000L).set("NAXIS2", 9_000_000_000L)),
                "absurd size");
        // Names become database keys and file names downstream: shell and path tricks are refused, not cleaned.
        rejectAt("PATH_SHELL_CHARS", "corpus/x y;rm -rf ~.fits", jpl, "characters outside");
        rejectAt("PATH_ENCODED_DOTDOT", "corpus/%2e%2e%2f%2e%2e%2fetc%2fpasswd.fits", jpl, "characters outside");
        rejectAt("PATH_DOT_NAME", "corpus/.._uncal.fits", jpl, "no usable exposure name");
    }

    private void types() {
        reject("JPL_BITPIX_32", edit(jpl, f -> f.primary().set("BITPIX", 32)), "BITPIX");
        // An integer product cannot hold NaN or Inf; a raw SCI that does is a float array, refused by its BITPIX.
        reject("RAW_SCI_FLOAT_NAN_INF", edit(pipe, f -> {
            FitsBytes.Hdu sci = f.hdu("SCI").set("BITPIX", -32).remove("BZERO").remove("BSCALE");
            ByteBuffer in = ByteBuffer.wrap(sci.data);
            ByteBuffer out = ByteBuffer.allocate(sci.data.length * 2);
            out.putFloat(Float.NaN).putFloat(Float.POSITIVE_INFINITY);
            in.position(4);
            while (in.hasRemaining()) {
                out.putFloat(in.getShort() + 32768f);
            }
            sci.data = out.array();
        }), "BITPIX -32");
        reject("RAMP_GROUPDQ_BITPIX_16", "_pipe_ramp", edit(ramp, f -> {
            FitsBytes.Hdu groupdq = f.hdu("GROUPDQ").set("BITPIX", 16);
            ByteBuffer out = ByteBuffer.allocate(groupdq.data.length * 2);
            for (byte flag : groupdq.data) {
                out.putShort((short) (flag & 0xff));
            }
            groupdq.data = out.array();
        }), "GROUPDQ has BITPIX 16");
        reject("RATEINTS_SCI_BITPIX_32", "_pipe_rateints", edit(rateints, f -> f.hdu("SCI").set("BITPIX", 32)), "BITPIX 32");
    }

    private void structure() {
        reject("MISSING_SCI", "_pipe", edit(pipe, f -> f.hdu("SCI").set("EXTNAME", "SCX")), "no SCI extension");
        reject("MISSING_REFOUT", "_pipe", edit(pipe, f -> f.hdu("REFOUT").set("EXTNAME", "REFOUX")), "without REFOUT");
        reject("RAMP_MISSING_PIXELDQ", "_pipe_ramp", edit(ramp, f -> f.hdu("PIXELDQ").set("EXTNAME", "PIXELDX")),
                "PIXELDQ extension is missing");
        reject("DUPLICATE_EXTNAME", "_pipe", edit(pipe, f -> f.hdu("REFOUT").set("EXTNAME", "SCI")), "duplicate EXTNAME SCI");
        reject("JWST_NINTS_VS_NAXIS", "_pipe", edit(pipe, f -> f.primary().set("NINTS", 4)), "NINTS 4");
        reject("JWST_NGROUPS_VS_NAXIS", "_pipe", edit(pipe, f -> f.primary().set("NGROUPS", 49)), "NGROUPS 49");
        reject("JPL_NGROUPS_VS_NAXIS", edit(jpl, f -> f.primary().set("NGROUPS", 49)), "NGROUPS 49");
        reject("JPL_FRAMES_NOT_MULTIPLE", edit(jpl, f -> f.primary().remove("NINT").set("NGROUPS", 3)), "NGROUPS 3");
        reject("SUBSIZE1_VS_NAXIS", "_pipe", edit(pipe, f -> f.primary().set("SUBSIZE1", 68)), "SUBSIZE1 68");
        reject("SUBSIZE2_VS_NAXIS", "_pipe", edit(pipe, f -> f.primary().set("SUBSIZE2", 60)), "SUBSIZE2 60");
    }

    private void keywords() {
        reject("JPL_INSTRUME_NIRCAM", edit(jpl, f -> f.primary().set("INSTRUME", "NIRCAM")), "INSTRUME is NIRCAM");
        reject("JWST_INSTRUME_NIRSPEC", "_pipe", edit(pipe, f -> f.primary().set("INSTRUME", "NIRSPEC")), "NIRSPEC");
        reject("UNKNOWN_DETECTOR", "_pipe", edit(pipe, f -> f.primary().set("DETECTOR", "NRCA1")), "DETECTOR NRCA1");
        reject("SCA_ID_OF_ANOTHER_DETECTOR", "_pipe", edit(pipe, f -> f.primary().set("SCA_ID", 495)), "SCA_ID 495");
        reject("JPL_ROWS_OFF_DETECTOR", edit(jpl, f -> f.primary().set("ROWSTART", 1000)), "1024-row detector");
        reject("COLUMNS_OFF_DETECTOR", "_pipe", edit(pipe, f -> f.primary().set("SUBSTRT1", 1000)), "1032-column detector");
        reject("JWST_NINTS_ZERO", "_pipe", edit(pipe, f -> f.primary().set("NINTS", 0)), "NINTS 0");
        reject("JWST_NGROUPS_NEGATIVE", "_pipe", edit(pipe, f -> f.primary().set("NGROUPS", -3)), "NGROUPS -3");
        reject("JPL_NINT_ZERO", edit(jpl, f -> f.primary().set("NINT", 0)), "NINT 0");
        reject("JPL_NGROUPS_NEGATIVE", edit(jpl, f -> f.primary().set("NGROUPS", -50)), "NGROUPS -50");
        cases.add(new Case("DATE_UNREADABLE", "corpus/DATE_UNREADABLE.fits",
                edit(jpl, f -> f.primary().set("DATE_OBS", "08/03/2018?").set("TIME_OBS", "half past one")), "LOADED",
                "date unknown"));
    }

    /**
     * Issue 13: headers crafted against the splitter's arithmetic and parsing. Before its fix a negative PCOUNT or
     * GCOUNT walked the HDU scan backwards until the heap was gone, and a far-future date overflowed Avro's
     * timestamp; both restarted the splitter on the same notification for ever.
     */
    private void crafted() {
        reject("NEGATIVE_PCOUNT", "_pipe", edit(pipe, f -> f.hdu("SCI").set("PCOUNT", -100_000_000)), "PCOUNT -100000000");
        reject("NEGATIVE_GCOUNT", "_pipe", edit(pipe, f -> f.hdu("REFOUT").set("GCOUNT", -1)), "GCOUNT -1");
        reject("NAXIS_PRODUCT_OVERFLOWS_LONG", "_pipe", edit(pipe, f -> f.hdu("SCI").set("NAXIS1", 4_294_967_296L)
                .set("NAXIS2", 4_294_967_296L)), "more than 2^63 data bytes");
        reject("NAXIS_1000", edit(jpl, f -> f.primary().set("NAXIS", 1000)), "NAXIS 1000");
        reject("NAXIS_NEGATIVE", edit(jpl, f -> f.primary().set("NAXIS", -1)), "NAXIS -1");
        reject("BITPIX_12", edit(jpl, f -> f.primary().set("BITPIX", 12)), "BITPIX 12");
        reject("THOUSANDS_OF_HDUS", "_pipe", edit(pipe, f -> {
            for (int i = 0; i < 5000; i++) {
                f.hdus.add(FitsBytes.emptyImage("EXTRA" + i));
            }
        }), "too many HDUs");
        reject("STRING_NAXIS1", "_pipe", edit(pipe, f -> f.hdu("SCI").set("NAXIS1", "72")), "NAXIS1 = '72', a string");
        reject("LOGICAL_NAXIS2", edit(jpl, f -> f.primary().set("NAXIS2", true)), "NAXIS2 = T, not an integer");
        reject("REPEATED_NAXIS1", edit(jpl, f -> f.primary().append("NAXIS1", 4000)), "NAXIS1 twice");
        reject("BITPIX_OUT_OF_ORDER", edit(jpl, f -> f.primary().moveToEnd("BITPIX")), "where the standard wants BITPIX");
        reject("SIMPLE_FALSE", edit(jpl, f -> f.primary().set("SIMPLE", false)), "SIMPLE = F");
        reject("STRING_NINTS", "_pipe", edit(pipe, f -> f.primary().set("NINTS", "5")), "NINTS = '5'");
        reject("REAL_NGROUPS", edit(jpl, f -> f.primary().set("NGROUPS", 50.0)), "NGROUPS = 50.0");
        reject("INFINITE_TFRAME", "_pipe", edit(pipe, f -> f.primary().set("TFRAME", new FitsBytes.Literal("1E999"))),
                "beyond the range of a double");
        for (String[] date : List.of(new String[] {"DATE_YEAR_999999999", "+999999999-12-31"},
                new String[] {"DATE_YEAR_1000", "1000-01-01"}, new String[] {"DATE_YEAR_MINUS_1", "-0001-01-01"})) {
            cases.add(new Case(date[0], "corpus/" + date[0] + ".fits",
                    edit(jpl, f -> f.primary().set("DATE_OBS", date[1]).set("TIME_OBS", "01:02:30")), "LOADED",
                    "date unknown"));
        }
    }

    /** Fine alone, but the exposure's raw file (loaded first) says otherwise: the writers refuse them. */
    private void contradictions() {
        cases.add(new Case("RAMP_CONTRADICTS_RAW", "corpus/contradicting-ramp/" + NAME + "_pipe_ramp.fits",
                edit(ramp, f -> f.primary().set("DETECTOR", "MIRIFULONG").set("SCA_ID", 494)), "REJECTED",
                "SCA_ID 494, not 493"));
        cases.add(new Case("RATEINTS_NINTS_CONTRADICTS_RAW", "corpus/contradicting-rateints/" + NAME + "_pipe_rateints.fits",
                edit(rateints, f -> {
                    f.primary().set("NINTS", 4);
                    for (String cube : List.of("SCI", "ERR", "DQ", "VAR_POISSON", "VAR_RNOISE")) {
                        FitsBytes.Hdu hdu = f.hdu(cube).set("NAXIS3", 4);
                        hdu.data = Arrays.copyOf(hdu.data, hdu.data.length / 5 * 4); // integrations are the slowest axis
                    }
                }), "REJECTED", "NINTS 4, not 5"));
    }

    private void reject(String name, byte[] content, String words) {
        reject(name, "", content, words);
    }

    private void reject(String name, String suffix, byte[] content, String words) {
        cases.add(new Case(name, "corpus/" + name + suffix + ".fits", content, "REJECTED", words));
    }

    private void rejectAt(String name, String key, byte[] content, String words) {
        cases.add(new Case(name, key, content, "REJECTED", words));
    }

    private static byte[] edit(byte[] file, Consumer<FitsBytes> change) {
        FitsBytes fits = FitsBytes.parse(file);
        change.accept(fits);
        return fits.bytes();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }
}

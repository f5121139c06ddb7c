package org.miri.pixeldb.stack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./pixeldb synth} as a user types it: which files appear and what it prints. */
class SynthCommandTest {

    @TempDir
    Path out;

    @Test
    void byDefaultOnlyTheUncalFileIsWrittenAsBefore() throws Exception {
        String printed = run("synth", "--subarray", "GENERIC", "--nints", "2", "--ngroups", "4", "-o", out.toString());
        assertEquals(List.of("SYNTH_GENERIC_2x4_s1_uncal.fits"), files());
        assertTrue(printed.contains(out.resolve("SYNTH_GENERIC_2x4_s1_uncal.fits") + "  "), printed);
    }

    @Test
    void productsAreChosenByNameAndEveryFileWrittenIsPrinted() throws Exception {
        String printed = run("synth", "--subarray", "GENERIC", "--nints", "2", "--ngroups", "4", "--name", "X",
                "--products", "uncal,RAMP,rateints,rate", "--no-err", "-o", out.toString());
        List<String> expected = List.of("X_ramp.fits", "X_rate.fits", "X_rateints.fits", "X_uncal.fits");
        assertEquals(expected, files());
        for (String file : expected) {
            assertTrue(printed.contains(out.resolve(file) + "  " + String.format("%,d", Files.size(out.resolve(file)))
                    + " bytes"), printed);
        }
    }

    @Test
    void oneIntegrationHasNoRateintsAndSaysWhy() throws Exception {
        String printed = run("synth", "--subarray", "GENERIC", "--nints", "1", "--ngroups", "4", "--name", "X",
                "--products", "rateints,rate", "-o", out.toString());
        assertEquals(List.of("X_rate.fits"), files());
        assertTrue(printed.contains("no X_rateints.fits: NINTS = 1"), printed);
    }

    @Test
    void aSeriesWithDefectsIsDatedADayApartAndSaysItsFlatField() throws Exception {
        run("synth", "--subarray", "GENERIC", "--nints", "2", "--ngroups", "4", "--count", "3", "--flat", "1000",
                "--defect", "HOT:1:5,WARM:2:6:2-3", "--defect", "jumpy:3:7", "-o", out.toString());
        List<String> dates = new java.util.ArrayList<>();
        for (String file : files()) {
            try (nom.tam.fits.Fits fits = new nom.tam.fits.Fits(out.resolve(file).toFile())) {
                nom.tam.fits.Header primary = fits.getHDU(0).getHeader();
                dates.add(primary.getStringValue("DATE-OBS"));
                assertEquals(1000.0, primary.getDoubleValue("SYNFLAT"), file);
            }
        }
        assertEquals(List.of("2026-11-25", "2026-11-26", "2026-11-27"), dates);
    }

    @Test
    void aMalformedDefectOrOneWithoutAFlatFieldIsAUsageError() throws Exception {
        assertEquals(2, new CommandLine(new PixelDbCommand()).execute("synth", "--flat", "1000", "--defect", "HOT:800",
                "-o", out.toString()));
        assertEquals(2, new CommandLine(new PixelDbCommand()).execute("synth", "--defect", "HOT:800:10",
                "-o", out.toString()));
        assertEquals(List.of(), files(), "nothing written");
    }

    @Test
    void anUnknownProductIsAUsageError() {
        assertEquals(2, new CommandLine(new PixelDbCommand()).execute("synth", "--products", "cal", "-o", out.toString()));
    }

    private String run(String... args) {
        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, new CommandLine(new PixelDbCommand()).execute(args));
        } finally {
            System.setOut(before);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> listing = Files.list(out)) {
            return listing.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}

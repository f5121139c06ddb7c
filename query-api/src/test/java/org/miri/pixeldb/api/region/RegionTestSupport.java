package org.miri.pixeldb.api.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Checks FITS responses with an independent verifier. */
public final class RegionTestSupport {

    private RegionTestSupport() {
    }

    /** fitsverify, where installed, must find no error. */
    public static void fitsverify(byte[] body) throws Exception {
        Path tool = Path.of("/usr/bin/fitsverify");
        if (!Files.isExecutable(tool)) {
            System.out.println("fitsverify is not installed (Debian: apt-get install fitsverify): this FITS response is"
                    + " checked by reading it back with nom-tam-fits only");
            return;
        }
        Path file = Files.createTempFile("region", ".fits");
        try {
            Files.write(file, body);
            Process process = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("**** Verification found 0 warning(s) and 0 error(s). ****"), output);
        } finally {
            Files.delete(file);
        }
    }
}

package org.miri.pixeldb.stack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 13, item 18: a log got one carriage-return frame per percent, all on one line. */
class ProgressBarTest {

    private static String upload(boolean terminal) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (InputStream in = new ProgressBar(new ByteArrayInputStream(new byte[1_000_000]), "x_uncal.fits", 1_000_000,
                out, terminal)) {
            byte[] buffer = new byte[1000];
            while (in.read(buffer, 0, buffer.length) > 0) {
                // a thousand reads, as an upload makes them
            }
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void notATerminalGetsWholeLinesAtTheStartAndTheEnd() throws Exception {
        String log = upload(false);
        assertFalse(log.contains("\r"), log);
        String[] lines = log.split("\n");
        assertEquals(2, lines.length, log); // the first read and the last; 5 s never pass in between here
        assertTrue(lines[0].startsWith("x_uncal.fits: 0% of 1.0 MB uploaded"), lines[0]);
        assertTrue(lines[1].startsWith("x_uncal.fits: 100% of 1.0 MB uploaded"), lines[1]);
    }

    @Test
    void aTerminalGetsOneRedrawnLine() throws Exception {
        String screen = upload(true);
        assertEquals(101, screen.split("\r", -1).length - 1, "one frame per percent"); // 0..100
        assertEquals(1, screen.split("\n", -1).length - 1, "one newline, at the end");
    }
}

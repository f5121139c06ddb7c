package org.miri.pixeldb.stack.server;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's shared_buffers for the local stack: {@code up --shared-buffers}, checked before anything starts. */
public final class SharedBuffers {

    /** PostgreSQL's own floor is 128 kB; below this the pixel path would thrash the buffers at once. */
    static final long MIN_MB = 128;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(MB|GB)");

    private SharedBuffers() {
    }

    /**
     * A quarter of the machine's memory, the usual PostgreSQL advice, between 128 MB and 4 GB: the pixel-life lookups
     * of the API touch a page per strip all over the database, which 256 MB of buffers left to copies from the OS
     * cache.
     */
    public static long automatic(long machineMb) {
        return Math.max(MIN_MB, Math.min(4096, machineMb / 4));
    }

    /**
     * @param value "auto", or a size such as "512MB" or "10GB"
     * @return megabytes; more than three quarters of the machine would leave the services and Kafka without memory
     */
    public static long megabytes(String value, long machineMb) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("auto")) {
            return automatic(machineMb);
        }
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--shared-buffers must be auto or a size such as 512MB or 10GB, not '"
                    + value + "'");
        }
        long mb = Long.parseLong(m.group(1)) * (m.group(2).equals("GB") ? 1024 : 1);
        if (mb < MIN_MB || mb > machineMb * 3 / 4) {
            throw new IllegalArgumentException("--shared-buffers " + value + " is outside " + MIN_MB + " MB to "
                    + machineMb * 3 / 4 + " MB (three quarters of this machine's " + machineMb + " MB): the services "
                    + "and Kafka need the rest");
        }
        return mb;
    }

    public static long machineMegabytes() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024);
    }
}

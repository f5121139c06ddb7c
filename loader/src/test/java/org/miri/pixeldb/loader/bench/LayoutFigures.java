package org.miri.pixeldb.loader.bench;

/**
 * What one layout measured. Sizes are table + TOAST + indexes (summed over every partition) after
 * the SUB256 exposures; the full-frame figures are the growth from one more, full-frame exposure
 * (science ramps only: 5,283,840 ramps, 211.4 MB of samples). Latencies are medians of warm runs.
 */
record LayoutFigures(LayoutVariant variant, double subLoadMs, long subRampsPerExposure, long subSampleBytes,
                     long heapBytes, long toastBytes, long indexBytes, double pixelMedianMs, double pixelMaxMs,
                     double regionMedianMs, double exposureReadMbPerS, double fullLoadS, long fullBytes,
                     long fullSampleBytes) {

    static final String HEADER = String.format("%-21s %8s %8s %7s %8s %7s %8s %8s %8s %12s %9s %9s %8s",
            "layout", "SUB256 s", "FF est s", "FF s", "FF MB", "x FITS", "heap MB", "toast MB", "index MB",
            "pixel ms", "region ms", "read MB/s", "B/sample");

    long totalBytes() {
        return heapBytes + toastBytes + indexBytes;
    }

    String row() {
        double fullFrameEstimate = subLoadMs / 1000 * 5_283_840 / subRampsPerExposure;
        return String.format("%-21s %8.3f %8.1f %7.1f %8.1f %7.2f %8.1f %8.1f %8.1f %5.2f/%6.2f %9.2f %9.0f %8.2f",
                variant.name(), subLoadMs / 1000, fullFrameEstimate, fullLoadS, fullBytes / 1e6,
                (double) fullBytes / fullSampleBytes, heapBytes / 1e6, toastBytes / 1e6, indexBytes / 1e6,
                pixelMedianMs, pixelMaxMs, regionMedianMs, exposureReadMbPerS,
                (double) totalBytes() / subSampleBytes * 2);
    }
}

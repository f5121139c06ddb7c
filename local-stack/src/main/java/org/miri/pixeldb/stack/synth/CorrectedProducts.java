package org.miri.pixeldb.stack.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import nom.tam.fits.FitsException;

/**
 * Writes the corrected products of a synthetic exposure ({@code X_ramp.fits}, {@code X_rateints.fits},
 * {@code X_rate.fits}) in one pass over its integrations, strip of rows by strip of rows, from the
 * same seeded ramps as its uncal file: each strip is computed once and goes to every file asked for.
 */
public final class CorrectedProducts {

    /** Samples per strip array: 4 MB of float32 whatever the frame, so a full frame stays in a small heap. */
    private static final int STRIP_SAMPLES = 1 << 20;

    private CorrectedProducts() {
    }

    /**
     * @param jplOrigin the uncal is a JPL ground-test file: the products say ORIGIN = 'JPL' and name the
     *                  detector MIRIMAGE, as the splitter loads JPL data
     * @return the files written, in product order; RATEINTS is not written when NINTS = 1
     */
    public static Map<Product, Path> write(ExposureSpec spec, Path folder, Set<Product> products, boolean withErr,
            boolean jplOrigin) throws IOException, FitsException {
        int rows = Math.max(1, Math.min(spec.ny(), STRIP_SAMPLES / (spec.nx() * spec.ngroups())));
        return write(jplOrigin ? spec.onDetector("MIRIMAGE") : spec, folder, products, withErr, jplOrigin, rows);
    }

    static Map<Product, Path> write(ExposureSpec spec, Path folder, Set<Product> products, boolean withErr,
            boolean jplOrigin, int stripRows) throws IOException, FitsException {
        Map<Product, Path> files = new EnumMap<>(Product.class);
        Path rampFile = file(Product.RAMP, spec, folder, products, files);
        Path rateintsFile = file(Product.RATEINTS, spec, folder, products, files);
        Path rateFile = file(Product.RATE, spec, folder, products, files);
        if (files.isEmpty()) {
            return files;
        }
        ExposureSlope exposure = rateFile == null ? null : new ExposureSlope(spec.nx() * spec.ny(), spec.tframe());
        CorrectedStrip strip = new CorrectedStrip(spec, stripRows);
        try (JwstRampLayout ramp = rampFile == null ? null : new JwstRampLayout(spec, rampFile,
                ProvenanceKeywords.primary(spec, jplOrigin, name(rampFile), "RampModel", false), withErr);
             JwstSlopeLayout rateints = rateintsFile == null ? null : JwstSlopeLayout.rateints(spec, rateintsFile,
                ProvenanceKeywords.primary(spec, jplOrigin, name(rateintsFile), "CubeModel", true))) {
            for (int integration = 1; integration <= spec.nints(); integration++) {
                for (int first = 0; first < spec.ny(); first += stripRows) {
                    strip.fill(integration, first, Math.min(stripRows, spec.ny() - first), exposure);
                    if (ramp != null) {
                        ramp.write(strip);
                    }
                    if (rateints != null) {
                        rateints.write(integration - 1, first, strip.rows, strip.slopes);
                    }
                }
            }
            finish(ramp, rateints);
        }
        if (rateFile != null) {
            try (JwstSlopeLayout rate = JwstSlopeLayout.rate(spec, rateFile,
                    ProvenanceKeywords.primary(spec, jplOrigin, name(rateFile), "ImageModel", true))) {
                for (int first = 0; first < spec.ny(); first += stripRows) {
                    int rows = Math.min(stripRows, spec.ny() - first);
                    exposure.fill(first * spec.nx(), rows * spec.nx(), strip.slopes);
                    rate.write(0, first, rows, strip.slopes);
                }
                rate.finish();
            }
        }
        return files;
    }

    private static void finish(JwstRampLayout ramp, JwstSlopeLayout rateints) throws IOException {
        if (ramp != null) {
            ramp.finish();
        }
        if (rateints != null) {
            rateints.finish();
        }
    }

    private static Path file(Product product, ExposureSpec spec, Path folder, Set<Product> products,
            Map<Product, Path> files) {
        if (!products.contains(product) || !product.existsFor(spec.nints())) {
            return null;
        }
        Path file = folder.resolve(product.fileName(spec.name()));
        files.put(product, file);
        return file;
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}

package org.miri.pixeldb.api.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import javax.sql.DataSource;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.synth.CorrectedProducts;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.JwstRawLayout;
import org.miri.pixeldb.stack.synth.Product;

/**
 * Synthetic exposures written by the local stack's synthesiser (./pixeldb synth) and loaded by the pipeline's code:
 * they need no shared data, cover other detectors and subarrays, and RATE products.
 */
public final class SyntheticExposures {

    /** MIRIFULONG SUB64, 2 x 5, raw + ramp + rateints + rate. */
    public static final String FULONG = "SYNTH_FULONG_SUB64";
    /** MIRIFULONG SUB128, 1 x 4, raw only. */
    public static final String FULONG_RAW = "SYNTH_FULONG_SUB128_RAW";
    /** MIRIFUSHORT SUB64, 1 x 3, raw only. */
    public static final String FUSHORT = "SYNTH_FUSHORT_SUB64";

    /** MIRIMAGE SUB64, 1 x 3, raw only: a second exposure of the JPL8 pixels, dated 2026. */
    public static final String IMAGE = "SYNTH_IMAGE_SUB64";

    private static boolean loaded;

    private SyntheticExposures() {
    }

    public static synchronized void load(DataSource db) throws Exception {
        if (loaded) {
            return;
        }
        Path folder = Files.createTempDirectory("synth");
        write(db, folder, new ExposureSpec(FULONG, Subarray.SUB64, 2, 5, "MIRIFULONG", 3), true);
        write(db, folder, new ExposureSpec(FULONG_RAW, Subarray.SUB128, 1, 4, "MIRIFULONG", 4), false);
        write(db, folder, new ExposureSpec(FUSHORT, Subarray.SUB64, 1, 3, "MIRIFUSHORT", 5), false);
        write(db, folder, new ExposureSpec(IMAGE, Subarray.SUB64, 1, 3, "MIRIMAGE", 6), false);
        loaded = true;
    }

    /** The file of a product of a synthetic exposure, once {@link #load} ran. */
    public static Path write(DataSource db, Path folder, ExposureSpec spec, boolean corrected) throws Exception {
        Path raw = JwstRawLayout.write(spec, folder);
        PipelineLoader.load(db, raw, "synth/" + raw.getFileName());
        if (corrected) {
            Map<Product, Path> files = CorrectedProducts.write(spec, folder,
                    EnumSet.of(Product.RAMP, Product.RATEINTS, Product.RATE), true, false);
            for (Path file : files.values()) {
                PipelineLoader.load(db, file, "synth/" + file.getFileName());
            }
        }
        return folder;
    }
}

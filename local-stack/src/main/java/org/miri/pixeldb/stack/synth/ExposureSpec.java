package org.miri.pixeldb.stack.synth;

import org.miri.pixeldb.model.Detector;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.model.Subarray;

/** What to synthesise: one exposure's geometry, size, detector, the seed of its ramps and the scene they see. */
public record ExposureSpec(String name, Subarray subarray, int nints, int ngroups, String detector, long seed,
        Scene scene) {

    public ExposureSpec {
        if (nints < 1 || ngroups < 1) {
            throw new IllegalArgumentException("nints and ngroups must be at least 1, not " + nints + " and " + ngroups);
        }
        java.util.Objects.requireNonNull(scene, "scene");
    }

    /** An exposure of the dark sky, the first of its series. */
    public ExposureSpec(String name, Subarray subarray, int nints, int ngroups, String detector, long seed) {
        this(name, subarray, nints, ngroups, detector, seed, Scene.SKY);
    }

    /** The same exposure read out by another detector. */
    public ExposureSpec onDetector(String otherDetector) {
        return new ExposureSpec(name, subarray, nints, ngroups, otherDetector, seed, scene);
    }

    int nx() {
        return subarray.subsize1();
    }

    int ny() {
        return subarray.subsize2();
    }

    /** FAST-mode frame time: 2.775 s for the full frame, scaled by the pixels read. */
    double tframe() {
        return Math.round(2.775 * nx() * ny() / ((double) FrameGeometry.PIXELS) * 1e5) / 1e5;
    }

    int scaId() {
        return Detector.named(detector)
                .orElseThrow(() -> new IllegalArgumentException("unknown MIRI detector " + detector)).scaId();
    }

    /** Reference pixels: full-frame columns 1-4 and 1029-1032. */
    boolean isReferenceColumn(int col) {
        return FrameGeometry.isReferenceColumn(col);
    }
}

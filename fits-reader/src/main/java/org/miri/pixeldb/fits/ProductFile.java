package org.miri.pixeldb.fits;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import nom.tam.fits.Fits;
import org.miri.pixeldb.fits.jwst.CorrectedRampArrays;
import org.miri.pixeldb.fits.jwst.CorrectedRampReader;
import org.miri.pixeldb.fits.jwst.ExposureDescriptor;
import org.miri.pixeldb.fits.jwst.RawExposureReader;
import org.miri.pixeldb.fits.jwst.RawSampleSource;
import org.miri.pixeldb.fits.jwst.SlopeArrays;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.fits.jwst.SlopeReader;
import org.miri.pixeldb.fits.structure.ArrayFile;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * An opened, validated product: its descriptor, and the reader its kind needs ({@code descriptor().product()} tells
 * which): {@link #raw()} for RAW, {@link #corrected()} for RAMP, {@link #slopes()} for RATEINTS and RATE. Keeps the
 * file open until closed.
 */
public final class ProductFile implements Closeable {

    private final Fits fits;
    private final ExposureDescriptor descriptor;
    private final RawSampleSource rawSamples;
    private final CorrectedRampReader corrected;
    private final SlopeReader slopes;
    /** What the reader reads through: the raw sample source, or the product's {@link ArrayFile}. */
    private final Closeable source;

    private ProductFile(Fits fits, ExposureDescriptor descriptor, RawSampleSource rawSamples,
            CorrectedRampReader corrected, SlopeReader slopes, Closeable source) {
        this.fits = fits;
        this.descriptor = descriptor;
        this.rawSamples = rawSamples;
        this.corrected = corrected;
        this.slopes = slopes;
        this.source = source;
    }

    static ProductFile raw(Fits fits, ExposureDescriptor descriptor, RawSampleSource samples) {
        return new ProductFile(fits, descriptor, samples, null, null, samples);
    }

    static ProductFile corrected(Fits fits, ExposureDescriptor descriptor, CorrectedRampArrays arrays, Path path)
            throws IOException {
        ArrayFile file = new ArrayFile(path);
        CorrectedRampReader reader = new CorrectedRampReader(descriptor.keywords().geometry(), arrays, file);
        return new ProductFile(fits, descriptor, null, reader, null, file);
    }

    static ProductFile slopes(Fits fits, ExposureDescriptor descriptor, SlopeArrays arrays, Path path)
            throws IOException {
        ArrayFile file = new ArrayFile(path);
        SlopeGeometry geometry = SlopeGeometry.of(descriptor.product(), descriptor.keywords());
        return new ProductFile(fits, descriptor, null, null, new SlopeReader(geometry, arrays, file), file);
    }

    public ExposureDescriptor descriptor() {
        return descriptor;
    }

    public boolean isRaw() {
        return rawSamples != null;
    }

    /** The ramps of a RAW product; IllegalStateException for any other kind. */
    public RawExposureReader raw() {
        require(rawSamples, "raw", ProductKind.RAW);
        return new RawExposureReader(descriptor.keywords().geometry(), rawSamples);
    }

    /** The corrected ramps of a RAMP product; IllegalStateException for any other kind. */
    public CorrectedRampReader corrected() {
        return require(corrected, "corrected", ProductKind.RAMP);
    }

    /** The slopes of a RATEINTS or RATE product; IllegalStateException for any other kind. */
    public SlopeReader slopes() {
        return require(slopes, "slopes", ProductKind.RATEINTS);
    }

    private <T> T require(T reader, String accessor, ProductKind reads) {
        if (reader == null) {
            throw new IllegalStateException("this is a " + descriptor.product() + " product: " + accessor
                    + "() reads " + (reads == ProductKind.RATEINTS ? "RATEINTS and RATE" : reads) + " products only");
        }
        return reader;
    }

    @Override
    public void close() throws IOException {
        try (fits; source) {
            // Both closed, even when one fails.
        }
    }
}

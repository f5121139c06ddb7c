package org.miri.pixeldb.splitter.fits;

import java.io.Closeable;
import java.io.IOException;
import nom.tam.fits.Fits;

/**
 * An opened, validated product: its descriptor, and for raw products a reader of its ramps. Keeps the file open
 * until closed.
 */
public final class ProductFile implements Closeable {

    private final Fits fits;
    private final ExposureDescriptor descriptor;
    private final RawSampleSource rawSamples;

    ProductFile(Fits fits, ExposureDescriptor descriptor, RawSampleSource rawSamples) {
        this.fits = fits;
        this.descriptor = descriptor;
        this.rawSamples = rawSamples;
    }

    public ExposureDescriptor descriptor() {
        return descriptor;
    }

    public boolean isRaw() {
        return rawSamples != null;
    }

    /**
     * The ramps of a raw product.
     *
     * @throws IllegalStateException for corrected products, whose reading is not implemented yet
     */
    public RawExposureReader raw() {
        if (rawSamples == null) {
            throw new IllegalStateException(descriptor.product() + " products are recognised but not read yet");
        }
        return new RawExposureReader(descriptor.keywords().geometry(), rawSamples);
    }

    @Override
    public void close() throws IOException {
        try (fits) {
            if (rawSamples != null) {
                rawSamples.close();
            }
        }
    }
}

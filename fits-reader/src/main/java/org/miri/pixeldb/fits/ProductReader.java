package org.miri.pixeldb.fits;

import java.io.IOException;
import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.ImageHDU;
import org.miri.pixeldb.fits.groundtest.GroundTestFrames;
import org.miri.pixeldb.fits.groundtest.GroundTestKeywords;
import org.miri.pixeldb.fits.groundtest.GroundTestRawSource;
import org.miri.pixeldb.fits.jwst.CorrectedRampArrays;
import org.miri.pixeldb.fits.jwst.ExposureDescriptor;
import org.miri.pixeldb.fits.jwst.ExposureKeywords;
import org.miri.pixeldb.fits.jwst.ExposureName;
import org.miri.pixeldb.fits.jwst.ExposureTiming;
import org.miri.pixeldb.fits.jwst.JwstKeywords;
import org.miri.pixeldb.fits.jwst.JwstRawLayout;
import org.miri.pixeldb.fits.jwst.JwstRawSource;
import org.miri.pixeldb.fits.jwst.MiriKeyword;
import org.miri.pixeldb.fits.jwst.ProductLayout;
import org.miri.pixeldb.fits.jwst.RawSampleSource;
import org.miri.pixeldb.fits.jwst.SlopeArrays;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.structure.Extensions;
import org.miri.pixeldb.fits.structure.FitsCard;
import org.miri.pixeldb.fits.structure.FitsStructure;
import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.structure.RejectedProductException;

/**
 * Opens a product downloaded to a local file: checks its structure, recognises the product by header content,
 * validates every keyword and every array's type and shape it relies on, and only then offers its data.
 */
public final class ProductReader {

    private static final String MIRI = "MIRI";

    private ProductReader() {
    }

    /**
     * @param file      the local copy of the object
     * @param objectKey the object's key in the bucket; its last segment gives the exposure name
     * @throws RejectedProductException when the object is not an ingestible MIRI product; the reason says why
     * @throws IOException              when the local file cannot be read
     */
    public static ProductFile open(Path file, String objectKey) throws IOException, RejectedProductException {
        String name = ExposureName.fromObjectKey(objectKey);
        FitsStructure.scan(file);
        Fits fits = openFits(file);
        try {
            return read(fits, file, name);
        } catch (FitsException e) {
            fits.close();
            throw new RejectedProductException("unreadable FITS: " + e.getMessage(), e);
        } catch (RejectedProductException | IOException | RuntimeException e) {
            fits.close();
            throw e;
        }
    }

    private static ProductFile read(Fits fits, Path file, String name)
            throws FitsException, IOException, RejectedProductException {
        Extensions hdus = new Extensions(fits.read());
        BasicHDU<?> primaryHdu = hdus.primary();
        HeaderValues primary = new HeaderValues(primaryHdu.getHeader(), "the primary header");
        String instrument = primary.string(MiriKeyword.INSTRUME);
        if (!MIRI.equalsIgnoreCase(instrument)) {
            throw new RejectedProductException("INSTRUME is " + (instrument == null ? "missing" : instrument)
                    + ", not " + MIRI);
        }
        ProductLayout layout = ProductRecognition.layout(hdus, primary);
        GroundTestFrames frames = layout.isGroundTestRaw() ? GroundTestFrames.of(primaryHdu, layout, primary) : null;
        ExposureKeywords keywords = frames != null ? GroundTestKeywords.read(primary, layout, frames)
                : JwstKeywords.read(primary);
        keywords.validate();
        if (layout == ProductLayout.JWST_RAW) {
            JwstRawLayout.validate(hdus, keywords);
        }
        CorrectedRampArrays ramps = layout == ProductLayout.JWST_RAMP ? CorrectedRampArrays.validate(hdus, keywords)
                : null;
        SlopeArrays slopes = layout == ProductLayout.JWST_RATEINTS || layout == ProductLayout.JWST_RATE
                ? SlopeArrays.validate(hdus, keywords, layout.kind()) : null;
        ExposureDescriptor descriptor = new ExposureDescriptor(name, layout, ProductRecognition.origin(layout, primary),
                keywords, ExposureTiming.read(primary), primary.string(MiriKeyword.EXP_TYPE),
                FitsCard.all(primaryHdu.getHeader()));
        // Readers last: everything that can reject the product has run, nothing more can leak them.
        if (ramps != null) {
            return ProductFile.corrected(fits, descriptor, ramps, file);
        }
        if (slopes != null) {
            return ProductFile.slopes(fits, descriptor, slopes, file);
        }
        RawSampleSource samples = frames != null
                ? new GroundTestRawSource(file.toFile(), (ImageHDU) primaryHdu, frames, keywords.ngroups())
                : new JwstRawSource(file, hdus.image(ExtensionName.SCI), hdus.image(ExtensionName.REFOUT),
                        keywords.ngroups());
        return ProductFile.raw(fits, descriptor, samples);
    }

    private static Fits openFits(Path file) throws RejectedProductException {
        try {
            return new Fits(file.toFile());
        } catch (FitsException e) {
            throw new RejectedProductException("unreadable FITS: " + e.getMessage(), e);
        }
    }
}

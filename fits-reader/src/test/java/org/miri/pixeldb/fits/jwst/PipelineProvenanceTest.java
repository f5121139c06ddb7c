package org.miri.pixeldb.fits.jwst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.ProductReader;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticCorrectedProduct;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.Provenance;
import org.miri.pixeldb.schemas.SourceObject;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/** Corrected and slope products carry the pipeline's provenance from their primary header; raw products none. */
class PipelineProvenanceTest {

    @TempDir
    Path folder;

    @Test
    void theSharedRateintsProductWasMadeByPipeline0170() throws Exception {
        Exposure exposure = map(SharedExposure.file(SharedExposure.PIPE_RATEINTS), SharedExposure.PIPE_RATEINTS);
        Provenance provenance = exposure.getProvenance();
        assertEquals("0.17.0", provenance.getCalVer());
        assertEquals("RELEASE", provenance.getCalVcs());
        assertEquals("7.5.0.0", provenance.getCrdsVer());
        assertEquals("jwst_0642.pmap", provenance.getCrdsCtx());
        assertEquals("COMPLETE", provenance.getSteps().get("S_JUMP"));
        assertEquals("crds://jwst_miri_mask_0023.fits", provenance.getReferenceFiles().get("R_MASK"));
        // Every step and reference file, in file order, values trimmed ('SKIPPED ' in the file).
        assertEquals(List.of("S_DQINIT", "S_FRSTFR", "S_GANSCL", "S_GRPSCL", "S_IPC", "S_JUMP", "S_LASTFR",
                "S_LINEAR", "S_RAMP", "S_REFPIX", "S_RSCD", "S_SATURA"), List.copyOf(provenance.getSteps().keySet()));
        assertEquals("SKIPPED", provenance.getSteps().get("S_REFPIX"));
        assertEquals(Map.of("R_GAIN", "crds://jwst_miri_gain_0008.fits", "R_IPC", "crds://jwst_miri_ipc_0009.fits",
                "R_LINEAR", "crds://jwst_miri_linearity_0024.fits", "R_MASK", "crds://jwst_miri_mask_0023.fits",
                "R_READNO", "crds://jwst_miri_readnoise_0053.fits", "R_RSCD", "crds://jwst_miri_rscd_0010.fits",
                "R_SATURA", "crds://jwst_miri_saturation_0022.fits"), provenance.getReferenceFiles());
        assertEquals(List.of("R_GAIN", "R_IPC", "R_LINEAR", "R_MASK", "R_READNO", "R_RSCD", "R_SATURA"),
                List.copyOf(provenance.getReferenceFiles().keySet()));
        AvroMessageCodec<Exposure> codec = AvroMessageCodec.of(Exposure.class);
        assertEquals(exposure, codec.decode(codec.encode(exposure)));
    }

    @Test
    void theSharedRampProductWasRegeneratedByPipeline1140() throws Exception {
        Exposure exposure = map(SharedExposure.file(SharedExposure.PIPE_RAMP), SharedExposure.PIPE_RAMP);
        assertEquals(ProductKind.RAMP, exposure.getProduct());
        Provenance provenance = exposure.getProvenance();
        assertEquals("1.14.0", provenance.getCalVer());
        assertEquals("11.17.14", provenance.getCrdsVer());
        assertEquals("jwst_1241.pmap", provenance.getCrdsCtx());
        assertEquals(12, provenance.getSteps().size());
        assertEquals("SKIPPED", provenance.getSteps().get("S_DARK"));
        assertEquals("crds://jwst_miri_mask_0036.fits", provenance.getReferenceFiles().get("R_MASK"));
        assertEquals(6, provenance.getReferenceFiles().size());
    }

    @Test
    void rawProductsHaveNoProvenance() throws Exception {
        assertNull(map(SharedExposure.file(SharedExposure.PIPE), SharedExposure.PIPE).getProvenance());
    }

    @Test
    void absentKeywordsAreNullAndOnlyPresentStepsAreKept() throws Exception {
        Path file = new SyntheticCorrectedProduct(ProductKind.RATE).with(MiriKeyword.CAL_VER, null)
                .write(folder, "x_rate.fits");
        Provenance provenance = map(file, "x_rate.fits").getProvenance();
        assertNull(provenance.getCalVer());
        assertNull(provenance.getCalVcs());
        assertNull(provenance.getCrdsVer());
        assertEquals("jwst_1241.pmap", provenance.getCrdsCtx());
        assertEquals(Map.of("S_JUMP", "COMPLETE", "S_DARK", "SKIPPED"), provenance.getSteps());
        assertEquals(List.of("R_MASK", "R_GAIN"), List.copyOf(provenance.getReferenceFiles().keySet()));
    }

    private static Exposure map(Path file, String key) throws Exception {
        SourceObject source = new SourceObject("pixeldb-ingest", key, "etag", Files.size(file), null);
        try (ProductFile product = ProductReader.open(file, key)) {
            return ExposureMapper.toAvro(product.descriptor(), source, "a", Instant.EPOCH);
        }
    }
}

package org.miri.pixeldb.fits.jwst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.ProductReader;
import org.miri.pixeldb.fits.structure.FileChecksum;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticExposure;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.HeaderCard;
import org.miri.pixeldb.schemas.Origin;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SourceObject;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

class ExposureMapperTest {

    private static final Instant SPLIT_AT = Instant.parse("2025-01-02T03:04:05.678901Z");

    @TempDir
    Path folder;

    @Test
    void theRealJplFileBecomesAnExposureMessage() throws Exception {
        Path file = SharedExposure.file(SharedExposure.JPL_RAW);
        String checksum = FileChecksum.sha256(file);
        assertEquals("f4d064af96774468cf785ccd9eded167b4357e49226f628abeb295e4c9bdac2a", checksum);
        Exposure exposure = map(file, "jpl8/" + SharedExposure.JPL_RAW, checksum);

        assertEquals(SharedExposure.NAME, exposure.getName());
        assertEquals(ProductKind.RAW, exposure.getProduct());
        assertEquals("MIRIMAGE", exposure.getDetector());
        assertEquals(493, exposure.getScaId());
        assertEquals("IC", exposure.getOriginDetector());
        assertEquals(20, exposure.getOriginScaId());
        assertEquals("SUB64", exposure.getSubarray());
        assertEquals(1, exposure.getSubstrt1());
        assertEquals(779, exposure.getSubstrt2());
        assertEquals(72, exposure.getSubsize1());
        assertEquals(64, exposure.getSubsize2());
        assertEquals("FAST", exposure.getReadpatt());
        assertEquals(5, exposure.getNints());
        assertEquals(50, exposure.getNgroups());
        assertEquals(1, exposure.getNframes());
        assertNull(exposure.getGroupgap());
        assertEquals(0.085, exposure.getTframe());
        assertEquals(4.256, exposure.getInttime());
        assertEquals(21.28, exposure.getExptime());
        assertEquals(Instant.parse("2018-03-08T01:02:30Z"), exposure.getDateObs());
        assertNull(exposure.getDateEnd(), "DATE_END 'yyyy-mm-dd' is a placeholder");
        assertNull(exposure.getExpType());
        assertEquals(Origin.JPL, exposure.getOrigin());
        assertEquals(Instant.parse("2025-01-02T03:04:05.678Z"), exposure.getSplitAt());
        assertEquals(47, exposure.getHeader().size(), "every card but END");
        assertEquals(new HeaderCard("SIMPLE", "T", "standard FITS"), exposure.getHeader().get(0));
        assertEquals(new HeaderCard("DATE_END", "yyyy-mm-dd", "[from last pkt]"), exposure.getHeader().get(21));
        assertEquals(new HeaderCard("COMMENT", null, null), exposure.getHeader().get(46));
        AvroMessageCodec<Exposure> codec = AvroMessageCodec.of(Exposure.class);
        assertEquals(exposure, codec.decode(codec.encode(exposure)));
    }

    @Test
    void bothLayoutsOfTheRealExposureDescribeTheSameExposure() throws Exception {
        Exposure raw = map(SharedExposure.file(SharedExposure.JPL_RAW), SharedExposure.JPL_RAW, "a");
        Exposure pipe = map(SharedExposure.file(SharedExposure.PIPE), SharedExposure.PIPE, "a");
        Exposure.Builder comparable = Exposure.newBuilder(pipe).setHeader(raw.getHeader()).setSource(raw.getSource())
                .setGroupgap(null); // the converter added GROUPGAP = 0, the raw file does not say
        assertEquals(raw, comparable.build());
    }

    @Test
    void aSyntheticFlightFileKeepsItsJwstKeywordsAndMicroseconds() throws Exception {
        Path file = new SyntheticExposure(SyntheticExposure.Layout.JWST).write(folder, "jw_x_uncal.fits");
        Exposure exposure = map(file, "flight/jw_x_uncal.fits", FileChecksum.sha256(file));
        assertEquals("jw_x", exposure.getName());
        assertEquals("MIRIFUSHORT", exposure.getDetector());
        assertEquals(495, exposure.getScaId());
        assertNull(exposure.getOriginDetector());
        assertNull(exposure.getOriginScaId());
        assertEquals(new Subarray("GENERIC", 5, 101, 72, 8), new Subarray(exposure.getSubarray(),
                exposure.getSubstrt1(), exposure.getSubstrt2(), exposure.getSubsize1(), exposure.getSubsize2()));
        assertEquals("SLOWR1", exposure.getReadpatt());
        assertEquals(0, exposure.getGroupgap());
        assertEquals("MIR_DARKMRS", exposure.getExpType());
        assertEquals(Origin.FLIGHT, exposure.getOrigin());
        assertEquals(Instant.parse("2022-06-20T10:11:12.345678Z"), exposure.getDateObs());
        assertEquals(Instant.parse("2022-06-20T10:12:00.500Z"), exposure.getDateEnd());
    }

    @Test
    void checksumIsTheStreamedSha256OfTheContent() throws Exception {
        Path file = Files.writeString(folder.resolve("abc.txt"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FileChecksum.sha256(file));
    }

    private static Exposure map(Path file, String key, String checksum) throws Exception {
        SourceObject source = new SourceObject("pixeldb-ingest", key, "etag", Files.size(file), null);
        try (ProductFile product = ProductReader.open(file, key)) {
            return ExposureMapper.toAvro(product.descriptor(), source, checksum, SPLIT_AT);
        }
    }
}

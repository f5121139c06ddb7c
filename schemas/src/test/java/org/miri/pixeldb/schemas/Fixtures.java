package org.miri.pixeldb.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** Fully populated example messages shared by the tests. */
public final class Fixtures {

    public static final Instant DATE_OBS = Instant.parse("2022-07-12T10:15:30.123456Z");
    public static final Instant DATE_END = Instant.parse("2022-07-12T10:20:41.654321Z");
    public static final Instant SPLIT_AT = Instant.parse("2026-11-25T09:30:00.123Z");
    public static final Instant LAST_MODIFIED = Instant.parse("2026-11-20T17:02:03.456Z");
    public static final String CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Fixtures() {
    }

    /** An Exposure with every field, nullable ones included, set to a non-default value. */
    public static Exposure exposure() {
        return Exposure.newBuilder()
                .setName("jw01024001001_02101_00001_mirimage")
                .setProduct(ProductKind.RAW)
                .setProductChecksum(CHECKSUM)
                .setDetector("MIRIMAGE")
                .setScaId(493)
                .setOriginDetector("IC")
                .setOriginScaId(104)
                .setSubarray("FULL")
                .setSubstrt1(1).setSubstrt2(1).setSubsize1(1032).setSubsize2(1024)
                .setReadpatt("FASTR1")
                .setNints(2).setNgroups(50).setNframes(1).setGroupgap(0)
                .setTframe(2.775).setTgroup(2.775).setInttime(135.975).setExptime(271.95)
                .setDateObs(DATE_OBS).setDateEnd(DATE_END)
                .setExpType("MIR_IMAGE")
                .setOrigin(Origin.JPL)
                .setSource(SourceObject.newBuilder()
                        .setBucket("miri-raw").setKey("jpl/2019/jw01024001001_02101_00001_mirimage_uncal.fits")
                        .setEtag("d41d8cd98f00b204e9800998ecf8427e").setSize(211_507_200L)
                        .setLastModified(LAST_MODIFIED).build())
                .setHeader(List.of(
                        new HeaderCard("SIMPLE", "T", "conforms to FITS standard"),
                        new HeaderCard("DETECTOR", "IC", "Name of detector used to acquire data"),
                        new HeaderCard("DATE-OBS", "2022-07-12", null),
                        new HeaderCard("COMMENT", null, null)))
                .setSplitAt(SPLIT_AT)
                .setProvenance(Provenance.newBuilder()
                        .setCalVer("0.17.0").setCalVcs("RELEASE").setCrdsVer("7.5.0.0").setCrdsCtx("jwst_0642.pmap")
                        .setSteps(java.util.Map.of("S_JUMP", "COMPLETE", "S_IPC", "SKIPPED"))
                        .setReferenceFiles(java.util.Map.of("R_MASK", "crds://jwst_miri_mask_0023.fits"))
                        .build())
                .build();
    }

    /** Samples of a rows x cols x ngroups block: sample (r, c, g) = 10000 + 100 r + 10 c + g, big-endian. */
    public static ByteBuffer samples(int rows, int cols, int ngroups) {
        ByteBuffer buffer = ByteBuffer.allocate(rows * cols * ngroups * 2);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int g = 0; g < ngroups; g++) {
                    buffer.putShort((short) (10000 + 100 * r + 10 * c + g));
                }
            }
        }
        return buffer.flip();
    }

    public static RawRampChunk rampChunk() {
        return RawRampChunk.newBuilder()
                .setExposure("jw01024001001_02101_00001_mirimage")
                .setProductChecksum(CHECKSUM)
                .setIntegration(2).setKind(RampKind.SCIENCE)
                .setFirstRow(73).setRows(8).setFirstCol(1).setCols(72).setNgroups(50)
                .setChunkIndex(9).setChunkCount(256)
                .setSamples(samples(8, 72, 50))
                .build();
    }
}

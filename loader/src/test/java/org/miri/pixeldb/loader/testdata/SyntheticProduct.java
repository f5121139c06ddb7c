package org.miri.pixeldb.loader.testdata;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.HeaderCard;
import org.miri.pixeldb.schemas.Origin;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * A raw product as the splitter would emit it: one Exposure record and its RawRampChunks, science
 * rows first and reference-output rows after, per integration, {@code rowsPerChunk} rows per chunk.
 * Chunks are made on demand so that a full-frame product never sits in memory whole.
 */
public record SyntheticProduct(String name, int scaId, String subarray, int substrt1, int substrt2, int subsize1,
                               int subsize2, int nints, int ngroups, int rowsPerChunk, SyntheticRamps ramps) {

    public static SyntheticProduct sub256(String name, long seed) {
        return new SyntheticProduct(name, 493, "SUB256", 413, 51, 256, 256, 5, 20, 32, new SyntheticRamps(seed));
    }

    public static SyntheticProduct full(String name, long seed) {
        return new SyntheticProduct(name, 493, "FULL", 1, 1, 1032, 1024, 5, 20, 16, new SyntheticRamps(seed));
    }

    public String checksum() {
        return String.format("%064x", Math.abs((long) name.hashCode() * 31 + ramps.seed()));
    }

    /** Science blocks, then reference-output blocks, of every integration. */
    public int chunkCount() {
        return 2 * nints * blocksPerIntegration();
    }

    private int blocksPerIntegration() {
        return (subsize2 + rowsPerChunk - 1) / rowsPerChunk;
    }

    public RawRampChunk chunk(int index) {
        int perKind = nints * blocksPerIntegration();
        boolean refout = index >= perKind;
        int integration = (index % perKind) / blocksPerIntegration() + 1;
        int firstRow = substrt2 + (index % blocksPerIntegration()) * rowsPerChunk;
        int rows = Math.min(rowsPerChunk, substrt2 + subsize2 - firstRow);
        int firstCol = refout ? (substrt1 - 1) / 4 + 1 : substrt1;
        int cols = refout ? subsize1 / 4 : subsize1;
        // Reference output gets its own sample values: a different seed for the same generator.
        SyntheticRamps source = refout ? refout() : ramps;
        return RawRampChunk.newBuilder().setExposure(name).setProductChecksum(checksum()).setIntegration(integration)
                .setKind(refout ? RampKind.REFOUT : RampKind.SCIENCE).setFirstRow(firstRow).setRows(rows)
                .setFirstCol(firstCol).setCols(cols).setNgroups(ngroups).setChunkIndex(index)
                .setChunkCount(chunkCount())
                .setSamples(ByteBuffer.wrap(source.pack(integration, firstRow, rows, firstCol, cols, ngroups)))
                .build();
    }

    public List<RawRampChunk> chunks(int fromIndex, int toIndex) {
        return IntStream.range(fromIndex, toIndex).mapToObj(this::chunk).toList();
    }

    public SyntheticRamps refout() {
        return new SyntheticRamps(~ramps.seed());
    }

    public Exposure exposure() {
        return Exposure.newBuilder().setName(name).setProduct(ProductKind.RAW).setProductChecksum(checksum())
                .setDetector("MIRIMAGE").setScaId(scaId).setSubarray(subarray).setSubstrt1(substrt1)
                .setSubstrt2(substrt2).setSubsize1(subsize1).setSubsize2(subsize2).setReadpatt("FASTR1")
                .setNints(nints).setNgroups(ngroups).setNframes(1).setGroupgap(0).setTframe(2.775)
                .setTgroup(2.775).setInttime(55.5).setExptime(277.5)
                .setDateObs(Instant.parse("2026-11-20T10:15:30.123456Z")).setDateEnd(null)
                .setExpType("MIR_DARKIMG").setOrigin(Origin.FLIGHT)
                .setSource(SourceObject.newBuilder().setBucket("pixeldb-test").setKey(name + "_uncal.fits")
                        .setEtag("etag-" + name).setSize(1_234_567L).setLastModified(null).build())
                .setHeader(List.of(new HeaderCard("SIMPLE", "T", "conforms to FITS standard"),
                        new HeaderCard("DETECTOR", "MIRIMAGE", null), new HeaderCard("NINTS", String.valueOf(nints), null),
                        new HeaderCard("HISTORY", null, "made by SyntheticProduct"),
                        new HeaderCard("HISTORY", null, "second history card")))
                .setSplitAt(Instant.parse("2026-11-25T12:00:00Z")).build();
    }
}

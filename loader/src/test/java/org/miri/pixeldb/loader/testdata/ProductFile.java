package org.miri.pixeldb.loader.testdata;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * One file (object) carrying a synthetic product's values under its own key and checksum, as the JPL raw file
 * and its {@code _pipe} conversion carry one RAW product: different bytes, the same values. With
 * {@code changedChunk} >= 0, one sample of that chunk differs: the one at {@link #CHANGED_ROW}, {@link #CHANGED_COL}
 * of the chunk's block, group 7.
 */
public record ProductFile(SyntheticProduct values, String key, String checksum, Instant splitAt, int changedChunk) {

    public static final int CHANGED_ROW = 3;
    public static final int CHANGED_COL = 5;
    private static final int CHANGED_GROUP = 7;

    public static ProductFile of(SyntheticProduct values, String key, char checksumDigit, Instant splitAt) {
        return new ProductFile(values, key, String.valueOf(checksumDigit).repeat(64), splitAt, -1);
    }

    /** This file with one sample of chunk {@code chunk} changed, under another checksum. */
    public ProductFile changed(int chunk, char checksumDigit) {
        return new ProductFile(values, key, String.valueOf(checksumDigit).repeat(64), splitAt, chunk);
    }

    public Exposure exposure() {
        Exposure e = values.exposure();
        return Exposure.newBuilder(e).setProductChecksum(checksum).setSplitAt(splitAt)
                .setSource(SourceObject.newBuilder(e.getSource()).setKey(key).setEtag("etag-" + checksum.charAt(0))
                        .build()).build();
    }

    public String object() {
        return values.exposure().getSource().getBucket() + "/" + key;
    }

    public RawRampChunk chunk(int index) {
        RawRampChunk chunk = values.chunk(index);
        ByteBuffer samples = ByteBuffer.wrap(chunk.getSamples().array().clone());
        if (index == changedChunk) {
            int at = ((CHANGED_ROW * chunk.getCols() + CHANGED_COL) * chunk.getNgroups() + CHANGED_GROUP) * 2;
            samples.putShort(at, (short) (samples.getShort(at) ^ 0x0100));
        }
        return RawRampChunk.newBuilder(chunk).setProductChecksum(checksum).setSamples(samples).build();
    }

    public List<RawRampChunk> chunks(int fromIndex, int toIndex) {
        return IntStream.range(fromIndex, toIndex).mapToObj(this::chunk).toList();
    }

    public int chunkCount() {
        return values.chunkCount();
    }
}

package org.miri.pixeldb.loader.db;

import java.util.List;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * Chunks of one product version that the database holds once the caller commits: stored by this write
 * or skipped because an earlier one stored them. Writers acknowledge both, so that a crash between a
 * commit and its acknowledgement is repaired by the replay that follows it.
 *
 * @param indexes chunk indexes, each once
 * @param ramps   ramps (or slope pixels) of each chunk, in the order of {@code indexes}
 */
public record HeldChunks(String exposure, ProductKind kind, String checksum, int chunkCount, List<Integer> indexes,
                         List<Integer> ramps) {

    public HeldChunks {
        indexes = List.copyOf(indexes);
        ramps = List.copyOf(ramps);
        if (indexes.size() != ramps.size()) {
            throw new IllegalArgumentException(indexes.size() + " chunk indexes but " + ramps.size() + " ramp counts");
        }
    }
}

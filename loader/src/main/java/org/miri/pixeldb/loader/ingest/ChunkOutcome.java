package org.miri.pixeldb.loader.ingest;

import java.util.List;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;

/**
 * What became of a batch's chunks that were not stored: those that wait for their exposure record, and
 * those that contradicted their product version (which is rejected), with the reason and their object.
 */
public record ChunkOutcome<T>(List<Delivered<T>> waiting, List<Rejected<T>> rejected) {

    public record Rejected<T>(Delivered<T> chunk, String reason, ObjectOrigin object) {
    }
}

package org.miri.pixeldb.loader.ingest;

import java.util.List;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * What one writer service loads; all else about writers is shared ({@link WriterRuntime}).
 *
 * @param service                  the consumer group and client id, e.g. ramp-writer
 * @param kinds                    the product kinds whose ingest events it takes
 * @param ownsEventsWithoutProduct whether it logs the objects that are no product at all (see {@link ProductLoad}):
 *                                 exactly one writer of a deployment does
 * @param streams                  the chunk topics it consumes, each with its table writer
 */
public record WriterRole(String service, List<ProductKind> kinds, boolean ownsEventsWithoutProduct,
        List<ChunkStream<?>> streams) {

    public WriterRole {
        kinds = List.copyOf(kinds);
        streams = List.copyOf(streams);
    }
}

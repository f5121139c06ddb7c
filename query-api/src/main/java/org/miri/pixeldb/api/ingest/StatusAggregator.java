package org.miri.pixeldb.api.ingest;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.Aggregator;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.ProductKind;

/** Folds the splitter's events and the writers' acknowledgements of one product into the status of its objects. */
final class StatusAggregator implements Aggregator<String, SpecificRecord, IngestStatus> {

    @Override
    public IngestStatus apply(String key, SpecificRecord input, IngestStatus old) {
        IngestStatus.Builder status;
        if (input instanceof IngestEvent event) {
            status = old != null ? StatusCopies.of(old) : start(event.getExposure(), event.getProduct());
            ManifestTransition.apply(status, event);
        } else if (input instanceof LoadAck ack) {
            status = old != null ? StatusCopies.of(old) : start(ack.getExposure(), ack.getProduct());
            AckTransition.apply(status, ack);
        } else {
            throw new IllegalArgumentException("not a status input: " + input.getClass());
        }
        StateDerivation.derive(status);
        return status.setRevision(status.getRevision() + 1).build();
    }

    private static IngestStatus.Builder start(String exposure, ProductKind kind) {
        return IngestStatus.newBuilder().setExposure(exposure).setProduct(kind).setObjects(java.util.List.of())
                .setVersions(java.util.List.of()).setResets(java.util.List.of()).setRevision(0);
    }

    /** The key every input of a product is grouped by. */
    static String key(String exposure, ProductKind kind) {
        return exposure + "/" + kind;
    }
}

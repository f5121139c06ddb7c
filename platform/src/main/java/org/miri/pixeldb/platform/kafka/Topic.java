package org.miri.pixeldb.platform.kafka;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every Kafka topic of the system, declared once. Services, the local stack and the deployment
 * create and address topics only through this catalogue.
 */
public enum Topic {
    BUCKET_EVENTS("pixeldb.bucket-events", 3,
            "S3 object-created notifications (AWS/MinIO event JSON), from the bucket or the poller"),
    EXPOSURES("pixeldb.exposures", 3,
            "Exposure metadata, one Avro Exposure per product, keyed by exposure name"),
    RAW_RAMPS("pixeldb.raw-ramps", 12,
            "Raw pixel-ramp chunks (Avro RawRampChunk), keyed by exposure, integration and row block"),
    CORRECTED_RAMPS("pixeldb.corrected-ramps", 12,
            "Pipeline-corrected ramp chunks with ERR and GROUPDQ"),
    SLOPES("pixeldb.slopes", 6,
            "Slope chunks from rateints and rate products"),
    MANIFESTS("pixeldb.ingest-manifests", 3,
            "What the splitter will emit per product (chunks, ramps), or why it rejected the object",
            // Splitters learn from this topic which object versions are done, at every start: compaction
            // keeps the last event of every object for ever instead of deleting them after a week.
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
    LOAD_ACKS("pixeldb.load-acks", 3,
            "One acknowledgement per chunk, published by a writer after its database commit"),
    DEAD_LETTERS("pixeldb.dead-letters", 1,
            "Objects and records that cannot be processed, with reason and origin"),
    PIXEL_HEALTH("pixeldb.pixel-health", 6,
            "A pixel's detector-health states changed from the previous exposure of its detector and readout pattern"
            + " (Avro PixelHealthChange), keyed detector/row/col, published by query-api"),
    EXPORT_REQUESTS("pixeldb.export-requests", 12,
            "Parts of export jobs (Avro ExportPart), keyed job/part, published by query-api; exporter instances share"
            + " them, up to one per partition"),
    EXPORT_EVENTS("pixeldb.export-events", 3,
            "What exporters did with each part (Avro ExportEvent), keyed by job; query-api folds them into the job's state");

    private final String topicName;
    private final int defaultPartitions;
    private final String doc;
    private final Map<String, String> config;

    Topic(String topicName, int defaultPartitions, String doc) {
        this(topicName, defaultPartitions, doc, Map.of());
    }

    Topic(String topicName, int defaultPartitions, String doc, Map<String, String> config) {
        this.topicName = topicName;
        this.defaultPartitions = defaultPartitions;
        this.doc = doc;
        this.config = config;
    }

    public String topicName() {
        return topicName;
    }

    /** Partitions when nobody configures more; writers scale out up to this many instances. */
    public int defaultPartitions() {
        return defaultPartitions;
    }

    public String doc() {
        return doc;
    }

    /** Topic-level settings that differ from the broker's defaults. */
    public Map<String, String> config() {
        return config;
    }
}

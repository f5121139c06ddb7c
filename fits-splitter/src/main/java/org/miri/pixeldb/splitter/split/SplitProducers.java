package org.miri.pixeldb.splitter.split;

import org.apache.kafka.clients.producer.Producer;

/**
 * The producers a split sends through, kept apart where sharing one cost time: a flush or an acknowledged send waits
 * for every record ahead of it in its producer, so the small status events would queue behind a file's megabytes of
 * ramps (up to 0.1 s per event on SUB64 files, 2026-12-06); and raw ramps, which lz4 shrinks by only 5-8 %, go
 * uncompressed.
 *
 * @param events   ingest events and notifications: small, each waited for
 * @param records  exposure, corrected-ramp and slope records (pixeldb.splitter.record-compression, lz4 by default)
 * @param rawRamps raw-ramp records (no compression)
 */
public record SplitProducers(Producer<String, byte[]> events, Producer<String, byte[]> records,
                             Producer<String, byte[]> rawRamps) {

    /** One producer for everything, as tests of the split alone use. */
    public static SplitProducers of(Producer<String, byte[]> producer) {
        return new SplitProducers(producer, producer, producer);
    }
}

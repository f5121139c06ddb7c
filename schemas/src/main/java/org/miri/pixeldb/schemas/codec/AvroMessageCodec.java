package org.miri.pixeldb.schemas.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Encodes one generated record type with Avro single-object encoding (0xC3 0x01, the writer schema's
 * 8-byte little-endian CRC-64-AVRO fingerprint, then the binary body) and decodes messages written
 * with the current schema or any frozen older version of it into the current generated class.
 * Immutable and thread-safe.
 */
public final class AvroMessageCodec<T extends SpecificRecord> {

    private final String recordType;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final Set<Long> knownFingerprints = new LinkedHashSet<>();

    private AvroMessageCodec(Class<T> type, Collection<Schema> olderVersions) {
        // A model bound to the record's own class loader: nested records then resolve to the classes
        // the caller holds, also where several class loaders coexist (Quarkus tests, containers).
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        Schema current = model.getSchema(type);
        this.recordType = current.getFullName();
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        knownFingerprints.add(SchemaNormalization.parsingFingerprint64(current));
        for (Schema older : olderVersions) {
            decoder.addSchema(older);
            knownFingerprints.add(SchemaNormalization.parsingFingerprint64(older));
        }
    }

    /** A codec for {@code type} that also reads every version frozen in {@link SchemaHistory}. */
    public static <T extends SpecificRecord> AvroMessageCodec<T> of(Class<T> type) {
        return withWriterSchemas(type, SchemaHistory.versions(SpecificData.get().getSchema(type).getName()));
    }

    /** A codec for {@code type} that reads the current schema and exactly the given writer schemas. */
    public static <T extends SpecificRecord> AvroMessageCodec<T> withWriterSchemas(Class<T> type,
            Collection<Schema> writerSchemas) {
        return new AvroMessageCodec<>(type, writerSchemas);
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Cannot encode " + recordType + ": " + e.getMessage(), e);
        }
    }

    /** @throws UnknownSchemaException if the message is not single-object encoded or its schema is unknown */
    public T decode(byte[] message) {
        long fingerprint = SingleObjectHeader.knownFingerprint(recordType, message, knownFingerprints);
        try {
            return decoder.decode(message);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("Cannot decode " + recordType + " body written with schema "
                    + UnknownSchemaException.hex(fingerprint) + ": " + e, e);
        }
    }

    /** Fingerprints of the current schema and of every registered older version, current first. */
    public List<Long> knownFingerprints() {
        return new ArrayList<>(knownFingerprints);
    }
}

package org.miri.pixeldb.schemas.codec;

import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A message that this reader cannot resolve: it is not Avro single-object encoded, or it was
 * written with a schema whose fingerprint is neither the current schema of the expected record
 * nor one of its frozen older versions.
 */
public class UnknownSchemaException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final Long fingerprint;

    private UnknownSchemaException(String message, Long fingerprint) {
        super(message);
        this.fingerprint = fingerprint;
    }

    /** The message carries a fingerprint that matches no known version of {@code recordType}. */
    static UnknownSchemaException unknownFingerprint(String recordType, long found, Collection<Long> known) {
        return new UnknownSchemaException(String.format(
                "Cannot decode %s: writer schema fingerprint %s is unknown; known fingerprints: %s",
                recordType, hex(found), known.stream().map(UnknownSchemaException::hex)
                        .collect(Collectors.joining(", ", "[", "]"))), found);
    }

    /** The message does not start with the single-object encoding header. */
    static UnknownSchemaException notSingleObject(String recordType, String why) {
        return new UnknownSchemaException(String.format(
                "Cannot decode %s: message is not Avro single-object encoded (%s)", recordType, why), null);
    }

    /** The CRC-64-AVRO fingerprint found in the message, or {@code null} if it had none. */
    public Long fingerprint() {
        return fingerprint;
    }

    /** A fingerprint as 16 lower-case hex digits, as it appears in messages of this exception. */
    public static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }
}

package org.miri.pixeldb.schemas.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;

/**
 * The 10-byte header of Avro single-object encoding: the marker 0xC3 0x01, then the writer schema's
 * CRC-64-AVRO fingerprint as 8 little-endian bytes.
 */
final class SingleObjectHeader {

    static final int LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private SingleObjectHeader() {
    }

    /**
     * The writer fingerprint of {@code message}, checked against the {@code known} fingerprints.
     *
     * @throws UnknownSchemaException if there is no header or its fingerprint is not known
     */
    static long knownFingerprint(String recordType, byte[] message, Collection<Long> known) {
        if (message == null || message.length < LENGTH) {
            throw UnknownSchemaException.notSingleObject(recordType, (message == null ? 0 : message.length)
                    + " bytes, shorter than the " + LENGTH + "-byte header");
        }
        if (message[0] != MARKER_0 || message[1] != MARKER_1) {
            throw UnknownSchemaException.notSingleObject(recordType,
                    String.format("starts with 0x%02X 0x%02X instead of 0xC3 0x01", message[0], message[1]));
        }
        long fingerprint = ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (!known.contains(fingerprint)) {
            throw UnknownSchemaException.unknownFingerprint(recordType, fingerprint, known);
        }
        return fingerprint;
    }
}

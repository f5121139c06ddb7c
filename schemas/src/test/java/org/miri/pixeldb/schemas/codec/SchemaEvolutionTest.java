package org.miri.pixeldb.schemas.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.Fixtures;
import org.miri.pixeldb.schemas.HeaderCard;
import org.miri.pixeldb.schemas.Origin;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/** The version policy proven with real bytes, and the serde's round trips and rejections. */
class SchemaEvolutionTest {

    private static Schema v0;
    private static byte[] v0Message;

    @BeforeAll
    static void encodeWithTheOlderSchema() throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/Exposure-v0.avsc")) {
            v0 = new Schema.Parser().parse(in);
        }
        GenericData.Record source = new GenericData.Record(v0.getField("source").schema());
        source.put("bucket", "miri-raw");
        source.put("key", "flight/jw01024001001_02101_00001_mirimage_uncal.fits");
        source.put("size", 52_953_600L);
        Schema cardSchema = v0.getField("header").schema().getElementType();
        GenericData.Record card = new GenericData.Record(cardSchema);
        card.put("keyword", "READPATT");
        card.put("value", "FASTR1");
        card.put("comment", "Readout pattern");
        GenericRecord old = new GenericData.Record(v0);
        old.put("name", "jw01024001001_02101_00001_mirimage");
        old.put("product", new GenericData.EnumSymbol(v0.getField("product").schema(), "RAW"));
        old.put("productChecksum", Fixtures.CHECKSUM);
        old.put("detector", "MIRIMAGE");
        old.put("scaId", 493);
        old.put("subarray", "SUB256");
        old.put("substrt1", 413);
        old.put("substrt2", 51);
        old.put("subsize1", 620);
        old.put("subsize2", 256);
        old.put("readpatt", "FASTR1");
        old.put("nints", 3);
        old.put("ngroups", 25);
        old.put("nframes", 1);
        old.put("tframe", 0.96);
        old.put("dateObs", 1_657_620_930_123_456L); // 2022-07-12T10:15:30.123456Z in micros
        old.put("origin", new GenericData.EnumSymbol(v0.getField("origin").schema(), "FLIGHT"));
        old.put("source", source);
        old.put("header", List.of(card));
        old.put("splitAt", Fixtures.SPLIT_AT.toEpochMilli());
        v0Message = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0).encode(old).array();
    }

    @Test
    void theOlderSchemaIsAnAllowedEvolution() {
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(Exposure.SCHEMA$, v0).getType());
        assertFalse(v0.equals(Exposure.SCHEMA$));
    }

    @Test
    void aReaderThatKnowsTheOlderVersionResolvesItToTheCurrentClass() {
        Exposure exposure = AvroMessageCodec.withWriterSchemas(Exposure.class, List.of(v0)).decode(v0Message);
        assertEquals("jw01024001001_02101_00001_mirimage", exposure.getName());
        assertEquals(ProductKind.RAW, exposure.getProduct());
        assertEquals(493, exposure.getScaId());
        assertEquals("SUB256", exposure.getSubarray());
        assertEquals(List.of(413, 51, 620, 256), List.of(exposure.getSubstrt1(), exposure.getSubstrt2(),
                exposure.getSubsize1(), exposure.getSubsize2()));
        assertEquals(25, exposure.getNgroups());
        assertEquals(0.96, exposure.getTframe());
        assertEquals(Fixtures.DATE_OBS, exposure.getDateObs());
        assertEquals(Fixtures.SPLIT_AT, exposure.getSplitAt());
        assertEquals(Origin.FLIGHT, exposure.getOrigin());
        assertEquals(52_953_600L, exposure.getSource().getSize());
        assertNull(exposure.getSource().getEtag());
        assertEquals(List.of(new HeaderCard("READPATT", "FASTR1", "Readout pattern")), exposure.getHeader());
        // Fields the old writer did not have take their defaults; absent nullable values stay null.
        assertNull(exposure.getOriginDetector());
        assertNull(exposure.getOriginScaId());
        assertNull(exposure.getGroupgap());
        assertNull(exposure.getExpType());
        assertNull(exposure.getDateEnd());
        assertNull(exposure.getTgroup());
    }

    @Test
    void aReaderThatDoesNotKnowTheOlderVersionRejectsIt() {
        String v0Hex = String.format("%016x", SchemaNormalization.parsingFingerprint64(v0));
        String currentHex = String.format("%016x", SchemaNormalization.parsingFingerprint64(Exposure.SCHEMA$));
        UnknownSchemaException e = assertThrows(UnknownSchemaException.class,
                () -> new AvroDeserializer<>(Exposure.class).deserialize("exposures", v0Message));
        assertTrue(e.getMessage().contains(v0Hex), e.getMessage());
        assertTrue(e.getMessage().contains("org.miri.pixeldb.schemas.Exposure"), e.getMessage());
        assertTrue(e.getMessage().contains(currentHex), e.getMessage());
        assertEquals(SchemaNormalization.parsingFingerprint64(v0), e.fingerprint());
    }

    @Test
    void anExposureWrittenWithFrozenVersion1ReadsWithoutProvenance() throws IOException {
        Schema v1;
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/avro-history/Exposure/v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        Exposure current = Fixtures.exposure();
        // Version 1 holds the current fields but the last, at the same positions: the writer reads them by position.
        byte[] v1Message = new org.apache.avro.message.BinaryMessageEncoder<Exposure>(
                org.apache.avro.specific.SpecificData.getForClass(Exposure.class), v1).encode(current).array();
        Exposure decoded = AvroMessageCodec.of(Exposure.class).decode(v1Message);
        assertNull(decoded.getProvenance());
        assertEquals(current.getName(), decoded.getName());
        assertEquals(current.getHeader(), decoded.getHeader());
        assertEquals(current.getSplitAt(), decoded.getSplitAt());
    }

    @Test
    void aFullyPopulatedExposureSurvivesTheSerde() {
        Exposure original = Fixtures.exposure();
        AvroSerde<Exposure> serde = new AvroSerde<>(Exposure.class);
        byte[] bytes = serde.serializer().serialize("exposures", original);
        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals((byte) 0x01, bytes[1]);
        assertEquals(SchemaNormalization.parsingFingerprint64(Exposure.SCHEMA$),
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        Exposure decoded = serde.deserializer().deserialize("exposures", bytes);
        assertEquals(original, decoded);
        assertEquals(Fixtures.DATE_END, decoded.getDateEnd());
        assertEquals(Fixtures.LAST_MODIFIED, decoded.getSource().getLastModified());
        assertEquals("IC", decoded.getOriginDetector());
        assertNull(decoded.getHeader().get(3).getValue());
    }

    @Test
    void aRampChunkWithItsSamplesSurvivesTheSerde() {
        RawRampChunk original = Fixtures.rampChunk();
        AvroSerde<RawRampChunk> serde = new AvroSerde<>(RawRampChunk.class);
        byte[] bytes = serde.serializer().serialize("raw-ramps", original);
        assertTrue(bytes.length > 8 * 72 * 50 * 2 && bytes.length < 8 * 72 * 50 * 2 + 200, "size " + bytes.length);
        RawRampChunk decoded = serde.deserializer().deserialize("raw-ramps", bytes);
        assertEquals(original, decoded);
        byte[] samples = new byte[decoded.getSamples().remaining()];
        decoded.getSamples().duplicate().get(samples);
        assertArrayEquals(Fixtures.samples(8, 72, 50).array(), samples);
        // Sample (row 7, col 71, group 49) is the last one: 10000 + 700 + 710 + 49, big-endian unsigned.
        assertEquals(11459, ((samples[samples.length - 2] & 0xFF) << 8) | (samples[samples.length - 1] & 0xFF));
    }

    @Test
    void garbageIsRejectedClearly() {
        AvroDeserializer<Exposure> deserializer = new AvroDeserializer<>(Exposure.class);
        byte[] garbage = "this is not an Avro message".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        UnknownSchemaException notAvro = assertThrows(UnknownSchemaException.class,
                () -> deserializer.deserialize("exposures", garbage));
        assertTrue(notAvro.getMessage().contains("not Avro single-object encoded"), notAvro.getMessage());
        assertTrue(notAvro.getMessage().contains("0x74 0x68"), notAvro.getMessage());
        UnknownSchemaException empty = assertThrows(UnknownSchemaException.class,
                () -> deserializer.deserialize("exposures", new byte[0]));
        assertTrue(empty.getMessage().contains("0 bytes"), empty.getMessage());
        assertNull(deserializer.deserialize("exposures", null));
        assertNull(new AvroSerializer<>(Exposure.class).serialize("exposures", null));
    }

    @Test
    void aTruncatedBodyOrAnotherRecordTypeIsRejectedClearly() {
        byte[] whole = new AvroSerializer<>(Exposure.class).serialize("exposures", Fixtures.exposure());
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        SerializationException cut = assertThrows(SerializationException.class,
                () -> AvroMessageCodec.of(Exposure.class).decode(truncated));
        assertFalse(cut instanceof UnknownSchemaException);
        assertTrue(cut.getMessage().startsWith("Cannot decode org.miri.pixeldb.schemas.Exposure body"),
                cut.getMessage());
        assertTrue(cut.getCause() instanceof IOException || cut.getCause() instanceof AvroRuntimeException,
                String.valueOf(cut.getCause()));

        byte[] chunk = new AvroSerializer<>(RawRampChunk.class).serialize("raw-ramps", Fixtures.rampChunk());
        UnknownSchemaException wrongType = assertThrows(UnknownSchemaException.class,
                () -> AvroMessageCodec.of(Exposure.class).decode(chunk));
        assertTrue(wrongType.getMessage().contains(
                String.format("%016x", SchemaNormalization.parsingFingerprint64(RawRampChunk.SCHEMA$))));
    }
}

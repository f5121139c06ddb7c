package org.miri.pixeldb.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** Every record, enum and field of every message schema carries a non-blank doc. */
class SchemaDocTest {

    private static final String NS = "org.miri.pixeldb.schemas.";

    /** Walks {@code schema} and everything it reaches; returns the full names of the named types seen. */
    static Set<String> walk(Schema schema, List<String> undocumented, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    check(schema.getDoc(), "record " + schema.getFullName(), undocumented);
                    for (Schema.Field field : schema.getFields()) {
                        check(field.doc(), "field " + schema.getFullName() + "." + field.name(), undocumented);
                        walk(field.schema(), undocumented, seen);
                    }
                }
            }
            case ENUM, FIXED -> {
                if (seen.add(schema.getFullName())) {
                    check(schema.getDoc(), schema.getType().getName() + " " + schema.getFullName(), undocumented);
                }
            }
            case ARRAY -> walk(schema.getElementType(), undocumented, seen);
            case MAP -> walk(schema.getValueType(), undocumented, seen);
            case UNION -> schema.getTypes().forEach(branch -> walk(branch, undocumented, seen));
            default -> { }
        }
        return seen;
    }

    private static void check(String doc, String what, List<String> undocumented) {
        if (doc == null || doc.isBlank()) {
            undocumented.add(what);
        }
    }

    @Test
    void everythingReachableFromTheTopLevelMessagesIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (var type : org.miri.pixeldb.schemas.codec.TopLevelMessages.ALL) {
            walk(org.apache.avro.specific.SpecificData.get().getSchema(type), undocumented, seen);
        }
        assertEquals(List.of(), undocumented, "schemas lacking a doc");
        assertEquals(new TreeSet<>(Set.of(NS + "Exposure", NS + "RawRampChunk", NS + "Origin", NS + "ProductKind",
                NS + "SourceObject", NS + "HeaderCard", NS + "RampKind", NS + "IngestEvent", NS + "IngestState", NS + "Provenance",
                NS + "CorrectedRampChunk", NS + "SlopeChunk", NS + "LoadAck", NS + "AckedChunk", NS + "IngestStatus",
                NS + "ProductIngestState", NS + "VersionProgress", NS + "ObjectStatus", NS + "VersionReset",
                NS + "PixelHealthChange", NS + "ExportPart", NS + "ExportProduct", NS + "ExportEvent",
                NS + "ExportEventKind")), seen);
    }

    @Test
    void everyGeneratedSchemaIsDocumentedAndReachable() throws IOException, ClassNotFoundException {
        Set<String> reachable = new TreeSet<>();
        for (var type : org.miri.pixeldb.schemas.codec.TopLevelMessages.ALL) {
            walk(org.apache.avro.specific.SpecificData.get().getSchema(type), new ArrayList<>(), reachable);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("src/main/avro"))) {
            files = list.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
        assertEquals(17, files.size(), "schema files in src/main/avro: " + files);
        for (Path file : files) {
            String name = NS + file.getFileName().toString().replace(".avsc", "");
            Schema schema = SpecificData.get().getSchema(Class.forName(name));
            List<String> undocumented = new ArrayList<>();
            walk(schema, undocumented, new TreeSet<>());
            assertEquals(List.of(), undocumented, "schemas lacking a doc in " + file);
            assertTrue(reachable.contains(name), name + " is reached by no top-level message");
        }
    }

    @Test
    void theWalkerReportsEveryMissingDoc() {
        Schema bare = new Schema.Parser().parse("""
                {"type": "record", "name": "Bare", "namespace": "t", "fields": [
                  {"name": "a", "type": ["null", {"type": "enum", "name": "E", "symbols": ["X"]}], "default": null},
                  {"name": "b", "doc": "documented", "type": {"type": "array", "items":
                    {"type": "record", "name": "Inner", "doc": "documented", "fields": [{"name": "c", "type": "int"}]}}}
                ]}""");
        List<String> undocumented = new ArrayList<>();
        walk(bare, undocumented, new TreeSet<>());
        assertEquals(List.of("record t.Bare", "field t.Bare.a", "enum t.E", "field t.Inner.c"), undocumented);
    }
}

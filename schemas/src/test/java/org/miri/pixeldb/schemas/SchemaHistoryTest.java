package org.miri.pixeldb.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.schemas.codec.SchemaHistory;

/** No top-level message schema changes without being frozen, and every change stays backward compatible. */
class SchemaHistoryTest {

    static List<Class<? extends org.apache.avro.specific.SpecificRecord>> topLevel() {
        return org.miri.pixeldb.schemas.codec.TopLevelMessages.ALL;
    }

    private static Schema current(Class<?> type) {
        return SpecificData.get().getSchema(type);
    }

    @ParameterizedTest
    @MethodSource("topLevel")
    void currentSchemaIsItsNewestFrozenVersion(Class<?> type) throws IOException {
        Schema current = current(type);
        List<Schema> versions = SchemaHistory.versions(current.getName());
        Schema newest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (!current.equals(newest)) {
            String next = SchemaHistory.resource(current.getName(), versions.size() + 1);
            Path candidate = Path.of("target", "avro-history-candidates").resolve(next);
            Files.createDirectories(candidate.getParent());
            Files.writeString(candidate, current.toString(true) + "\n");
            fail(current.getFullName() + (versions.isEmpty() ? " has no frozen version"
                    : " differs from its newest frozen version v" + versions.size())
                    + ". If the change is intended (and backward compatible), freeze it: copy " + candidate
                    + " to src/main/resources/" + next);
        }
        assertEquals(SchemaNormalization.parsingFingerprint64(current),
                SchemaNormalization.parsingFingerprint64(newest));
    }

    @ParameterizedTest
    @MethodSource("topLevel")
    void currentSchemaReadsEveryFrozenVersion(Class<?> type) {
        Schema current = current(type);
        List<Schema> versions = SchemaHistory.versions(current.getName());
        for (int i = 0; i < versions.size(); i++) {
            Schema older = versions.get(i);
            String version = "v" + (i + 1);
            assertEquals(current.getFullName(), older.getFullName(), version + " names another record");
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, older);
            assertEquals(SchemaCompatibilityType.COMPATIBLE, result.getType(),
                    () -> current.getName() + " cannot read frozen " + version + ": " + result.getResult()
                            .getIncompatibilities().stream()
                            .map(x -> x.getType() + " at " + x.getLocation() + ": " + x.getMessage())
                            .collect(Collectors.joining("; ")));
        }
    }

    @ParameterizedTest
    @MethodSource("topLevel")
    void frozenVersionsAreNumberedWithoutGaps(Class<?> type) throws IOException {
        String record = type.getSimpleName();
        long files;
        try (Stream<Path> list = Files.list(Path.of("src/main/resources", SchemaHistory.ROOT, record))) {
            files = list.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc")).count();
        }
        assertEquals(files, SchemaHistory.versions(record).size(),
                "files v1.avsc ... vN.avsc must be numbered without gaps");
    }

    @ParameterizedTest
    @MethodSource("topLevel")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void codecKnowsEveryFrozenFingerprint(Class type) {
        List<Long> known = AvroMessageCodec.of(type).knownFingerprints();
        assertEquals(SchemaNormalization.parsingFingerprint64(current(type)), known.get(0));
        for (Schema older : SchemaHistory.versions(current(type).getName())) {
            assertTrue(known.contains(SchemaNormalization.parsingFingerprint64(older)));
        }
    }
}

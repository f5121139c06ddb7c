package org.miri.pixeldb.schemas.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The frozen released versions of a top-level message record, read from the classpath resources
 * {@code avro-history/<RecordName>/v1.avsc}, {@code v2.avsc}, ... (probed in order until one is missing).
 */
public final class SchemaHistory {

    /** Classpath folder that holds one sub-folder of frozen versions per top-level record. */
    public static final String ROOT = "avro-history";

    private SchemaHistory() {
    }

    /** Resource path of version {@code version} (1-based) of {@code recordName}. */
    public static String resource(String recordName, int version) {
        return ROOT + "/" + recordName + "/v" + version + ".avsc";
    }

    /** Every frozen version of {@code recordName}, oldest (v1) first; empty if none is frozen. */
    public static List<Schema> versions(String recordName) {
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = resource(recordName, version);
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read frozen schema " + resource, e);
            } catch (SchemaParseException e) {
                throw new IllegalStateException("Frozen schema " + resource + " does not parse", e);
            }
        }
    }
}

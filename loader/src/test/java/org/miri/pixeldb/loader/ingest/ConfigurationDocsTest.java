package org.miri.pixeldb.loader.ingest;

import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.ConfigurationTable;

/** The README's Configure table documents every key the writers' mapping has, with its default. */
class ConfigurationDocsTest {

    @Test
    void theReadmeDocumentsEveryWriterKey() {
        ConfigurationTable.assertDocuments(WriterConfig.class);
    }
}

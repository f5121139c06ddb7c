package org.miri.pixeldb.splitter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.splitter.intake.S3Config;
import org.miri.pixeldb.testing.ConfigurationTable;

/** The README's Configure table documents every key of the splitter's mappings, with their defaults. */
class ConfigurationDocsTest {

    @ParameterizedTest
    @ValueSource(classes = {SplitterConfig.class, S3Config.class})
    void theReadmeDocumentsEveryKey(Class<?> mapping) {
        ConfigurationTable.assertDocuments(mapping);
    }
}

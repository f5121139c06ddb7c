package org.miri.pixeldb.api.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.platform.config.KafkaConfig;
import org.miri.pixeldb.testing.ConfigurationTable;

/** The README's Configure table documents every key of the query API's mappings, with their defaults. */
class ConfigurationDocsTest {

    @ParameterizedTest
    @ValueSource(classes = {ApiConfig.class, StatusConfig.class, KafkaConfig.class})
    void theReadmeDocumentsEveryKey(Class<?> mapping) {
        ConfigurationTable.assertDocuments(mapping);
    }
}

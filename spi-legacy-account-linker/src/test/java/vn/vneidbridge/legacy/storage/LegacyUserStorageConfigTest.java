package vn.vneidbridge.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.component.ComponentModel;

class LegacyUserStorageConfigTest {

    static LegacyUserStorageConfig config(String dummyHashCost) {
        ComponentModel model = new ComponentModel();
        if (dummyHashCost != null) {
            model.put(LegacyUserStorageConfigProperties.DUMMY_HASH_COST, dummyHashCost);
        }
        return new LegacyUserStorageConfig(model);
    }

    @Nested
    class GivenTheDummyHashCost {

        @Test
        void thenAProviderNeverConfiguredUsesTen() {
            assertThat(config(null).dummyHashCost()).isEqualTo(10);
        }

        @Test
        void thenTheCostWrittenIsUsed() {
            assertThat(config(" 12 ").dummyHashCost()).isEqualTo(12);
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"3", "17", "ten", "", "-1"})
        void thenNonsenseIsNotACost(String value) {
            assertThat(LegacyUserStorageConfig.parseDummyHashCost(value)).isNull();
            assertThat(config(value).dummyHashCost()).isEqualTo(10);
        }
    }
}

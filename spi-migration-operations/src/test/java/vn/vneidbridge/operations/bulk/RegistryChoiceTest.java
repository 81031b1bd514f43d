package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryChoiceTest {

    @Test
    void withoutANameTheOneRegistryTheRealmsFlowsNameIsAsked() {
        assertThat(RegistryChoice.choose(Optional.empty(), Set.of("c06-soap")).registry()).contains("c06-soap");
    }

    @Test
    void aNamedRegistryIsAskedOnlyWhenTheRealmsFlowsNameIt() {
        assertThat(RegistryChoice.choose(Optional.of("lgsp-json"), Set.of("c06-soap", "lgsp-json")).registry())
                .contains("lgsp-json");
        RegistryChoice other = RegistryChoice.choose(Optional.of("lgsp-json"), Set.of("c06-soap"));
        assertThat(other.registry()).isEmpty();
        assertThat(other.problem()).contains(new BulkJobDefinition.Problem("vneidBulkRegistryNotTheRealms",
                "lgsp-json", "c06-soap"));
    }

    @Test
    void severalRegistriesMustBeChosenBetweenAndNoneIsARefusal() {
        assertThat(RegistryChoice.choose(Optional.empty(), Set.of("lgsp-json", "c06-soap")).problem())
                .contains(new BulkJobDefinition.Problem("vneidBulkRegistryAmbiguous", "c06-soap, lgsp-json"));
        assertThat(RegistryChoice.choose(Optional.of("c06-soap"), Set.of()).problem())
                .contains(new BulkJobDefinition.Problem("vneidBulkNoRealmRegistry"));
    }

    @Test
    void aStepsEmptyOrMissingSettingIsTheAdapterTheStepFallsBackTo() {
        Map<String, String> blank = new HashMap<>();
        blank.put("registry", " ");
        assertThat(RealmRegistries.registry(null)).isEqualTo("c06-soap");
        assertThat(RealmRegistries.registry(blank)).isEqualTo("c06-soap");
        assertThat(RealmRegistries.registry(Map.of("registry", " lgsp-json "))).isEqualTo("lgsp-json");
    }

    @Test
    void everyRefusalHasATextInBothLanguages() {
        for (String language : new String[] {"vi", "en"}) {
            Properties own = BulkMessages.own(language);
            for (String key : new String[] {"vneidBulkRegistryNotTheRealms", "vneidBulkRegistryAmbiguous",
                    "vneidBulkNoRealmRegistry"}) {
                assertThat(own.getProperty(key)).as(key + " in " + language).isNotBlank();
            }
            String text = new BulkMessages(new Properties(), own).text(new BulkJobDefinition.Problem(
                    "vneidBulkRegistryNotTheRealms", "lgsp-json", "c06-soap"));
            assertThat(text).contains("lgsp-json", "c06-soap").doesNotContain("{0}", "{1}");
        }
    }
}

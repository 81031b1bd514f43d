package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BulkMessagesTest {

    private static final BulkJobDefinition.Problem OUT_OF_RANGE =
            new BulkJobDefinition.Problem("vneidBulkOutOfRange", "ratePerSecond", "1", "5000");

    @Test
    void withoutTheThemesTextTheModulesOwnBundleSpeaksTheOperatorsLanguage() {
        assertThat(new BulkMessages(new Properties(), BulkMessages.own("en")).text(OUT_OF_RANGE))
                .isEqualTo("ratePerSecond must be a whole number from 1 to 5000.");
        assertThat(new BulkMessages(new Properties(), BulkMessages.own("vi")).text(OUT_OF_RANGE))
                .isEqualTo("ratePerSecond phải là số nguyên từ 1 đến 5000.");
    }

    @Test
    void theThemesTextWinsSoARealmCanOverrideIt() {
        Properties theme = new Properties();
        theme.setProperty("vneidBulkOutOfRange", "{0}: {1}–{2}");

        assertThat(new BulkMessages(theme, BulkMessages.own("en")).text(OUT_OF_RANGE)).isEqualTo("ratePerSecond: 1–5000");
    }

    @Test
    void everyRefusalTheDefinitionGivesHasATextInBothLanguages() {
        for (String language : new String[] {"vi", "en"}) {
            Properties own = BulkMessages.own(language);
            for (BulkJobDefinition.Problem problem : BulkJobDefinition.parse(java.util.Map.of("provinces",
                    java.util.List.of("999"), "accountTypes", "x", "createdFrom", "x", "ratePerSecond", 0,
                    "registry", "/", "x", 1)).problems()) {
                assertThat(own.getProperty(problem.key())).as(problem.key() + " in " + language).isNotBlank();
            }
        }
    }
}

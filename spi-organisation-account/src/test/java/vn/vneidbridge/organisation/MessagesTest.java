package vn.vneidbridge.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.vneidbridge.core.id.IdNumberProblem;

class MessagesTest {

    /** The module's theme messages as Keycloak reads them (UTF-8). */
    private static Properties theme(String language) throws IOException {
        return load("/theme-resources/messages/messages_" + language + ".properties");
    }

    /** Core's texts of the id number problems. */
    private static Properties core(String language) throws IOException {
        return load("/" + IdNumberProblem.MESSAGE_BUNDLE.replace('.', '/') + "_" + language + ".properties");
    }

    private static Properties load(String resource) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    @Test
    void thenVietnameseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(theme("en").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(theme("vi").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void thenEveryTaxCodeProblemSaysWhatCoresBundleSays(String language) throws IOException {
        Properties theme = theme(language);
        Properties core = core(language);
        int taxCodeProblems = 0;
        for (IdNumberProblem.Type type : IdNumberProblem.Type.values()) {
            if (type.code().startsWith("tax-code-")) {
                taxCodeProblems++;
                assertThat(theme.getProperty("vneid-" + type.code())).as(language + " " + type.code())
                        .isNotBlank().isEqualTo(core.getProperty(type.code()));
            }
        }
        assertThat(taxCodeProblems).isEqualTo(5);
    }

    @Test
    void thenTheVerifiedChangeIsExplainedInVietnamese() throws IOException {
        assertThat(theme("vi").getProperty("vneidTaxCodeVerifiedChange"))
                .startsWith("Mã số thuế này đã được xác thực.");
    }
}

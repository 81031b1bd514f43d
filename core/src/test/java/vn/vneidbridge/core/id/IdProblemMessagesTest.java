package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdProblemMessagesTest {

    private static Properties load(String language) throws IOException {
        String name = "id-problems_" + language + ".properties";
        try (InputStream in = IdProblemMessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Reader strictUtf8 = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            Properties messages = new Properties();
            messages.load(strictUtf8);
            return messages;
        } catch (CharacterCodingException e) {
            throw new AssertionError(name + " is not UTF-8", e);
        }
    }

    private static Set<String> codes() {
        return Arrays.stream(IdNumberProblem.Type.values()).map(IdNumberProblem.Type::code).collect(Collectors.toSet());
    }

    @Test
    void thenBothLanguagesHaveExactlyTheSameKeys() throws IOException {
        assertThat(load("vi").stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void thenEveryCodeHasAMessageAndEveryMessageACode(String language) throws IOException {
        assertThat(load(language).stringPropertyNames()).containsExactlyInAnyOrderElementsOf(codes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void thenEachMessageUsesExactlyItsArguments(String language) throws IOException {
        Properties messages = load(language);
        for (IdNumberProblem.Type type : IdNumberProblem.Type.values()) {
            String message = messages.getProperty(type.code());
            assertThat(message).as(type.code()).isNotBlank().doesNotContain("'");
            assertThat(Normalizer.isNormalized(message, Normalizer.Form.NFC)).as(type.code() + " NFC").isTrue();
            assertThat(new MessageFormat(message, Locale.ROOT).getFormatsByArgumentIndex())
                    .as(type.code() + " arguments").hasSize(type.argumentCount());
            Object[] args = Collections.nCopies(type.argumentCount(), "ARG").toArray();
            assertThat(MessageFormat.format(message, args)).doesNotContain("{").doesNotContain("}");
        }
    }

    @Test
    void thenCodesAreUniqueKebabCaseWithTheirDocumentPrefix() {
        assertThat(codes()).hasSize(IdNumberProblem.Type.values().length)
                .allSatisfy(code -> assertThat(code).matches("(cccd|cmnd|tax-code)(-[a-z0-9]+)+"));
    }

    @Test
    void thenTheBundleReadsVietnameseAsUtf8() {
        ResourceBundle vi = ResourceBundle.getBundle(IdNumberProblem.MESSAGE_BUNDLE, Locale.forLanguageTag("vi"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertThat(MessageFormat.format(vi.getString("cccd-province-unknown"), "003"))
                .isEqualTo("Mã tỉnh 003 không hợp lệ.");
        assertThat(vi.getString("cccd-century-gender-mismatch")).contains("Chữ số thứ 4", "giới tính/năm sinh");
    }

    @Test
    void thenAProblemFormatsWithItsArguments() {
        ResourceBundle en = ResourceBundle.getBundle(IdNumberProblem.MESSAGE_BUNDLE, Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        IdNumberProblem problem = PersonalIdNumber.parse("05218900012").problems().get(0);
        assertThat(MessageFormat.format(en.getString(problem.code()), problem.arguments().toArray()))
                .isEqualTo("The personal identification number must have exactly 12 digits (11 characters entered).");
    }
}

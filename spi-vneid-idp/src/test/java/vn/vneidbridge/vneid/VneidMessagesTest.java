package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

/** The texts of the login page, the error page and the admin console, in Vietnamese and English. */
class VneidMessagesTest {

    private static Properties messages(String language) throws IOException {
        String path = "/theme-resources/messages/messages_" + language + ".properties";
        try (InputStream in = VneidMessagesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }

    @Test
    void thenBothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(messages("en").stringPropertyNames()).isEqualTo(messages("vi").stringPropertyNames());
    }

    @Test
    void thenEveryRefusalAndSettingHasItsTexts() throws IOException {
        Properties vi = messages("vi");
        Stream.of(VneidRefusal.values()).map(VneidRefusal::messageKey)
                .forEach(key -> assertThat(vi.getProperty(key)).as(key).isNotBlank());
        for (ProviderConfigProperty property : VneidConfigProperties.ALL) {
            assertThat(vi.getProperty(property.getLabel())).as(property.getLabel()).isNotBlank();
            assertThat(vi.getProperty(property.getHelpText())).as(property.getHelpText()).isNotBlank();
        }
    }

    @Test
    void thenTheCitizenIsToldWhichLevelIsMissing() throws IOException {
        assertThat(messages("vi").getProperty("vneidLevelTooLow")).startsWith(
                "Tài khoản VNeID của bạn ở mức độ 1; dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2");
        assertThat(messages("vi").getProperty("vneidLevelTooLow")).contains("V2");
    }

    @Test
    void thenTheOrganisationsRefusalsQuoteTheirErrorCodes() throws IOException {
        Properties vi = messages("vi");
        Properties en = messages("en");
        for (VneidRefusal refusal : new VneidRefusal[] {VneidRefusal.ORGANISATION_NOT_ACCEPTED,
                VneidRefusal.TAX_CODE_INVALID, VneidRefusal.ORGANISATION_NAME_MISSING}) {
            assertThat(vi.getProperty(refusal.messageKey())).endsWith("(Mã lỗi VNeID-" + refusal.check() + ")");
            assertThat(en.getProperty(refusal.messageKey())).endsWith("(Error code VNeID-" + refusal.check() + ")");
        }
        assertThat(vi.getProperty(VneidIdentityMapper.TAX_CODE_CONFLICT_MESSAGE)).isNotBlank();
        assertThat(vi.getProperty(VneidLinkGuard.MESSAGE_TAX_CODE_MISMATCH)).contains("mã số thuế");
    }

    @Test
    void thenTheLoginPageTextsAreThere() throws IOException {
        assertThat(messages("vi").getProperty("vneidLoginButton")).isEqualTo("Tài khoản Định danh điện tử cấp bởi Bộ Công an");
        assertThat(messages("en").getProperty("vneidLoginButton"))
                .isEqualTo("Electronic identity account issued by the Ministry of Public Security");
        assertThat(messages("vi").getProperty("vneidAdminNote")).isEqualTo("Chưa áp dụng với tài khoản quản trị của Cổng DVCQG");
    }

    @Test
    void thenNoTextBreaksMessageFormat() throws IOException {
        for (String language : new String[] {"vi", "en"}) {
            Properties properties = messages(language);
            for (String key : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(key)).as(language + " " + key).doesNotContain("'", "{", "}");
            }
        }
    }
}

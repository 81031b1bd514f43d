package vn.vneidbridge.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class C06CredentialsTest {

    private static final String URL = "https://c06.example.gov.vn/c06/XacThucThongTinCongDan";
    private static final C06Credentials CREDENTIALS = new C06Credentials("dvc", "secret");

    @Test
    void thenTheHeaderIsBasicUserColonHexSha256OfUrlUserTimestampSecret() throws Exception {
        String expectedHex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((URL + "dvc" + "20250102030405" + "secret").getBytes(StandardCharsets.UTF_8)));
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString(("dvc:" + expectedHex).getBytes(StandardCharsets.UTF_8));

        assertThat(CREDENTIALS.authorization(URL, "20250102030405")).isEqualTo(expected);
        assertThat(CREDENTIALS.accepts(expected, URL, "20250102030405")).isTrue();
    }

    @Test
    void thenUpperCaseHexIsAcceptedButAnythingElseDifferentIsNot() {
        String hex = CREDENTIALS.signature(URL, "20250102030405").toUpperCase(Locale.ROOT);
        String upper = "Basic " + Base64.getEncoder().encodeToString(("dvc:" + hex).getBytes(StandardCharsets.UTF_8));
        String good = CREDENTIALS.authorization(URL, "20250102030405");

        assertThat(CREDENTIALS.accepts(upper, URL, "20250102030405")).isTrue();
        assertThat(CREDENTIALS.accepts(good, URL, "20250102030406")).isFalse();
        assertThat(CREDENTIALS.accepts(good, URL + "?x", "20250102030405")).isFalse();
        assertThat(new C06Credentials("dvc", "other").accepts(good, URL, "20250102030405")).isFalse();
        assertThat(new C06Credentials("dvc2", "secret").accepts(good, URL, "20250102030405")).isFalse();
        assertThat(CREDENTIALS.accepts(null, URL, "20250102030405")).isFalse();
        assertThat(CREDENTIALS.accepts("Bearer x", URL, "20250102030405")).isFalse();
        assertThat(CREDENTIALS.accepts("Basic ***", URL, "20250102030405")).isFalse();
        assertThat(CREDENTIALS.accepts("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(
                StandardCharsets.UTF_8)), URL, "20250102030405")).isFalse();
    }

    @Test
    void thenTheTimestampIsHoChiMinhCityTime() {
        assertThat(C06Credentials.timestamp(Instant.parse("2025-01-01T17:30:00Z"))).isEqualTo("20250102003000");
    }

    @Test
    void thenTheSecretIsNeverPrintedAndBadValuesAreRefused() {
        assertThat(CREDENTIALS.toString()).doesNotContain("secret").contains("dvc");
        assertThatThrownBy(() -> new C06Credentials("a:b", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new C06Credentials(" ", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new C06Credentials("a", "")).isInstanceOf(IllegalArgumentException.class);
    }
}

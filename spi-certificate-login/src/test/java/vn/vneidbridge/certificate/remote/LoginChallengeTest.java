package vn.vneidbridge.certificate.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginChallengeTest {

    private static final byte[] NONCE = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOT_AFTER = Instant.parse("2026-12-07T01:02:03Z");

    private static LoginChallenge.Fields fields(String client, String root, byte[] nonce) {
        return new LoginChallenge.Fields("dvc", client, "https://dichvucong.gov.vn/realms/dvc", root, "tab-1", nonce,
                NOT_AFTER);
    }

    @Nested
    class GivenOneLogin {

        @Test
        void thenItsTextNamesTheRealmThePortalAndTheTimeButNeverTheSessionsIds() {
            LoginChallenge challenge = LoginChallenge.of(fields("dvcqg-portal", "root-session-id-cookie", NONCE));

            assertThat(challenge.text()).startsWith("VNeID Bridge đăng nhập bằng chữ ký số v1\nrealm=dvc\n")
                    .contains("client=dvcqg-portal\n", "issuer=https://dichvucong.gov.vn/realms/dvc\n",
                            "not_after=" + NOT_AFTER.getEpochSecond() + "\n", "code=" + challenge.code() + "\n")
                    .doesNotContain("root-session-id-cookie").doesNotContain("tab-1");
            assertThat(challenge.code()).matches("\\d{4}");
            assertThat(challenge.sha256Hex()).hasSize(64);
        }

        @Test
        void thenBuiltAgainFromTheSameNotesItIsTheSameToTheByte() {
            assertThat(LoginChallenge.of(fields("dvcqg-portal", "r", NONCE)).bytes())
                    .isEqualTo(LoginChallenge.of(fields("dvcqg-portal", "r", NONCE)).bytes());
        }

        @Test
        void thenAnotherPortalSessionOrNonceIsAnotherChallenge() {
            LoginChallenge one = LoginChallenge.of(fields("dvcqg-portal", "r", NONCE));
            byte[] otherNonce = NONCE.clone();
            otherNonce[0] ^= 1;

            assertThat(LoginChallenge.of(fields("dvc-hatinh-web", "r", NONCE)).sha256Hex()).isNotEqualTo(one.sha256Hex());
            assertThat(LoginChallenge.of(fields("dvcqg-portal", "r2", NONCE)).sha256Hex()).isNotEqualTo(one.sha256Hex());
            assertThat(LoginChallenge.of(fields("dvcqg-portal", "r", otherNonce)).sha256Hex())
                    .isNotEqualTo(one.sha256Hex());
        }
    }

    @Nested
    class GivenHostileOrMissingFields {

        @Test
        void thenALineBreakCannotAddALineOfItsOwn() {
            assertThatThrownBy(() -> LoginChallenge.of(fields("dvcqg-portal\nrealm=other", "r", NONCE)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> LoginChallenge.of(fields("dvcqg-portal", "r\r", NONCE)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void thenAShortNonceIsRefused() {
            assertThatThrownBy(() -> LoginChallenge.of(fields("dvcqg-portal", "r", new byte[8])))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void thenTheApprovalTimeIsKeptBetweenThirtyAndThreeHundredSeconds() {
        assertThat(LoginChallenge.approval("5")).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginChallenge.approval("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LoginChallenge.approval("3600")).isEqualTo(Duration.ofSeconds(300));
        assertThat(LoginChallenge.approval("ninety")).isEqualTo(LoginChallenge.DEFAULT_APPROVAL);
        assertThat(LoginChallenge.approval(null)).isEqualTo(LoginChallenge.DEFAULT_APPROVAL);
    }
}

package vn.vneidbridge.vneid.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which decryptions of a partner-API login are told to the metrics, and as what. */
class PartnerDecryptionTimingTest {

    private static final KeyPair RP = Envelopes.rsa();
    private static final String TOKEN = "{\"access_token\":\"at-1\"}";
    private static final String CLAIMS = "{\"citizenPid\":\"001090001234\",\"accountLevel\":\"2\"}";

    private final List<PartnerPayload> decrypted = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private final PartnerCipher cipher = new PartnerCipher(List.of(RP.getPrivate()), PartnerAesMode.ECB,
            (what, took) -> {
                decrypted.add(what);
                nanos.add(took);
            });

    private static PartnerHttpResult ok(String body) {
        return new PartnerHttpResult.Answer(200, body);
    }

    @Nested
    class GivenOneLoginsCodeTokenAndUserinfo {

        @Test
        void thenEachIsTimedOnceAsWhatItIs() {
            byte[] aes = Envelopes.aesKey(32);
            assertThat(PartnerAnswers.code(Envelopes.encrypt(aes, PartnerAesMode.ECB, "c-42"),
                    Envelopes.wrapAsText(RP.getPublic(), aes), cipher)).isEqualTo(new PartnerAnswers.Outcome.Ok<>("c-42"));
            assertThat(PartnerAnswers.accessToken(ok(Envelopes.envelope(RP.getPublic(), PartnerAesMode.ECB, TOKEN)),
                    cipher)).isEqualTo(new PartnerAnswers.Outcome.Ok<>("at-1"));
            assertThat(PartnerAnswers.userInfo(ok(Envelopes.envelope(RP.getPublic(), PartnerAesMode.ECB, CLAIMS)),
                    cipher)).isInstanceOf(PartnerAnswers.Outcome.Ok.class);

            assertThat(decrypted).containsExactly(PartnerPayload.CODE, PartnerPayload.TOKEN, PartnerPayload.USERINFO);
            assertThat(nanos).allSatisfy(took -> assertThat(took).as("an RSA decryption takes time").isPositive());
        }
    }

    @Nested
    class GivenNothingToDecrypt {

        @Test
        void thenNothingIsTimed() {
            PartnerAnswers.code("plain", null, cipher);
            PartnerAnswers.code(null, "key", cipher);
            PartnerAnswers.accessToken(new PartnerHttpResult.Answer(400, "{\"error\":\"invalid_grant\"}"), cipher);
            PartnerAnswers.accessToken(new PartnerHttpResult.Failed(PartnerHttpResult.Failure.TIMEOUT), cipher);
            PartnerAnswers.userInfo(ok("<html>"), cipher);
            assertThat(decrypted).as("no code to decrypt, no envelope: no decryption").isEmpty();
        }
    }

    @Nested
    class GivenADecryptionThatFails {

        @Test
        void thenAnEnvelopeFromVneidIsTimedLikeOneThatSucceeds() {
            PartnerAnswers.userInfo(ok(Envelopes.envelope(Envelopes.rsa().getPublic(), PartnerAesMode.ECB, CLAIMS)),
                    cipher);
            assertThat(decrypted).containsExactly(PartnerPayload.USERINFO);
        }
    }

    @Nested
    class GivenAnAttackerChoosingTheCodesEncryptKey {

        @Test
        void thenNoFailedCodeDecryptionReachesTheMetricsWhateverThePadding() {
            byte[] aes = Envelopes.aesKey(32);
            String code = Envelopes.encrypt(aes, PartnerAesMode.ECB, "c-42");
            // a key wrapped for another relying party (bad padding for ours), random bytes, and a well-padded block
            // for our key that holds no AES key: each a different path inside the RSA step
            PartnerAnswers.code(code, Envelopes.wrapAsText(Envelopes.rsa().getPublic(), aes), cipher);
            PartnerAnswers.code(code, java.util.Base64.getEncoder().encodeToString(new byte[256]), cipher);
            PartnerAnswers.code(code, Envelopes.wrapAsText(RP.getPublic(), new byte[] {1, 2, 3}), cipher);

            assertThat(decrypted).as("failures of a key the sender chose are never timed").isEmpty();
        }

        @Test
        void thenAListenerThatThrowsChangesNoAnswer() {
            PartnerCipher throwing = new PartnerCipher(List.of(RP.getPrivate()), PartnerAesMode.ECB, (what, took) -> {
                throw new IllegalStateException("metrics down");
            });
            byte[] aes = Envelopes.aesKey(32);

            assertThat(PartnerAnswers.code(Envelopes.encrypt(aes, PartnerAesMode.ECB, "c-42"),
                    Envelopes.wrapAsText(RP.getPublic(), aes), throwing)).isEqualTo(new PartnerAnswers.Outcome.Ok<>("c-42"));
        }
    }
}

package vn.vneidbridge.vneid.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.vneid.partner.PartnerAnswers.Outcome;

class PartnerAnswersTest {

    private static final KeyPair RP = Envelopes.rsa();
    private static final PartnerCipher CIPHER = new PartnerCipher(List.of(RP.getPrivate()), PartnerAesMode.ECB);
    private static final String TOKEN = "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":300}";
    private static final String CLAIMS = "{\"citizenPid\":\"001090001234\",\"fullName\":\"Nguyễn Văn An\","
            + "\"accountLevel\":\"2\"}";

    private static PartnerHttpResult ok(String body) {
        return new PartnerHttpResult.Answer(200, body);
    }

    private static PartnerRefusal refusal(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).refusal();
    }

    @Nested
    class GivenTheAuthorizationCode {

        @Test
        void thenAnEncryptedCodeIsDecrypted() {
            byte[] aes = Envelopes.aesKey(32);
            Outcome<String> code = PartnerAnswers.code(Envelopes.encrypt(aes, PartnerAesMode.ECB, "c-42"),
                    Envelopes.wrapAsText(RP.getPublic(), aes), CIPHER);
            assertThat(code).isEqualTo(new Outcome.Ok<>("c-42"));
        }

        @Test
        void thenAPlainCodeWithoutEncryptKeyIsUsedAsItCame() {
            assertThat(PartnerAnswers.code("plain", null, CIPHER)).isEqualTo(new Outcome.Ok<>("plain"));
        }

        @Test
        void thenEveryFailureIsTheSameCodeRefusal() {
            byte[] aes = Envelopes.aesKey(32);
            String code = Envelopes.encrypt(aes, PartnerAesMode.ECB, "c-42");
            String key = Envelopes.wrapAsText(RP.getPublic(), aes);
            Outcome<String> expected = new Outcome.Refused<>(PartnerRefusal.CODE_REFUSED, "code_refused");
            assertThat(List.of(
                    PartnerAnswers.code(" " + code.substring(1), key, CIPHER),   // first character lost
                    PartnerAnswers.code(code.substring(0, 10), key, CIPHER),    // truncated
                    PartnerAnswers.code(code, key.substring(4), CIPHER),        // broken RSA
                    PartnerAnswers.code(code, Envelopes.wrapAsText(Envelopes.rsa().getPublic(), aes), CIPHER),
                    PartnerAnswers.code(null, key, CIPHER))).containsOnly(expected);
        }
    }

    @Nested
    class GivenTheTokenEndpoint {

        @Test
        void thenTheAccessTokenComesOutOfTheEnvelope() {
            assertThat(PartnerAnswers.accessToken(ok(Envelopes.envelope(RP.getPublic(), PartnerAesMode.ECB, TOKEN)),
                    CIPHER)).isEqualTo(new Outcome.Ok<>("at-1"));
        }

        @Test
        void thenABodyThatIsNoEnvelopeIsUnreadable() {
            assertThat(refusal(PartnerAnswers.accessToken(ok(TOKEN), CIPHER)))
                    .isEqualTo(PartnerRefusal.ANSWER_UNREADABLE);
            assertThat(refusal(PartnerAnswers.accessToken(ok("<html>"), CIPHER)))
                    .isEqualTo(PartnerRefusal.ANSWER_UNREADABLE);
            assertThat(refusal(PartnerAnswers.accessToken(ok("{\"data\":1,\"key\":\"x\"}"), CIPHER)))
                    .isEqualTo(PartnerRefusal.ANSWER_UNREADABLE);
        }

        @Test
        void thenAnEnvelopeWithoutAccessTokenIsUnreadable() {
            assertThat(refusal(PartnerAnswers.accessToken(ok(Envelopes.envelope(RP.getPublic(), PartnerAesMode.ECB,
                    "{\"token_type\":\"Bearer\"}")), CIPHER))).isEqualTo(PartnerRefusal.ANSWER_UNREADABLE);
        }

        @Test
        void thenAnEnvelopeForAnotherKeyIsUnreadable() {
            assertThat(refusal(PartnerAnswers.accessToken(ok(Envelopes.envelope(Envelopes.rsa().getPublic(),
                    PartnerAesMode.ECB, TOKEN)), CIPHER))).isEqualTo(PartnerRefusal.ANSWER_UNREADABLE);
        }

        @Test
        void thenHttpErrorsAreRefusedByKind() {
            assertThat(refusal(PartnerAnswers.accessToken(new PartnerHttpResult.Answer(400,
                    "{\"error\":\"invalid_grant\"}"), CIPHER))).isEqualTo(PartnerRefusal.CODE_REFUSED);
            assertThat(refusal(PartnerAnswers.accessToken(new PartnerHttpResult.Answer(401,
                    "{\"error\":\"invalid_client\"}"), CIPHER))).isEqualTo(PartnerRefusal.CLIENT_REFUSED);
            assertThat(refusal(PartnerAnswers.accessToken(new PartnerHttpResult.Answer(503, ""), CIPHER)))
                    .isEqualTo(PartnerRefusal.UNAVAILABLE);
        }

        @Test
        void thenTimeoutsOversizedBodiesAndBrokenConnectionsAreRefused() {
            assertThat(refusal(PartnerAnswers.accessToken(new PartnerHttpResult.Failed(
                    PartnerHttpResult.Failure.TIMEOUT), CIPHER))).isEqualTo(PartnerRefusal.TIMEOUT);
            assertThat(refusal(PartnerAnswers.accessToken(new PartnerHttpResult.Failed(
                    PartnerHttpResult.Failure.OVERSIZED), CIPHER))).isEqualTo(PartnerRefusal.ANSWER_UNREADABLE);
            assertThat(refusal(PartnerAnswers.accessToken(new PartnerHttpResult.Failed(
                    PartnerHttpResult.Failure.UNREACHABLE), CIPHER))).isEqualTo(PartnerRefusal.UNAVAILABLE);
            assertThat(refusal(PartnerAnswers.accessToken(ok("x".repeat(PartnerHttpResult.MAX_BODY_BYTES + 1)),
                    CIPHER))).isEqualTo(PartnerRefusal.ANSWER_UNREADABLE);
        }

        @Test
        void thenSimpleHttpsExceptionsAreClassified() {
            assertThat(PartnerHttpResult.of(new java.net.SocketTimeoutException("Read timed out")))
                    .isEqualTo(PartnerHttpResult.Failure.TIMEOUT);
            assertThat(PartnerHttpResult.of(new java.io.IOException(
                    "Response is at least 65537 bytes in size, with max bytes to be consumed being 65536")))
                    .isEqualTo(PartnerHttpResult.Failure.OVERSIZED);
            assertThat(PartnerHttpResult.of(new java.net.ConnectException("Connection refused")))
                    .isEqualTo(PartnerHttpResult.Failure.UNREACHABLE);
        }

        @Test
        void thenARealmWithoutKeyIsNotConfigured() {
            PartnerCipher none = new PartnerCipher(List.of(), PartnerAesMode.ECB);
            assertThat(refusal(PartnerAnswers.accessToken(ok(Envelopes.envelope(RP.getPublic(), PartnerAesMode.ECB,
                    TOKEN)), none))).isEqualTo(PartnerRefusal.NOT_CONFIGURED);
        }
    }

    @Nested
    class GivenTheUserinfoEndpoint {

        @Test
        void thenTheClaimsComeOutOfACbcEnvelope() {
            PartnerCipher cbc = new PartnerCipher(List.of(RP.getPrivate()), PartnerAesMode.CBC);
            Outcome<JsonNode> claims = PartnerAnswers.userInfo(
                    ok(Envelopes.envelope(RP.getPublic(), PartnerAesMode.CBC, CLAIMS)), cbc);
            assertThat(claims).isInstanceOf(Outcome.Ok.class);
            assertThat(((Outcome.Ok<JsonNode>) claims).value().path("accountLevel").asText()).isEqualTo("2");
        }

        @Test
        void thenARefusedAccessTokenIsAUserinfoRefusal() {
            assertThat(refusal(PartnerAnswers.userInfo(new PartnerHttpResult.Answer(401,
                    "{\"error\":\"invalid_token\"}"), CIPHER))).isEqualTo(PartnerRefusal.USERINFO_REFUSED);
        }

        @Test
        void thenAnEnvelopeHoldingNoJsonObjectIsUnreadable() {
            assertThat(refusal(PartnerAnswers.userInfo(ok(Envelopes.envelope(RP.getPublic(), PartnerAesMode.ECB,
                    "[1,2]")), CIPHER))).isEqualTo(PartnerRefusal.ANSWER_UNREADABLE);
        }
    }
}

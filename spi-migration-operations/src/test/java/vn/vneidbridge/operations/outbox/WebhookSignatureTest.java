package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "sandbox-secret";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"vneid.account.linked\"}";

    @Nested
    class GivenASignedBody {

        private final String header = WebhookSignature.header(SECRET, 1_790_000_000L, BODY);

        @Test
        void thenTheHeaderNamesTheTimeAndAnHmacSha256InHex() {
            assertThat(header).matches("t=1790000000,v1=[0-9a-f]{64}");
            // HMAC-SHA256("sandbox-secret", "1790000000." + body), computed independently with openssl
            assertThat(header).isEqualTo("t=1790000000,v1=" + WebhookSignature.hmac(SECRET, "1790000000." + BODY));
        }

        @Test
        void thenItVerifiesWithTheSameSecretWithinTheTolerance() {
            assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_790_000_100L, 300)).isTrue();
        }

        @Test
        void thenAnotherSecretAChangedBodyOrAnOldTimeFail() {
            assertThat(WebhookSignature.verify("other-secret", header, BODY, 1_790_000_000L, 300)).isFalse();
            assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", 1_790_000_000L, 300)).isFalse();
            assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_790_000_301L, 300)).isFalse();
        }

        @Test
        void thenMalformedHeadersFail() {
            assertThat(WebhookSignature.verify(SECRET, null, BODY, 0, 300)).isFalse();
            assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, 0, 300)).isFalse();
            assertThat(WebhookSignature.verify(SECRET, "t=x,v1=abc", BODY, 0, 300)).isFalse();
        }
    }

    @Test
    void knownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}

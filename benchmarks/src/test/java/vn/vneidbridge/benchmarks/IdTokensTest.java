package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdTokensTest {

    private static String jwt(String payloadJson) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Nested
    class GivenAnIdTokenOfAStepUp {

        @Test
        void thenItsAcrIsRead() {
            String token = jwt("{\"iss\":\"http://127.0.0.1/realms/dvc\",\"acr\":\"2\",\"vneid_level\":\"2\"}");

            assertThat(IdTokens.acr(token)).isEqualTo("2");
            assertThat(IdTokens.hasAcr(token, "2")).isTrue();
        }

        @Test
        void thenALowerLevelDoesNotPassForLevelTwo() {
            assertThat(IdTokens.hasAcr(jwt("{\"acr\":\"1\"}"), "2")).isFalse();
            assertThat(IdTokens.hasAcr(jwt("{\"acr\":\"0\"}"), "2")).isFalse();
            // the national portal SSO's name is another value, not the number asked for
            assertThat(IdTokens.hasAcr(jwt("{\"acr\":\"LoA2\"}"), "2")).isFalse();
        }

        @Test
        void thenANumericAcrIsReadAsItsText() {
            assertThat(IdTokens.acr(jwt("{\"acr\":2}"))).isEqualTo("2");
        }
    }

    @Nested
    class GivenSomethingThatIsNotAReadableToken {

        @Test
        void thenThereIsNoAcrAndTheCheckFails() {
            assertThat(IdTokens.acr(null)).isNull();
            assertThat(IdTokens.acr("")).isNull();
            assertThat(IdTokens.acr("not-a-jwt")).isNull();
            assertThat(IdTokens.acr("a.%%%.c")).isNull();
            assertThat(IdTokens.acr(jwt("not json"))).isNull();
            assertThat(IdTokens.acr(jwt("{\"sub\":\"x\"}"))).isNull();
            assertThat(IdTokens.acr(jwt("{\"acr\":null}"))).isNull();
            assertThat(IdTokens.acr(jwt("{\"acr\":[\"2\"]}"))).isNull();
            assertThat(IdTokens.hasAcr("not-a-jwt", "2")).isFalse();
        }
    }
}

package vn.vneidbridge.sandbox.vneid.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The face's pure decisions: PKCE, the redirect it writes, the userinfo it derives, the key cache. */
class PartnerRequestChecksTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Nested
    class GivenPkce {

        @Test
        void thenTheRfc7636ExampleVerifies() {
            assertThat(Pkce.s256(VERIFIER)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
            assertThat(Pkce.verifies("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256", VERIFIER)).isTrue();
        }

        @Test
        void thenAWrongMissingOrShortVerifierIsRefused() {
            String challenge = Pkce.s256(VERIFIER);
            assertThat(Pkce.verifies(challenge, "S256", VERIFIER.replace('d', 'e'))).isFalse();
            assertThat(Pkce.verifies(challenge, "S256", null)).isFalse();
            assertThat(Pkce.verifies("short", "plain", "short")).isFalse();
        }

        @Test
        void thenWithoutAChallengeNoVerifierIsExpectedAndOneSentIsRefused() {
            assertThat(Pkce.verifies(null, null, null)).isTrue();
            assertThat(Pkce.verifies(null, null, VERIFIER)).isFalse();
        }

        @Test
        void thenOnlyS256AndPlainAreAccepted() {
            assertThat(Pkce.supportedMethod("S256")).isTrue();
            assertThat(Pkce.supportedMethod("plain")).isTrue();
            assertThat(Pkce.supportedMethod(null)).isTrue();
            assertThat(Pkce.supportedMethod("S512")).isFalse();
        }
    }

    @Nested
    class GivenTheRedirectToTheRelyingParty {

        @Test
        void thenTheBase64CodeAndKeyAreWrittenRawWithTheirPlusSigns() {
            String location = PartnerRedirect.success("http://localhost:8080/realms/dvc/broker/vneid/endpoint",
                    "ab+c/d==", "k+y/==", "st ate&x");

            assertThat(location).isEqualTo("http://localhost:8080/realms/dvc/broker/vneid/endpoint"
                    + "?code=ab+c/d==&encrypt_key=k+y/==&state=st+ate%26x");
        }

        @Test
        void thenAnExistingQueryIsKeptAndARefusalIsAccessDenied() {
            assertThat(PartnerRedirect.error("https://rp.example/cb?x=1", "access_denied", "s1"))
                    .isEqualTo("https://rp.example/cb?x=1&error=access_denied&state=s1");
            assertThat(PartnerRedirect.error("https://rp.example/cb", "access_denied", null))
                    .isEqualTo("https://rp.example/cb?error=access_denied");
        }
    }

    @Nested
    class GivenTheStandInsOwnIdToken {

        @Test
        void thenTheUserinfoIsInThePartnerApisNamesAndFormats() {
            Map<String, Object> idToken = new HashMap<>();
            idToken.put("SoDinhDanh", "001090001234");
            idToken.put("preferred_username", "ignored");
            idToken.put("name", "Nguyễn Văn An");
            idToken.put("birthdate", "1990-09-02");
            idToken.put("gender", "male");
            idToken.put("phone_number", "0903112233");
            idToken.put("acr", "2");

            assertThat(CitizenClaims.fromOidc(idToken)).containsExactly(
                    Map.entry("citizenPid", "001090001234"), Map.entry("fullName", "Nguyễn Văn An"),
                    Map.entry("birthDate", "02/09/1990"), Map.entry("gender", "Nam"),
                    Map.entry("phoneNumber", "0903112233"), Map.entry("accountType", "1"),
                    Map.entry("accountLevel", "2"));
        }

        @Test
        void thenAFemalePersonaIsNuAndUnknownValuesAreLeftOut() {
            Map<String, Object> idToken = Map.of("preferred_username", "052189000123", "gender", "female",
                    "birthdate", "15/03/1989", "acr", "1");

            Map<String, String> userinfo = CitizenClaims.fromOidc(idToken);

            assertThat(userinfo).containsEntry("citizenPid", "052189000123").containsEntry("gender", "Nữ")
                    .containsEntry("accountLevel", "1").doesNotContainKeys("birthDate", "fullName", "phoneNumber");
        }

        @Test
        void thenACitizenWithoutLoaiTaiKhoanIsAccountTypeOne() {
            assertThat(CitizenClaims.fromOidc(Map.of("preferred_username", "052189000123", "acr", "2")))
                    .containsEntry("accountType", "1");
            assertThat(CitizenClaims.fromOidc(Map.of("preferred_username", "052189000123", "LoaiTaiKhoan", " ")))
                    .containsEntry("accountType", "1");
        }

        @Test
        void thenAnOrganisationIsItsTaxCodeAndAccountTypeWithoutBirthDateOrGender() {
            Map<String, Object> idToken = new HashMap<>();
            idToken.put("SoDinhDanh", "0312345673");
            idToken.put("preferred_username", "0312345673");
            idToken.put("name", "Công ty TNHH ABC");
            idToken.put("given_name", "Công ty TNHH ABC");
            idToken.put("phone_number", "0986050588");
            idToken.put("LoaiTaiKhoan", "2");
            idToken.put("acr", "2");

            assertThat(CitizenClaims.fromOidc(idToken)).containsExactly(
                    Map.entry("citizenPid", "0312345673"), Map.entry("fullName", "Công ty TNHH ABC"),
                    Map.entry("phoneNumber", "0986050588"), Map.entry("accountType", "2"),
                    Map.entry("accountLevel", "2"));
        }
    }

    @Nested
    class GivenTheRelyingPartysKeyUrl {

        private final KeyPair pair = PartnerCryptoTest.rsa();
        private final String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";

        @Test
        void thenItIsFetchedAgainAfterTenSecondsAtMost() throws IOException {
            MutableClock clock = new MutableClock();
            RelyingPartyKeys keys = new RelyingPartyKeys(clock);
            AtomicInteger fetches = new AtomicInteger();
            RelyingPartyKeys.Fetch fetch = url -> {
                fetches.incrementAndGet();
                return pem;
            };

            RSAPublicKey first = keys.key("http://rp/key.pem", fetch);
            clock.advance(Duration.ofSeconds(9));
            keys.key("http://rp/key.pem", fetch);
            assertThat(fetches).hasValue(1);
            clock.advance(Duration.ofSeconds(1));
            keys.key("http://rp/key.pem", fetch);

            assertThat(fetches).hasValue(2);
            assertThat(first).isEqualTo(pair.getPublic());
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package vn.vneidbridge.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.sandbox.portal.LogoutTokenCheck.Accepted;
import vn.vneidbridge.sandbox.portal.LogoutTokenCheck.Refusal;
import vn.vneidbridge.sandbox.portal.LogoutTokenCheck.Refused;
import vn.vneidbridge.sandbox.portal.LogoutTokenCheck.Verdict;

/** Each check of OpenID Connect Back-Channel Logout 1.0, section 2.6, as the demo portal makes it. */
class LogoutTokenVerifierTest {

    private static final String ISSUER = "http://localhost:8080/realms/dvc";
    private static final String CLIENT = "dvcqg-portal";
    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");
    private static final RSAKey KEYCLOAK = rsa("keycloak-key");
    private static final RSAKey FORGER = rsa("keycloak-key");

    private final LogoutTokenVerifier verifier = new LogoutTokenVerifier(
            new ImmutableJWKSet<>(new JWKSet(KEYCLOAK.toPublicJWK())), ISSUER, Set.of(CLIENT, "dvc-hatinh-web"),
            new SeenLogoutTokens(1000), Clock.fixed(NOW, ZoneOffset.UTC));

    @Nested
    class GivenATokenKeycloakSigned {

        @Test
        void thenItIsAcceptedForItsClientSessionAndSubject() {
            Verdict verdict = verifier.verify(signed(KEYCLOAK, valid().build()));

            assertThat(verdict).isInstanceOfSatisfying(Accepted.class, accepted -> {
                assertThat(accepted.clients()).containsExactly(CLIENT);
                assertThat(accepted.sid()).contains("session-1");
                assertThat(accepted.sub()).contains("user-1");
            });
        }

        @Test
        void thenTypedJwtOrNotTypedItIsAcceptedToo() {
            assertThat(verifier.verify(signed(KEYCLOAK, JOSEObjectType.JWT, valid().build())))
                    .isInstanceOf(Accepted.class);
            assertThat(verifier.verify(signed(KEYCLOAK, null, valid().build()))).isInstanceOf(Accepted.class);
        }

        @Test
        void thenOnlyTheSubjectOrOnlyTheSessionIsEnough() {
            assertThat(verifier.verify(signed(KEYCLOAK, valid().claim("sid", null).build())))
                    .isInstanceOfSatisfying(Accepted.class, accepted -> assertThat(accepted.sid()).isEmpty());
            assertThat(verifier.verify(signed(KEYCLOAK, valid().subject(null).build())))
                    .isInstanceOfSatisfying(Accepted.class, accepted -> assertThat(accepted.sub()).isEmpty());
        }

        @Test
        void thenTheSameTokenAgainIsAReplay() {
            String token = signed(KEYCLOAK, valid().build());

            assertThat(verifier.verify(token)).isInstanceOf(Accepted.class);
            assertThat(refusal(token)).isEqualTo(Refusal.REPLAYED);
            assertThat(refusal(signed(KEYCLOAK, valid().build()))).as("another jti is another token")
                    .isNull();
        }
    }

    @Nested
    class GivenAForgedSignature {

        @Test
        void thenAnotherKeyUnderKeycloaksKeyIdIsRefused() {
            assertThat(refusal(signed(FORGER, valid().build()))).isEqualTo(Refusal.BAD_SIGNATURE);
        }

        @Test
        void thenAnUnsignedTokenAlgNoneIsRefused() {
            assertThat(refusal(new PlainJWT(valid().build()).serialize())).isEqualTo(Refusal.BAD_SIGNATURE);
        }

        @Test
        void thenAnHmacKeyedWithKeycloaksPublicKeyIsRefused() throws Exception {
            SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEYCLOAK.getKeyID()).build(),
                    valid().build());
            hmac.sign(new MACSigner(KEYCLOAK.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));

            assertThat(refusal(hmac.serialize())).isEqualTo(Refusal.BAD_SIGNATURE);
        }

        @Test
        void thenAnUnknownKeyIdIsRefused() {
            assertThat(refusal(signed(rsa("someone-else"), valid().build()))).isEqualTo(Refusal.BAD_SIGNATURE);
        }

        @Test
        void thenATokenOfAnotherTypeIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, new JOSEObjectType("at+jwt"), valid().build())))
                    .isEqualTo(Refusal.BAD_SIGNATURE);
        }

        @Test
        void thenWhatIsNoJwtIsUnreadable() {
            assertThat(refusal("not.a.jwt")).isEqualTo(Refusal.UNREADABLE);
        }
    }

    @Nested
    class GivenKeycloaksSignatureOnWrongClaims {

        @Test
        void thenAnotherIssuerIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().issuer("http://localhost:8080/realms/master").build())))
                    .isEqualTo(Refusal.WRONG_ISSUER);
        }

        @Test
        void thenATokenForAnotherClientIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().audience("dvc-binhduong-web").build())))
                    .isEqualTo(Refusal.WRONG_AUDIENCE);
        }

        @Test
        void thenANonceIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().claim("nonce", "n-0S6_WzA2Mj").build())))
                    .isEqualTo(Refusal.NONCE_PRESENT);
        }

        @Test
        void thenNoEventsOrAnotherEventIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().claim("events", null).build())))
                    .isEqualTo(Refusal.NOT_A_LOGOUT_EVENT);
            assertThat(refusal(signed(KEYCLOAK, valid().claim("events",
                    Map.of("http://schemas.openid.net/event/other", Map.of())).build())))
                    .isEqualTo(Refusal.NOT_A_LOGOUT_EVENT);
            assertThat(refusal(signed(KEYCLOAK, valid().claim("events",
                    Map.of(LogoutTokenCheck.BACKCHANNEL_LOGOUT_EVENT, "yes")).build())))
                    .as("the event's value must be a JSON object").isEqualTo(Refusal.NOT_A_LOGOUT_EVENT);
        }

        @Test
        void thenNeitherSubjectNorSessionIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().subject(null).claim("sid", null).build())))
                    .isEqualTo(Refusal.NO_SUBJECT_OR_SESSION);
        }

        @Test
        void thenNoTokenIdIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().jwtID(null).build()))).isEqualTo(Refusal.NO_TOKEN_ID);
        }

        @Test
        void thenAnOldTokenIsRefused() {
            Instant old = NOW.minus(LogoutTokenCheck.MAX_AGE).minus(LogoutTokenCheck.CLOCK_SKEW).minusSeconds(1);

            assertThat(refusal(signed(KEYCLOAK, valid().issueTime(Date.from(old)).build())))
                    .isEqualTo(Refusal.TOO_OLD);
        }

        @Test
        void thenATokenFromTheFutureIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().issueTime(Date.from(NOW.plus(Duration.ofMinutes(5)))).build())))
                    .isEqualTo(Refusal.ISSUED_IN_THE_FUTURE);
        }

        @Test
        void thenNoIssuedAtIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().issueTime(null).build()))).isEqualTo(Refusal.NO_ISSUED_AT);
        }

        @Test
        void thenAnExpiredTokenIsRefused() {
            assertThat(refusal(signed(KEYCLOAK, valid().expirationTime(Date.from(NOW.minusSeconds(60))).build())))
                    .isEqualTo(Refusal.EXPIRED);
        }
    }

    @Nested
    class GivenKeycloakRotatedItsKeys {

        @Test
        void thenATokenUnderTheNewKeyIdFetchesTheKeysAgain() throws Exception {
            RSAKey next = rsa("keycloak-next-key");
            AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(KEYCLOAK.toPublicJWK()));
            HttpServer keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String base = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/dvc";
            keycloak.createContext("/realms/dvc/.well-known/openid-configuration", exchange -> send(exchange,
                    "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/certs\"}"));
            keycloak.createContext("/realms/dvc/certs", exchange -> send(exchange, published.get().toString()));
            keycloak.start();
            try {
                OidcClient oidc = new OidcClient(URI.create(base), HttpClient.newHttpClient());
                LogoutTokenVerifier portal = new LogoutTokenVerifier(oidc.keys(), base, Set.of(CLIENT),
                        new SeenLogoutTokens(10), Clock.systemUTC());
                Instant now = Instant.now();
                assertThat(portal.verify(signed(KEYCLOAK, valid(base, now).build()))).isInstanceOf(Accepted.class);

                published.set(new JWKSet(java.util.List.of(KEYCLOAK.toPublicJWK(), next.toPublicJWK())));

                assertThat(portal.verify(signed(next, valid(base, now).build()))).isInstanceOf(Accepted.class);
            } finally {
                keycloak.stop(0);
            }
        }

        private static void send(com.sun.net.httpserver.HttpExchange exchange, String json) throws java.io.IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }

    private Refusal refusal(String token) {
        Verdict verdict = verifier.verify(token);
        return verdict instanceof Refused refused ? refused.reason() : null;
    }

    /** A logout token as Keycloak sends one. */
    private static JWTClaimsSet.Builder valid() {
        return valid(ISSUER, NOW);
    }

    private static JWTClaimsSet.Builder valid(String issuer, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(CLIENT)
                .subject("user-1")
                .claim("sid", "session-1")
                .claim("typ", "Logout")
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(2))))
                .jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of(LogoutTokenCheck.BACKCHANNEL_LOGOUT_EVENT, Map.of()));
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
        return signed(key, new JOSEObjectType("logout+jwt"), claims);
    }

    private static String signed(RSAKey key, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}

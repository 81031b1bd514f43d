package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.TestKeycloak;

/**
 * The relying party's RSA key for VNeID's partner API lives in Keycloak's key management: realm dvc has one
 * (RSA1_5, {@code rsa-enc-generated}) beside Keycloak's default keys, its public half is downloadable as PEM and
 * JWK, and an operator can import one as PKCS#1 or PKCS#8 PEM ({@code rsa-enc}) that the admin API never returns.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerApiKeysIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "partner-keys-it";
    /** A new realm nobody adds a key to: Keycloak's defaults hold no RSA1_5 key. */
    private static final String EMPTY_REALM = "partner-keys-none-it";

    private final HttpClient http = HttpClient.newHttpClient();
    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void createAnEmptyRealm(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        for (String realm : List.of(REALM, EMPTY_REALM)) {
            admin.send("DELETE", "/admin/realms/" + realm, null);
            HttpResponse<String> created = admin.send("POST", "/admin/realms", Map.of("realm", realm, "enabled", true));
            assertThat(created.statusCode()).isEqualTo(201);
        }
    }

    @AfterAll
    void deleteTheRealms() {
        admin.send("DELETE", "/admin/realms/" + REALM, null);
        admin.send("DELETE", "/admin/realms/" + EMPTY_REALM, null);
    }

    private HttpResponse<String> get(String realm, String file) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUri() + "/realms/" + realm
                + "/vneid-partner-api/" + file)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RSAPublicKey fromPem(String pem) throws Exception {
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").contains("-----END PUBLIC KEY-----");
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static BigInteger jwkNumber(JsonNode jwk, String name) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path(name).asText()));
    }

    @Nested
    class GivenRealmDvcAsImported {

        @Test
        void thenItsPublicKeyDownloadsAsPemAndJwkWithoutLogin() throws Exception {
            HttpResponse<String> pem = get("dvc", "public-key.pem");
            HttpResponse<String> jwk = get("dvc", "public-key.jwk");

            assertThat(pem.statusCode()).isEqualTo(200);
            assertThat(jwk.statusCode()).isEqualTo(200);
            RSAPublicKey key = fromPem(pem.body());
            JsonNode json = JSON.readTree(jwk.body());
            assertThat(json.path("kty").asText()).isEqualTo("RSA");
            assertThat(json.path("use").asText()).isEqualTo("enc");
            assertThat(json.path("alg").asText()).isEqualTo("RSA1_5");
            assertThat(json.path("kid").asText()).isNotBlank();
            assertThat(jwkNumber(json, "n")).isEqualTo(key.getModulus());
            assertThat(jwkNumber(json, "e")).isEqualTo(key.getPublicExponent());
            assertThat(json.has("d")).as("nothing private").isFalse();
        }

        @Test
        void thenKeycloaksDefaultKeysAreStillThere() {
            JsonNode keys = admin.get("/admin/realms/dvc/keys").path("keys");
            List<String> algorithms = new java.util.ArrayList<>();
            keys.forEach(key -> algorithms.add(key.path("algorithm").asText() + "/" + key.path("use").asText()));
            assertThat(algorithms).contains("RS256/SIG", "RSA-OAEP/ENC", "HS512/SIG", "AES/ENC", "RSA1_5/ENC");
        }
    }

    @Nested
    class GivenARealmWithoutAnRsa15Key {

        @Test
        void thenTheDownloadSaysSoWith404() throws Exception {
            HttpResponse<String> pem = get(EMPTY_REALM, "public-key.pem");
            assertThat(pem.statusCode()).isEqualTo(404);
            assertThat(pem.body()).contains("RSA1_5").contains("rsa-enc-generated");
            assertThat(get(EMPTY_REALM, "public-key.jwk").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class GivenAnOperatorImportingPemKeys {

        @Test
        void thenPkcs1AndPkcs8ImportAndTheActiveOneIsPublishedButNeverReturned() throws Exception {
            KeyPair pkcs1 = rsa();
            String pkcs1Pem = pem("RSA PRIVATE KEY", pkcs1Of(pkcs1.getPrivate().getEncoded()));
            String id1 = importKey("imported-pkcs1", pkcs1Pem, "150");
            assertThat(fromPem(get(REALM, "public-key.pem").body()).getModulus())
                    .isEqualTo(((RSAPublicKey) pkcs1.getPublic()).getModulus());

            KeyPair pkcs8 = rsa();
            String id8 = importKey("imported-pkcs8", pem("PRIVATE KEY", pkcs8.getPrivate().getEncoded()), "200");
            assertThat(fromPem(get(REALM, "public-key.pem").body()).getModulus())
                    .as("the higher priority is the active key").isEqualTo(((RSAPublicKey) pkcs8.getPublic()).getModulus());

            for (String id : List.of(id1, id8)) {
                JsonNode component = admin.get("/admin/realms/" + REALM + "/components/" + id);
                String privateKey = component.path("config").path("privateKey").path(0).asText();
                assertThat(privateKey).as("the admin API masks the private key").doesNotContain("PRIVATE KEY")
                        .doesNotContain(pkcs1Pem.substring(40, 80));
            }
            assertThat(admin.send("GET", "/admin/realms/" + REALM + "/keys", null).body())
                    .doesNotContain("PRIVATE KEY");
        }

        private String importKey(String name, String pem, String priority) {
            String realmId = admin.get("/admin/realms/" + REALM).path("id").asText();
            HttpResponse<String> created = admin.send("POST", "/admin/realms/" + REALM + "/components", Map.of(
                    "name", name, "providerId", "rsa-enc", "providerType", "org.keycloak.keys.KeyProvider",
                    "parentId", realmId, "config", Map.of("privateKey", List.of(pem), "algorithm", List.of("RSA1_5"),
                            "priority", List.of(priority), "active", List.of("true"), "enabled", List.of("true"))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its OCTET STRING. */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        int i = skipHeader(pkcs8, 0);                 // SEQUENCE PrivateKeyInfo
        i = i + 3;                                    // INTEGER version 0
        i = skipHeader(pkcs8, i) + length(pkcs8, i);  // SEQUENCE AlgorithmIdentifier
        int content = skipHeader(pkcs8, i);           // OCTET STRING
        return Arrays.copyOfRange(pkcs8, content, content + length(pkcs8, i));
    }

    private static int skipHeader(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        return at + 2 + (first < 0x80 ? 0 : first & 0x7f);
    }

    private static int length(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int k = 0; k < (first & 0x7f); k++) {
            length = (length << 8) | (der[at + 2 + k] & 0xff);
        }
        return length;
    }
}

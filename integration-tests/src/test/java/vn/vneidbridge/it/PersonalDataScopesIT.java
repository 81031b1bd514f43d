package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Personal data only to the portals an operator granted it (Decree 13/2023): a client an operator creates through
 * the admin API gets the realm's default scopes only, and they carry no id number, name, birth date, gender,
 * phone or legacy account id — in the ID token, the access token, userinfo or introspection — until the operator
 * assigns the client scope {@code vneid-identity}. Users created from VNeID do not have the number as username.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataScopesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Sandbox@123";
    private static final String OTP = "123456";
    private static final String HOA = "079195004567";
    private static final String AN = "001090001234";

    /** Every sandbox persona's id numbers (CCCD and CMND), names, birth dates, phones and legacy ids. */
    private static final List<String> PERSONAL_VALUES = List.of(
            "052189000123", "164438056", "001090001234", "079195004567", "042085007890", "036088002468",
            "025678901", "001195009876",
            "Tô Thị Nga", "Nguyễn Văn An", "Lê Thị Hoa", "Trần Văn Bình", "Phạm Minh Đức",
            "Thị Nga", "Văn An", "Thị Hoa", "Văn Bình", "Minh Đức",
            "1989-03-15", "1990-09-02", "1995-11-20", "1985-10-10", "1988-05-05",
            "19890315", "19900902", "19951120", "19851010", "19880505",
            "0912345678", "0903112233", "0938456789", "0977208510", "0986050588",
            "DVC-000");
    /** Claims about the person that no ungranted client may get, whatever their value. */
    private static final List<String> IDENTITY_CLAIMS = List.of("cccd", "cmnd", "legacy_account_id",
            "legacy_account_type", "name", "full_name", "given_name", "family_name", "middle_name", "nickname",
            "birthdate", "gender", "phone_number", "email", "address", "vneid_linked_at", "upn");
    /** A 9- or 12-digit number standing alone (not part of a longer number, a UUID or a timestamp). */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z-])(\\d{12}|\\d{9})(?![0-9A-Za-z-])");

    private KeycloakServer keycloak;
    private AdminApi admin;
    private CitizenAccounts accounts;
    private final List<String> clients = new ArrayList<>();

    @BeforeAll
    void pointTheProviderAtThisServersStandIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.accounts = new CitizenAccounts(admin);
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    @AfterAll
    void deleteWhatWasMade() {
        accounts.deleteAll();
        for (String id : clients) {
            admin.send("DELETE", "/admin/realms/dvc/clients/" + id, null);
        }
    }

    @Nested
    class GivenAPortalAnOperatorRegisteredTodayWithoutGrantingAnything {

        @Test
        void thenLeThiHoaCreatedFromVneidReachesItWithoutHerNumberOrAnyIdentityField() {
            String clientId = newClient("tomorrow-hoa");

            Tokens tokens = Tokens.of(vneidLogin(clientId, HOA));

            tokens.assertNothingAboutThePerson();
            assertThat(tokens.idToken.path("sub").asText()).isNotBlank();
            assertThat(tokens.idToken.has("acr")).as(tokens.idToken.toString()).isTrue();
            assertThat(tokens.idToken.path("vneid_level").asText()).isEqualTo("1");
            assertThat(tokens.idToken.path("preferred_username").asText())
                    .as("a username that is not her number").startsWith("vneid-");
        }

        @Test
        void thenNguyenVanAnsLegacyLoginReachesItWithoutHisNumberOrAnyIdentityField() {
            String clientId = newClient("tomorrow-an");

            Tokens tokens = Tokens.of(passwordLogin(clientId, LegacyPersonas.NGUYENVANAN));

            tokens.assertNothingAboutThePerson();
            assertThat(tokens.idToken.path("preferred_username").asText()).isEqualTo(LegacyPersonas.NGUYENVANAN);
        }

        @Test
        void thenAnAccountWhoseUsernameIsAnIdNumberReachesItWithoutThatNumber() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(197);
            String username = accounts.createNamed(person.cccd(), person, Map.of("cccd", person.cccd(),
                    "legacy_account_id", "DVC-0009197"));
            String clientId = newClient("tomorrow-numeric");

            Tokens tokens = Tokens.of(passwordLogin(clientId, username));

            tokens.assertNothingAboutThePerson(person.cccd(), person.fullName());
            assertThat(tokens.idToken.has("preferred_username")).as(tokens.idToken.toString()).isFalse();
            assertThat(tokens.introspection.path("username").asText()).as("introspection answers the user id")
                    .isEqualTo(tokens.idToken.path("sub").asText());
        }
    }

    @Nested
    class GivenTheOperatorAssignsVneidIdentityToThePortal {

        @Test
        void thenThePortalGetsTheVerifiedNumberAndTheName() {
            String clientId = newClient("granted");
            String clientUuid = clientUuid(clientId);
            String scopeId = scopeIdNamed("vneid-identity");
            HttpResponse<String> assigned = admin.send("PUT", "/admin/realms/dvc/clients/" + clientUuid
                    + "/default-client-scopes/" + scopeId, null);
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);

            Tokens tokens = Tokens.of(vneidLogin(clientId, HOA));

            for (JsonNode claims : List.of(tokens.idToken, tokens.accessToken, tokens.userinfo, tokens.introspection)) {
                assertThat(claims.path("cccd").asText()).as(claims.toString()).isEqualTo(HOA);
                assertThat(claims.path("name").asText()).as(claims.toString()).isEqualTo("Lê Thị Hoa");
            }
        }
    }

    @Nested
    class GivenTheSandboxPortalsTheOperatorGrantedInTheRealmFile {

        @Test
        void thenTheyStillGetTheNumberAndTheName() {
            for (String clientId : List.of("dvcqg-portal", "dvc-hatinh-web", "dvc-binhduong-web", "dvc-binhdinh-web")) {
                Finished finished = vneidLogin(clientId, HOA);
                JsonNode idToken = payload(finished.tokens().path("id_token").asText());
                JsonNode userinfo = Tokens.userinfo(finished);

                assertThat(idToken.path("cccd").asText()).as(clientId).isEqualTo(HOA);
                assertThat(idToken.path("name").asText()).as(clientId).isEqualTo("Lê Thị Hoa");
                assertThat(userinfo.path("cccd").asText()).as(clientId).isEqualTo(HOA);
                assertThat(userinfo.path("birthdate").asText()).as(clientId).isEqualTo("1995-11-20");
            }
        }
    }

    @Nested
    class GivenAUserAnOlderVersionCreatedFromVneidWithTheNumberAsUsername {

        @Test
        void thenTheOperatorsRenamingGivesItANonIdentifyingUsernameAndTheNumberStillFindsIt() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(198);
            String number = VneidStandIn.account(admin, person, 2);
            String userId = olderVersionsVneidUser(person);
            SyntheticPerson legacyPerson = LegacyFixtures.syntheticPerson(199);
            String legacyNumeric = accounts.createNamed(legacyPerson.cccd(), legacyPerson,
                    Map.of("cccd", legacyPerson.cccd(), "legacy_account_id", "DVC-0009199"));

            JsonNode dryRun = rename(true);
            assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
            assertThat(dryRun.path("toRename").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(admin.get("/admin/realms/dvc/users/" + userId).path("username").asText()).isEqualTo(number);

            JsonNode done = rename(false);
            assertThat(done.path("renamed").asInt()).isGreaterThanOrEqualTo(1);
            String renamed = admin.get("/admin/realms/dvc/users/" + userId).path("username").asText();
            assertThat(renamed).startsWith("vneid-").doesNotContain(number);
            assertThat(accounts.user(legacyNumeric).path("id").asText())
                    .as("a legacy account keeps its own username, even a number").isNotBlank();

            JsonNode again = rename(false);
            assertThat(again.path("renamed").asInt()).as("nothing left to rename").isZero();
            assertThat(admin.get("/admin/realms/dvc/users/" + userId).path("username").asText()).isEqualTo(renamed);

            JsonNode byNumber = admin.get("/admin/realms/dvc/users?q=cccd:" + number);
            assertThat(byNumber.findValuesAsText("id")).as("the operator's lookup by the cccd attribute")
                    .containsExactly(userId);

            Tokens tokens = Tokens.of(vneidLogin(newClient("after-rename"), number));
            assertThat(tokens.idToken.path("sub").asText()).as("the same user logs in").isEqualTo(userId);
            tokens.assertNothingAboutThePerson(number, person.fullName());
        }

        private String olderVersionsVneidUser(SyntheticPerson person) {
            String[] words = person.fullName().split(" ", 2);
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", person.cccd());
            user.put("enabled", true);
            user.put("lastName", words[0]);
            user.put("firstName", words[1]);
            user.put("attributes", Map.of("cccd", List.of(person.cccd()), "cccd_verified", List.of("true"),
                    "cccd_verified_source", List.of("vneid"), "full_name", List.of(person.fullName()),
                    "birthdate", List.of(person.birthDate().toString())));
            // VNeID's subject is the stand-in's user id; the older version stored the number as the link's username
            String vneidSubject = admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + person.cccd())
                    .get(0).path("id").asText();
            user.put("federatedIdentities", List.of(Map.of("identityProvider", "vneid", "userId", vneidSubject,
                    "userName", person.cccd())));
            HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/users", user);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            assertThat(admin.get("/admin/realms/dvc/users/" + id + "/federated-identity").findValuesAsText(
                    "identityProvider")).containsExactly("vneid");
            return id;
        }

        private JsonNode rename(boolean dryRun) {
            HttpResponse<String> response = admin.send("POST",
                    "/admin/realms/dvc/vneid-bridge/usernames/replace-id-numbers?dryRun=" + dryRun, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return read(response.body());
        }
    }

    /** A confidential client with nothing but what the admin API gives a new client; its client id. */
    private String newClient(String name) {
        String clientId = "portal-" + name + "-" + PortalLogin.random(4).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "x");
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("secret", "sandbox-secret");
        client.put("standardFlowEnabled", true);
        client.put("redirectUris", List.of("http://127.0.0.1/*"));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        // the portal introspects its own access tokens: it must be in their audience (Keycloak 26.7 checks it)
        client.put("protocolMappers", List.of(Map.of("name", "own audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.client.audience", clientId,
                        "access.token.claim", "true", "introspection.token.claim", "true"))));
        HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/clients", client);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        clients.add(clientUuid(clientId));
        return clientId;
    }

    private String clientUuid(String clientId) {
        return admin.get("/admin/realms/dvc/clients?clientId=" + clientId).get(0).path("id").asText();
    }

    private String scopeIdNamed(String name) {
        for (JsonNode scope : admin.get("/admin/realms/dvc/client-scopes")) {
            if (scope.path("name").asText().equals(name)) {
                return scope.path("id").asText();
            }
        }
        throw new AssertionError("no client scope " + name);
    }

    private Finished vneidLogin(String clientId, String idNumber) {
        PortalLogin login = new PortalLogin(keycloak, clientId);
        PortalLogin.Outcome outcome = login.vneidLogin(idNumber, PASSWORD, OTP, Map.of());
        if (PortalLogin.isShownAccount(outcome)) {
            outcome = login.confirmShownAccount(outcome);
        }
        return finish(login, outcome);
    }

    private Finished passwordLogin(String clientId, String username) {
        PortalLogin login = new PortalLogin(keycloak, clientId);
        return finish(login, login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(
                login.submitPassword(username, PASSWORD))));
    }

    private Finished finish(PortalLogin login, PortalLogin.Outcome outcome) {
        URI callback = outcome.callback().orElseThrow(() -> new AssertionError(
                "no redirect back to the portal; Keycloak answered " + outcome.page().statusCode() + ":\n"
                        + outcome.page().body()));
        JsonNode tokens = login.exchange(WebClient.query(callback).get("code"), login.verifier);
        assertThat(tokens.has("id_token")).as(tokens.toString()).isTrue();
        return new Finished(login, tokens);
    }

    private record Finished(PortalLogin login, JsonNode tokens) {
    }

    /** What a portal holds after a login: both tokens, and the userinfo and introspection answers. */
    private record Tokens(JsonNode idToken, JsonNode accessToken, JsonNode userinfo, JsonNode introspection) {

        static Tokens of(Finished finished) {
            String issuer = finished.login().issuer();
            String accessToken = finished.tokens().path("access_token").asText();
            HttpResponse<String> introspection = new WebClient().postForm(
                    URI.create(issuer + "/protocol/openid-connect/token/introspect"),
                    Map.of("token", accessToken, "client_id", finished.login().clientId,
                            "client_secret", "sandbox-secret"));
            assertThat(introspection.statusCode()).as(introspection.body()).isEqualTo(200);
            assertThat(read(introspection.body()).path("active").asBoolean())
                    .as("the portal may introspect its token: " + introspection.body()).isTrue();
            return new Tokens(payload(finished.tokens().path("id_token").asText()), payload(accessToken),
                    userinfo(finished), read(introspection.body()));
        }

        static JsonNode userinfo(Finished finished) {
            try {
                HttpResponse<String> userinfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(finished.login().issuer() + "/protocol/openid-connect/userinfo"))
                        .header("Authorization", "Bearer " + finished.tokens().path("access_token").asText())
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
                return read(userinfo.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void assertNothingAboutThePerson(String... more) {
            List<String> values = new ArrayList<>(PERSONAL_VALUES);
            values.addAll(List.of(more));
            Map<String, JsonNode> answers = Map.of("ID token", idToken, "access token", accessToken,
                    "userinfo", userinfo, "introspection", introspection);
            answers.forEach((what, claims) -> {
                String text = claims.toString();
                assertThat(values).as(what + " " + text).noneMatch(text::contains);
                Matcher number = ID_NUMBER.matcher(text);
                assertThat(number.find()).as(what + " holds an id number: " + text).isFalse();
                assertThat(IDENTITY_CLAIMS).as(what + " " + text).noneMatch(claims::has);
            });
        }
    }

    private static JsonNode payload(String jwt) {
        return read(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

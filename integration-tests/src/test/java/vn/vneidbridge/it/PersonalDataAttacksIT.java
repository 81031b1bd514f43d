package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Paths around the client scopes: a portal an operator registered without granting {@code vneid-identity} holds a
 * citizen's access token and tries every other door of realm {@code dvc} with it. Synthetic people 110-119.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataAttacksIT {

    private KeycloakServer keycloak;
    private AdminApi admin;
    private final List<String> clients = new ArrayList<>();
    private final List<String> numbers = new ArrayList<>();
    private CitizenAccounts accounts;

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
        for (String number : numbers) {
            for (JsonNode user : VneidUsers.createdFor(admin, number)) {
                admin.send("DELETE", "/admin/realms/dvc/users/" + user.path("id").asText(), null);
            }
        }
        for (String id : clients) {
            admin.send("DELETE", "/admin/realms/dvc/clients/" + id, null);
        }
    }

    @Nested
    class GivenAPortalRegisteredWithTheAdminApisDefaultsHoldingACitizensAccessToken {

        @Test
        void thenTheAccountRestApiDoesNotGiveItTheNumberTheNameOrTheBirthDate() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(110);
            String number = VneidStandIn.account(admin, person, 1);
            numbers.add(number);
            String clientId = newClient("account-api");
            JsonNode tokens = vneidLogin(clientId, number);

            HttpResponse<String> account = get(URI.create(keycloak.realmUri("dvc") + "/account/"),
                    tokens.path("access_token").asText());

            System.out.println("account REST with the portal's token: " + account.statusCode() + " " + account.body());
            assertThat(account.body()).as("the account REST API answered " + account.statusCode())
                    .doesNotContain(number)
                    .doesNotContain(person.birthDate().toString())
                    .doesNotContain(person.fullName());
            assertThat(account.statusCode()).as(account.body()).isIn(401, 403);

            HttpResponse<String> links = get(URI.create(keycloak.realmUri("dvc") + "/account/linked-accounts"),
                    tokens.path("access_token").asText());
            System.out.println("linked accounts with the portal's token: " + links.statusCode() + " " + links.body());
            assertThat(links.body()).as("the VNeID link's username").doesNotContain(number);
            assertThat(links.statusCode()).as(links.body()).isIn(401, 403);
        }
    }

    @Nested
    class GivenSomeoneRegisteringAClientWithoutAnyToken {

        @Test
        void thenRealmDvcRefusesTheDynamicRegistration() {
            HttpResponse<String> registered = post(URI.create(keycloak.realmUri("dvc")
                    + "/clients-registrations/openid-connect"), "{\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                    + "\"client_name\":\"attacker\",\"scope\":\"openid vneid-identity email phone\"}");

            System.out.println("anonymous registration: " + registered.statusCode() + " " + registered.body());
            assertThat(registered.statusCode()).as(registered.body()).isIn(401, 403);
            assertThat(registered.body()).doesNotContain("client_secret");
        }
    }

    @Nested
    class GivenAnAccountAnOperatorCreatedWithAPasswordAndItsHoldersNumberAsUsername {

        @Test
        void thenRenamingTheOldVneidUsernamesLeavesItsUsernameSoItsHolderStillLogsInWithIt() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(111);
            String username = accounts.createNamed(person.cccd(), person, Map.of("cccd", person.cccd()));

            HttpResponse<String> renamed = admin.send("POST",
                    "/admin/realms/dvc/vneid-bridge/usernames/replace-id-numbers?dryRun=false", null);

            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
            assertThat(accounts.user(username).path("username").asText())
                    .as("not a user created from VNeID: it has a password and no VNeID link").isEqualTo(username);
        }
    }

    /** A confidential client with nothing but what the admin API gives a new client; its client id. */
    private String newClient(String name) {
        String clientId = "attacker-" + name + "-" + PortalLogin.random(4).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "x");
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("secret", "sandbox-secret");
        client.put("standardFlowEnabled", true);
        client.put("redirectUris", List.of("http://127.0.0.1/*"));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/clients", client);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        clients.add(admin.get("/admin/realms/dvc/clients?clientId=" + clientId).get(0).path("id").asText());
        return clientId;
    }

    private JsonNode vneidLogin(String clientId, String idNumber) {
        PortalLogin login = new PortalLogin(keycloak, clientId);
        PortalLogin.Outcome outcome = login.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
        if (PortalLogin.isShownAccount(outcome)) {
            outcome = login.confirmShownAccount(outcome);
        }
        PortalLogin.Outcome done = outcome;
        URI callback = done.callback().orElseThrow(() -> new AssertionError(
                "no redirect back to the portal; Keycloak answered " + done.page().statusCode() + ":\n"
                        + done.page().body()));
        JsonNode tokens = login.exchange(WebClient.query(callback).get("code"), login.verifier);
        assertThat(tokens.has("access_token")).as(tokens.toString()).isTrue();
        return tokens;
    }

    private static HttpResponse<String> post(URI uri, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(URI uri, String bearer) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + bearer).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

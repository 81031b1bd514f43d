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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
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
import vn.vneidbridge.it.support.Operator;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;

/**
 * Attacks on the operators' roles through Keycloak itself (the pages' review, 2026-12-05): a lesser admin handing the
 * resolver role to everyone through a composite Keycloak does not guard, and a portal using the access token it
 * receives for an operator of realm {@code dvc} as an admin token.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorRolesAttacksIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Sandbox@123";
    private static final String CONSOLE = "/admin/realms/dvc/vneid-bridge/console";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private final List<String> users = new ArrayList<>();

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
    }

    @AfterAll
    void deleteUsers() {
        users.forEach(id -> admin.deleteUser("dvc", id));
    }

    /**
     * Keycloak guards only its own admin role names ({@code RolePermissions#checkAdminRoles}): an admin with
     * {@code manage-clients} may add {@code vneid-operations-resolver} as a composite of {@code account}'s
     * {@code view-profile}, which every user of realm dvc holds through {@code default-roles-dvc}.
     */
    @Nested
    class GivenAManageClientsAdminComposingTheResolverIntoAccountViewProfile {

        @Test
        void thenACitizenLoggedInToTheOperatorsPageStillCannotReadOrResolve() {
            String citizen = user("it-atk-citizen", false);
            String management = clientUuid("realm-management");
            String composites = "/admin/realms/dvc/clients/" + clientUuid("account") + "/roles/view-profile/composites";
            Object resolver = JSON.convertValue(admin.get("/admin/realms/dvc/clients/" + management
                    + "/roles/vneid-operations-resolver"), Map.class);
            try (Operator clientsAdmin = Operator.withDvcRoles(keycloak, admin, "manage-clients")) {
                HttpResponse<String> composed = clientsAdmin.send("POST", composites, List.of(resolver));
                try {
                    assertThat(composed.statusCode()).as("Keycloak lets manage-clients compose it: " + composed.body())
                            .isEqualTo(204);
                    JsonNode me = read(bearer(consoleToken(citizen), "GET", CONSOLE + "/me").body());

                    assertThat(me.path("access").path("resolve").asBoolean()).as(me.toString()).isFalse();
                    assertThat(me.path("access").path("read").asBoolean()).as(me.toString()).isFalse();
                } finally {
                    admin.send("DELETE", composites, List.of(resolver));
                }
            }
        }
    }

    /**
     * The imported portals keep Keycloak's full scope: the access token a portal receives for an operator holding
     * {@code vneid-operations-reader} (who is also {@code portal-admin}, as the sandbox's operators are) is accepted by
     * the admin REST with the operator's roles.
     */
    @Nested
    class GivenAReaderOfRealmDvcLoggingInToAPortal {

        @Test
        void thenTheAccessTokenThePortalReceivesDoesNotReadTheReviewQueue() {
            String reader = user("it-atk-reader", true, "vneid-operations-reader");
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome done = login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(
                    login.submitPassword(reader, PASSWORD)));
            URI callback = done.callback().orElseThrow(() -> new AssertionError(done.page().body()));
            String portalsToken = login.exchange(WebClient.query(callback).get("code"), login.verifier)
                    .path("access_token").asText();

            assertThat(bearer(portalsToken, "GET", CONSOLE + "/review-entries").statusCode())
                    .as("the portal reads the review queue with its operator's token").isEqualTo(403);
            assertThat(bearer(portalsToken, "GET", CONSOLE + "/dashboard").statusCode()).isEqualTo(403);
        }
    }

    /** Logs the user in at a portal (a session), then through the operators' pages' public client as its script does. */
    private String consoleToken(String username) {
        WebClient web = new WebClient();
        new PortalLogin(keycloak, "dvcqg-portal", web).passwordLogin(username, PASSWORD);
        String verifier = PortalLogin.random(48);
        String redirect = keycloak.baseUri() + "/realms/dvc/vneid-operations/";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", "vneid-operations-console");
        params.put("redirect_uri", redirect);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("state", PortalLogin.random(16));
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        HttpResponse<String> answer = web.get(URI.create(keycloak.baseUri()
                + "/realms/dvc/protocol/openid-connect/auth?" + WebClient.form(params)));
        assertThat(WebClient.isRedirect(answer)).as(answer.body()).isTrue();
        String code = WebClient.query(WebClient.location(answer)).get("code");
        assertThat(code).as(WebClient.location(answer).toString()).isNotNull();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", "vneid-operations-console");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        form.put("code_verifier", verifier);
        HttpResponse<String> tokens = web.postForm(URI.create(keycloak.baseUri()
                + "/realms/dvc/protocol/openid-connect/token"), form);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return read(tokens.body()).path("access_token").asText();
    }

    private String user(String prefix, boolean portalAdmin, String... managementRoles) {
        String username = prefix + "-" + PortalLogin.random(4).toLowerCase().replaceAll("[^a-z0-9]", "x");
        String id = admin.createUser("dvc", username, PASSWORD, Map.of());
        users.add(id);
        if (portalAdmin) {
            Object role = JSON.convertValue(admin.get("/admin/realms/dvc/roles/portal-admin"), Map.class);
            assertThat(admin.send("POST", "/admin/realms/dvc/users/" + id + "/role-mappings/realm", List.of(role))
                    .statusCode()).isEqualTo(204);
        }
        if (managementRoles.length > 0) {
            String client = clientUuid("realm-management");
            List<Object> roles = new ArrayList<>();
            for (String name : managementRoles) {
                roles.add(JSON.convertValue(admin.get("/admin/realms/dvc/clients/" + client + "/roles/" + name),
                        Map.class));
            }
            assertThat(admin.send("POST", "/admin/realms/dvc/users/" + id + "/role-mappings/clients/" + client, roles)
                    .statusCode()).isEqualTo(204);
        }
        return username;
    }

    private String clientUuid(String clientId) {
        return admin.get("/admin/realms/dvc/clients?clientId=" + clientId).get(0).path("id").asText();
    }

    private HttpResponse<String> bearer(String token, String method, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.baseUri() + path))
                    .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

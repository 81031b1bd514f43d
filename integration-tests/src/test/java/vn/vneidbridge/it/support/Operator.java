package vn.vneidbridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.vneidbridge.distribution.KeycloakServer;

/**
 * An operator of realm {@code dvc} holding exactly the admin roles it is given: a user of the master realm with
 * roles of the master realm's {@code dvc-realm} client (the master-realm twins of {@code realm-management}'s
 * {@code view-realm}, {@code view-users}, {@code query-users}, {@code manage-users} …), logged in with the
 * master realm's {@code admin-cli} (realm {@code dvc}'s clients allow no password grant). Closing it deletes it.
 */
public final class Operator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Operator@123";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final String userId;
    private final String username;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private java.time.Instant tokenExpires = java.time.Instant.EPOCH;

    private Operator(KeycloakServer keycloak, AdminApi admin, String userId, String username) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.userId = userId;
        this.username = username;
    }

    /** A new operator with exactly these roles of realm dvc's admin client in the master realm (none: no role). */
    public static Operator withDvcRoles(KeycloakServer keycloak, AdminApi admin, String... roles) {
        String username = "it-op-" + String.join("-", roles).toLowerCase(Locale.ROOT) + "-"
                + PortalLogin.random(4).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        String id = admin.createUser("master", username, PASSWORD, Map.of());
        Operator operator = new Operator(keycloak, admin, id, username);
        try {
            if (roles.length > 0) {
                String client = admin.get("/admin/realms/master/clients?clientId=dvc-realm").get(0).path("id").asText();
                List<Object> mapped = new ArrayList<>();
                for (String role : roles) {
                    mapped.add(JSON.convertValue(admin.get("/admin/realms/master/clients/" + client + "/roles/" + role),
                            Map.class));
                }
                HttpResponse<String> response = admin.send("POST",
                        "/admin/realms/master/users/" + id + "/role-mappings/clients/" + client, mapped);
                if (response.statusCode() != 204) {
                    throw new IllegalStateException("roles " + List.of(roles) + " not given: " + response.body());
                }
            }
            return operator;
        } catch (RuntimeException e) {
            operator.close();
            throw e;
        }
    }

    public String username() {
        return username;
    }

    /** An admin request with this operator's token. */
    public HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.baseUri() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token());
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token == null || java.time.Instant.now().isAfter(tokenExpires)) {
            String form = "grant_type=password&client_id=admin-cli&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak.baseUri() + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("operator " + username + " cannot log in: " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            token = json.path("access_token").asText();
            tokenExpires = java.time.Instant.now().plusSeconds(Math.max(5, json.path("expires_in").asLong() - 10));
        }
        return token;
    }

    @Override
    public void close() {
        admin.deleteUser("master", userId);
    }
}

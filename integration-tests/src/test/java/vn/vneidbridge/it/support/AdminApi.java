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
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Keycloak's admin REST API over plain HTTP, logged in as the bootstrap admin of the master realm. */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    AdminApi(URI baseUri, String username, String password) {
        this.baseUri = baseUri;
        this.username = username;
        this.password = password;
    }

    /** The admin API of a server this test started itself, as its bootstrap admin. */
    public static AdminApi of(vn.vneidbridge.distribution.KeycloakServer server) {
        return new AdminApi(server.baseUri(), server.config().adminUsername(), server.config().adminPassword());
    }

    /** Creates a user with a password and returns its id. */
    public String createUser(String realm, String username, String password, Map<String, Object> extra) {
        Map<String, Object> user = new java.util.LinkedHashMap<>(extra);
        user.put("username", username);
        user.put("enabled", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> response = send("POST", "/admin/realms/" + realm + "/users", user);
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public void deleteUser(String realm, String userId) {
        expect(send("DELETE", "/admin/realms/" + realm + "/users/" + userId, null), 204);
    }

    public JsonNode get(String path) {
        HttpResponse<String> response = send("GET", path, null);
        expect(response, 200);
        return read(response.body());
    }

    /** Sends an admin request and returns the raw response. */
    public HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
        try {
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

    private synchronized String token() {
        if (token == null || Instant.now().isAfter(tokenExpires)) {
            String form = "grant_type=password&client_id=admin-cli&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(baseUri + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
                expect(response, 200);
                JsonNode json = read(response.body());
                token = json.get("access_token").asText();
                tokenExpires = Instant.now().plusSeconds(Math.max(5, json.get("expires_in").asLong() - 10));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
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

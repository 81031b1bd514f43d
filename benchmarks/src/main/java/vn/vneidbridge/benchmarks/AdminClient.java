package vn.vneidbridge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few admin REST calls the runner needs to set a server up (a fresh admin token for every call). */
final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminClient(URI base, String username, String password) {
        this.base = base;
        this.username = username;
        this.password = password;
    }

    JsonNode get(String path) {
        return tree(body(send("GET", path, null), 200));
    }

    void put(String path, Object body) {
        body(send("PUT", path, body), 204);
    }

    void post(String path, Object body, int... expected) {
        body(send("POST", path, body), expected);
    }

    /** A POST whose answer is JSON (e.g. what it created). */
    JsonNode postForJson(String path, Object body, int... expected) {
        return tree(body(send("POST", path, body), expected));
    }

    /** Adds users to a realm in one call ({@code partialImport}, existing ones kept). */
    void importUsers(String realm, List<? extends Map<String, Object>> users) {
        for (int from = 0; from < users.size(); from += 500) {
            List<? extends Map<String, Object>> batch = users.subList(from, Math.min(users.size(), from + 500));
            post("/admin/realms/" + realm + "/partialImport", Map.of("ifResourceExists", "SKIP", "users", batch), 200);
        }
    }

    /** Changes some settings of an identity provider's {@code config}. */
    void updateIdentityProvider(String realm, String alias, Map<String, String> config) {
        String path = "/admin/realms/" + realm + "/identity-provider/instances/" + alias;
        ObjectNode idp = (ObjectNode) get(path);
        config.forEach(((ObjectNode) idp.get("config"))::put);
        put(path, idp);
    }

    /** Changes some settings of the authenticator configuration named {@code alias}. */
    void updateAuthenticatorConfig(String realm, String alias, Map<String, String> config) {
        String path = authenticatorConfigPath(realm, alias);
        ObjectNode authenticatorConfig = (ObjectNode) get(path);
        config.forEach(((ObjectNode) authenticatorConfig.get("config"))::put);
        put(path, authenticatorConfig);
    }

    /** The settings of the authenticator configuration named {@code alias}. */
    Map<String, String> authenticatorConfig(String realm, String alias) {
        Map<String, String> settings = new LinkedHashMap<>();
        get(authenticatorConfigPath(realm, alias)).path("config").properties()
                .forEach(field -> settings.put(field.getKey(), field.getValue().asText()));
        return settings;
    }

    private String authenticatorConfigPath(String realm, String alias) {
        for (JsonNode flow : get("/admin/realms/" + realm + "/authentication/flows")) {
            String flowAlias = URLEncoder.encode(flow.get("alias").asText(), StandardCharsets.UTF_8).replace("+", "%20");
            for (JsonNode execution : get("/admin/realms/" + realm + "/authentication/flows/" + flowAlias + "/executions")) {
                if (!execution.has("authenticationConfig")) {
                    continue;
                }
                String path = "/admin/realms/" + realm + "/authentication/config/" + execution.get("authenticationConfig").asText();
                if (alias.equals(get(path).path("alias").asText())) {
                    return path;
                }
            }
        }
        throw new IllegalStateException("no authenticator config '" + alias + "' in realm " + realm);
    }

    /** The {@code config} of an identity provider. */
    JsonNode identityProviderConfig(String realm, String alias) {
        return get("/admin/realms/" + realm + "/identity-provider/instances/" + alias).path("config");
    }

    /** Sets one attribute of the client {@code clientId} of {@code realm}. */
    void updateClientAttribute(String realm, String clientId, String name, String value) {
        String path = clientPath(realm, clientId);
        ObjectNode client = (ObjectNode) get(path);
        ((ObjectNode) client.get("attributes")).put(name, value);
        put(path, client);
    }

    /** The protocol mappers of the client {@code clientId} of {@code realm}. */
    JsonNode clientMappers(String realm, String clientId) {
        return get(clientPath(realm, clientId) + "/protocol-mappers/models");
    }

    /** Adds a protocol mapper to the client {@code clientId} of {@code realm}. */
    void addClientMapper(String realm, String clientId, Map<String, Object> mapper) {
        post(clientPath(realm, clientId) + "/protocol-mappers/models", mapper, 201);
    }

    /** Removes the protocol mapper {@code mapperId} of the client {@code clientId} of {@code realm}. */
    void removeClientMapper(String realm, String clientId, String mapperId) {
        body(send("DELETE", clientPath(realm, clientId) + "/protocol-mappers/models/" + mapperId, null), 204);
    }

    private String clientPath(String realm, String clientId) {
        JsonNode clients = get("/admin/realms/" + realm + "/clients?clientId=" + encode(clientId));
        if (!clients.isArray() || clients.isEmpty()) {
            throw new IllegalStateException("no client '" + clientId + "' in realm " + realm);
        }
        return "/admin/realms/" + realm + "/clients/" + clients.get(0).get("id").asText();
    }

    /** Changes top-level realm settings. */
    void updateRealm(String realm, Map<String, Object> settings) {
        ObjectNode representation = (ObjectNode) get("/admin/realms/" + realm);
        settings.forEach((key, value) -> representation.set(key, JSON.valueToTree(value)));
        put("/admin/realms/" + realm, representation);
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return tree(body(response, 200)).get("access_token").asText();
    }

    private static String body(HttpResponse<String> response, int... expected) {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? "{}" : response.body();
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + abbreviate(response.body()));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

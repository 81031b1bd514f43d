package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import vn.vneidbridge.distribution.KeycloakServer;

/**
 * What the link tests change on the shared server, and how they put it back: the stand-in VNeID the
 * {@code vneid} provider talks to, the portals' link webhooks on that provider, and persona accounts
 * (deleted so the legacy row is imported afresh, as if the persona never logged in).
 */
public final class LinkFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VNEID_PROVIDER = "/admin/realms/dvc/identity-provider/instances/vneid";
    private static final String LINK_WEBHOOKS = "linkWebhooks";

    private final AdminApi admin;

    public LinkFixtures(AdminApi admin) {
        this.admin = admin;
    }

    /** Points the realm's {@code vneid} provider at this server's stand-in VNeID, and back. */
    public void useThisServersStandIn(KeycloakServer keycloak) {
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    /**
     * Sets the link webhooks ({@code "<client id> <url>"} entries) of the {@code vneid} identity provider, as the admin
     * console stores them (one value joined by {@code ##}; none removes the setting); answers the status.
     */
    @SuppressWarnings("unchecked")
    public HttpResponse<String> setWebhooks(List<String> entries) {
        JsonNode idp = admin.get(VNEID_PROVIDER);
        ObjectNode config = (ObjectNode) idp.get("config");
        if (entries.isEmpty()) {
            config.remove(LINK_WEBHOOKS);
        } else {
            config.put(LINK_WEBHOOKS, String.join("##", entries));
        }
        return admin.send("PUT", VNEID_PROVIDER, JSON.convertValue(idp, Map.class));
    }

    /** The link webhooks of the {@code vneid} identity provider. */
    public List<String> webhooks() {
        String value = admin.get(VNEID_PROVIDER).path("config").path(LINK_WEBHOOKS).asText("");
        return java.util.Arrays.stream(value.split("##")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** The client scope that entitles a portal to identity data (the id number) in its link events. */
    public static final String IDENTITY_SCOPE = "vneid-identity";

    /**
     * Makes {@value #IDENTITY_SCOPE} one of the client's optional scopes (creating the scope if the realm has none);
     * the returned action undoes only what this changed.
     */
    public Runnable grantIdentityScope(String clientId) {
        String client = clientUuid(clientId);
        if (assignedScopes(client).contains(IDENTITY_SCOPE)) {
            return () -> { };
        }
        boolean created = scopeId(IDENTITY_SCOPE) == null;
        if (created) {
            HttpResponse<String> made = admin.send("POST", "/admin/realms/dvc/client-scopes",
                    Map.of("name", IDENTITY_SCOPE, "protocol", "openid-connect"));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        }
        String scope = scopeId(IDENTITY_SCOPE);
        String path = "/admin/realms/dvc/clients/" + client + "/optional-client-scopes/" + scope;
        assertThat(admin.send("PUT", path, null).statusCode()).isEqualTo(204);
        return () -> {
            admin.send("DELETE", path, null);
            if (created) {
                admin.send("DELETE", "/admin/realms/dvc/client-scopes/" + scope, null);
            }
        };
    }

    /** Takes {@value #IDENTITY_SCOPE} off the client's default and optional scopes; the action puts it back. */
    public Runnable withholdIdentityScope(String clientId) {
        String client = clientUuid(clientId);
        String scope = scopeId(IDENTITY_SCOPE);
        if (scope == null) {
            return () -> { };
        }
        List<Runnable> undo = new java.util.ArrayList<>();
        for (String kind : List.of("default-client-scopes", "optional-client-scopes")) {
            String path = "/admin/realms/dvc/clients/" + client + "/" + kind;
            if (admin.get(path).findValuesAsText("name").contains(IDENTITY_SCOPE)) {
                assertThat(admin.send("DELETE", path + "/" + scope, null).statusCode()).isEqualTo(204);
                undo.add(() -> admin.send("PUT", path + "/" + scope, null));
            }
        }
        return () -> undo.forEach(Runnable::run);
    }

    /** The internal id of a client of realm {@code dvc}. */
    public String clientUuid(String clientId) {
        JsonNode found = admin.get("/admin/realms/dvc/clients?clientId=" + clientId);
        assertThat(found).as("client " + clientId).hasSize(1);
        return found.get(0).path("id").asText();
    }

    private List<String> assignedScopes(String clientUuid) {
        List<String> names = new java.util.ArrayList<>();
        names.addAll(admin.get("/admin/realms/dvc/clients/" + clientUuid + "/default-client-scopes").findValuesAsText("name"));
        names.addAll(admin.get("/admin/realms/dvc/clients/" + clientUuid + "/optional-client-scopes").findValuesAsText("name"));
        return names;
    }

    private String scopeId(String name) {
        for (JsonNode scope : admin.get("/admin/realms/dvc/client-scopes")) {
            if (name.equals(scope.path("name").asText())) {
                return scope.path("id").asText();
            }
        }
        return null;
    }

    /** Deletes the Keycloak user of a persona, if there is one: its next login imports the legacy row again. */
    public void forget(String username) {
        for (JsonNode user : admin.get("/admin/realms/dvc/users?exact=true&username=" + username)) {
            admin.deleteUser("dvc", user.get("id").asText());
        }
        // a user created from VNeID is not named by the number (VneidUsers)
        if (username.matches("\\d{12}")) {
            for (JsonNode user : VneidUsers.createdFor(admin, username)) {
                admin.deleteUser("dvc", user.get("id").asText());
            }
        }
    }

    /** The Keycloak user of a username, or null. */
    public JsonNode user(String username) {
        JsonNode users = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username);
        return users.isEmpty() ? null : users.get(0);
    }
}

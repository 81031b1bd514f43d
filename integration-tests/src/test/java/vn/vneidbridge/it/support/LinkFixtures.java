package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import vn.vneidbridge.distribution.KeycloakServer;

/**
 * What the link tests change on the shared server, and how they put it back: the stand-in VNeID the
 * {@code vneid} provider talks to, the portals' link webhooks on the legacy provider, and persona accounts
 * (deleted so the legacy row is imported afresh, as if the persona never logged in).
 */
public final class LinkFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEGACY_PROVIDER = "vneid-legacy-accounts";

    private final AdminApi admin;

    public LinkFixtures(AdminApi admin) {
        this.admin = admin;
    }

    /** Points the realm's {@code vneid} provider at this server's stand-in VNeID, and back. */
    public void useThisServersStandIn(KeycloakServer keycloak) {
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    /** Sets the link webhooks ({@code "<client id> <url>"} entries) of the legacy provider; answers the status. */
    @SuppressWarnings("unchecked")
    public HttpResponse<String> setWebhooks(List<String> entries) {
        ObjectNode component = legacyProvider();
        ArrayNode values = ((ObjectNode) component.get("config")).putArray("linkWebhooks");
        entries.forEach(values::add);
        return admin.send("PUT", "/admin/realms/dvc/components/" + component.get("id").asText(),
                JSON.convertValue(component, Map.class));
    }

    private ObjectNode legacyProvider() {
        for (JsonNode component : admin.get("/admin/realms/dvc/components?type=org.keycloak.storage.UserStorageProvider")) {
            if (LEGACY_PROVIDER.equals(component.path("providerId").asText())) {
                return (ObjectNode) component;
            }
        }
        throw new AssertionError("realm dvc has no " + LEGACY_PROVIDER + " provider");
    }

    /** Deletes the Keycloak user of a persona, if there is one: its next login imports the legacy row again. */
    public void forget(String username) {
        for (JsonNode user : admin.get("/admin/realms/dvc/users?exact=true&username=" + username)) {
            admin.deleteUser("dvc", user.get("id").asText());
        }
    }

    /** The Keycloak user of a username, or null. */
    public JsonNode user(String username) {
        JsonNode users = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username);
        return users.isEmpty() ? null : users.get(0);
    }
}

package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.TestKeycloak;

/**
 * WH-8 says nothing is added to the link webhooks left on a legacy accounts provider. Keycloak's admin REST lets a
 * save change a component's type ({@code PUT .../components/{id}} with another providerType and providerId), and a
 * component of another type keeps every setting it was created with ({@code POST}): one created as a key provider
 * holding {@code linkWebhooks}, then turned into a legacy accounts provider, would hold them live (read by
 * LinkWebhooks#of in every realm, moved to the identity provider at the next start).
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkWebhooksRetypeIT {

    private static final String REALM = "webhooks-retype-it";
    private static final String PORTAL = "retype-portal";
    private static final String PLANTED = PORTAL + " https://203.162.4.190/planted";

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void realm(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        deleteTheRealm();
        HttpResponse<String> created = admin.send("POST", "/admin/realms", Map.of("id", REALM, "realm", REALM,
                "enabled", true, "clients", List.of(Map.of("clientId", PORTAL, "enabled", true, "publicClient", false,
                        "secret", "retype-portal-secret", "redirectUris", List.of("https://203.162.4.190/*"))),
                "identityProviders", List.of(Map.of("alias", "vneid", "providerId", "vneid", "enabled", true,
                        "config", Map.of("clientId", "dvc-broker", "clientSecret", "retype-broker-secret",
                                "environment", "SANDBOX",
                                "sandboxIssuer", keycloak.realmUri("vneid-sandbox").toString())))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    void deleteTheRealm() {
        admin.send("DELETE", "/admin/realms/" + REALM, null);
    }

    private List<String> liveWebhooksOfLegacyProviders() {
        List<String> live = new ArrayList<>();
        for (JsonNode component : admin.get(
                "/admin/realms/" + REALM + "/components?type=org.keycloak.storage.UserStorageProvider")) {
            if ("vneid-legacy-accounts".equals(component.path("providerId").asText())) {
                component.path("config").path("linkWebhooks").forEach(value -> live.add(value.asText()));
            }
        }
        return live;
    }

    @Test
    void aComponentOfAnotherTypeHoldingWebhooksCannotBeTurnedIntoALegacyProvider() {
        HttpResponse<String> planted = admin.send("POST", "/admin/realms/" + REALM + "/components", Map.of(
                "name", "hmac-planted", "providerId", "hmac-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", REALM,
                "config", Map.of("priority", List.of("0"), "linkWebhooks", List.of(PLANTED))));
        assertThat(planted.statusCode()).as(planted.body()).isEqualTo(201);
        String location = planted.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);

        HttpResponse<String> retyped = admin.send("PUT", "/admin/realms/" + REALM + "/components/" + id, Map.of(
                "id", id, "name", "legacy-accounts", "providerId", "vneid-legacy-accounts",
                "providerType", "org.keycloak.storage.UserStorageProvider", "parentId", REALM,
                "config", Map.of("enabled", List.of("true"))));

        assertThat(liveWebhooksOfLegacyProviders()).as("live on a legacy accounts provider").doesNotContain(PLANTED);
        assertThat(retyped.statusCode()).as(retyped.body()).isEqualTo(400);
    }
}

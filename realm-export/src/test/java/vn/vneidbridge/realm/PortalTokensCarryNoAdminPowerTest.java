package vn.vneidbridge.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keycloak's admin REST accepts an access token issued to any client of the realm and checks a role with
 * {@code user.hasRole(role) && client.hasScope(role)} ({@code AdminAuth#hasAppRole}): with "Full scope allowed" every
 * role of the user is in the client's scope. The operators' pages put {@code vneid-operations-reader},
 * {@code -resolver} (and {@code realm-admin} for the sandbox's {@code vanhanh}) on users of realm {@code dvc} itself —
 * users who also hold {@code portal-admin} and log in to the portals. A portal imported from the realm file keeps
 * Keycloak's import default (full scope on when the field is absent and consent is not required; the client policy
 * {@code vneid-clients-without-full-scope} only acts on a create or update through the admin API), so the access token
 * a portal receives for an operator reads the review queue, resolves entries and starts bulk jobs at
 * {@code /admin/realms/dvc/vneid-bridge/console/*} — in the hands of every provincial portal and of whoever reads
 * that portal's logs. A portal's scope must be what the file maps to it explicitly ({@code clientScopeMappings}:
 * {@code account manage-account-links}), never the whole user.
 */
class PortalTokensCarryNoAdminPowerTest {

    /** Keycloak's built-in clients (their scope is Keycloak's own choice) and the operators' pages. */
    private static final Set<String> NOT_PORTALS = Set.of("account", "account-console", "security-admin-console",
            "admin-cli", "realm-management", "broker", "vneid-operations-console");

    private static JsonNode realm(String file) throws IOException {
        try (InputStream in = PortalTokensCarryNoAdminPowerTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/realms/dvc-realm.json", "/production/dvc-realm.json"})
    void noPortalClientHasFullScopeSoAnOperatorsTokenAtAPortalIsNoAdminToken(String file) throws IOException {
        List<String> portals = new ArrayList<>();
        List<String> withFullScope = new ArrayList<>();
        for (JsonNode client : realm(file).path("clients")) {
            String clientId = client.path("clientId").asText();
            if (NOT_PORTALS.contains(clientId)) {
                continue;
            }
            portals.add(clientId);
            boolean consent = client.path("consentRequired").asBoolean(false);
            // Keycloak's import: fullScopeAllowed absent → !consentRequired
            boolean fullScope = client.path("fullScopeAllowed").asBoolean(!consent);
            if (fullScope) {
                withFullScope.add(clientId);
            }
        }

        assertThat(portals).as("the file's portals").isNotEmpty();
        assertThat(withFullScope).as("portals whose tokens carry every role of the user, realm-management's too")
                .isEmpty();
    }
}

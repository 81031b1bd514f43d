package vn.vneidbridge.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The levels of assurance as realm {@code dvc}'s file declares them: the ACR-to-LoA map with acr = level number
 * ("0" portal password, "1"/"2" VNeID levels, {@code LoA1}/{@code LoA2} as aliases listed after the numbers, so that
 * Keycloak answers with the number when the portal asked nothing), and a "Condition - Level of Authentication" in
 * the browser flow for each level, all with the same maximum age (Keycloak's SSO step reads the levels in order and
 * stops at the first expired one).
 */
class DvcRealmLevelsOfAssuranceTest {

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = DvcRealmLevelsOfAssuranceTest.class.getResourceAsStream("/realms/dvc-realm.json")) {
            realm = new ObjectMapper().readTree(in);
        }
    }

    private static Map<String, Integer> acrMap() throws IOException {
        JsonNode map = new ObjectMapper().readTree(realm.path("attributes").path("acr.loa.map").asText("{}"));
        Map<String, Integer> result = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asInt()));
        return result;
    }

    /** Level of every LoA condition reachable from the browser flow, with its max age. */
    private static Map<Integer, Integer> conditionsInBrowserFlow() {
        Map<String, JsonNode> flows = new HashMap<>();
        realm.path("authenticationFlows").forEach(f -> flows.put(f.path("alias").asText(), f));
        Map<String, JsonNode> configs = new HashMap<>();
        realm.path("authenticatorConfig").forEach(c -> configs.put(c.path("alias").asText(), c.path("config")));
        Map<Integer, Integer> levels = new HashMap<>();
        List<String> toVisit = new ArrayList<>(List.of(realm.path("browserFlow").asText()));
        while (!toVisit.isEmpty()) {
            for (JsonNode execution : flows.get(toVisit.remove(0)).path("authenticationExecutions")) {
                if (execution.has("flowAlias")) {
                    toVisit.add(execution.path("flowAlias").asText());
                } else if ("conditional-level-of-authentication".equals(execution.path("authenticator").asText())) {
                    JsonNode config = configs.get(execution.path("authenticatorConfig").asText());
                    levels.put(config.path("loa-condition-level").asInt(), config.path("loa-max-age").asInt());
                }
            }
        }
        return levels;
    }

    @Nested
    class GivenTheAcrToLoaMap {

        @Test
        void thenEachAcrNumberIsItsOwnLevelAndTheSeedsNamesAreAliases() throws IOException {
            assertThat(acrMap()).containsExactly(Map.entry("0", 0), Map.entry("1", 1), Map.entry("2", 2),
                    Map.entry("LoA1", 1), Map.entry("LoA2", 2));
        }
    }

    @Nested
    class GivenTheBrowserFlow {

        @Test
        void thenEveryLevelHasAConditionWithTheSameMaximumAge() throws IOException {
            Map<Integer, Integer> levels = conditionsInBrowserFlow();

            assertThat(levels).containsOnlyKeys(0, 1, 2);
            assertThat(levels.values()).allMatch(maxAge -> maxAge > 0).containsOnly(levels.get(0));
            assertThat(levels.keySet()).containsExactlyInAnyOrderElementsOf(new java.util.HashSet<>(acrMap().values()));
        }

        @Test
        void thenTheVneidStepUpComesBeforeThePortalPasswordForm() {
            JsonNode signIn = null;
            for (JsonNode flow : realm.path("authenticationFlows")) {
                if ("dvc sign-in".equals(flow.path("alias").asText())) {
                    signIn = flow;
                }
            }
            assertThat(signIn).isNotNull();
            List<String> order = new ArrayList<>();
            signIn.path("authenticationExecutions").forEach(e -> order.add(e.path("flowAlias").asText()));
            assertThat(order).containsExactly("dvc vneid levels", "dvc browser forms");
        }
    }

    @Nested
    class GivenTheLevelTwoService {

        @Test
        void thenItsMinimumIsVneidLevelTwo() {
            JsonNode client = null;
            for (JsonNode c : realm.path("clients")) {
                if ("dvc-lylichtuphap-web".equals(c.path("clientId").asText())) {
                    client = c;
                }
            }
            assertThat(client).isNotNull();
            assertThat(client.path("attributes").path("minimum.acr.value").asText()).isEqualTo("2");
        }
    }
}

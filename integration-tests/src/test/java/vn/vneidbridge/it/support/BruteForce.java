package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Realm {@code dvc}'s brute-force detection and the portal-account form's captcha, as a test that guesses sees them. */
public final class BruteForce {

    private BruteForce() {
    }

    /**
     * Turns the portal-account form's captcha off (0 failures per username and per address, where the form counts
     * those), as for a guesser who solves every picture; what puts the settings back.
     */
    @SuppressWarnings("unchecked")
    public static Runnable captchaOff(AdminApi admin) {
        JsonNode form = null;
        for (JsonNode execution : admin.get("/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions")) {
            if ("vneid-legacy-password-form".equals(execution.path("providerId").asText())) {
                form = execution;
            }
        }
        assertThat(form).as("the portal-account form in flow 'dvc browser forms'").isNotNull();
        String configId = form.path("authenticationConfig").asText("");
        if (configId.isEmpty()) {
            HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/authentication/executions/"
                    + form.get("id").asText() + "/config", Map.of("alias", "it-captcha-off-" + PortalLogin.random(4),
                    "config", Map.of("captchaAfterFailures", "0", "captchaAfterFailuresPerAddress", "0")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            return () -> admin.send("DELETE", "/admin/realms/dvc/authentication/config/" + id, null);
        }
        Map<String, Object> before = new ObjectMapper().convertValue(
                admin.get("/admin/realms/dvc/authentication/config/" + configId), Map.class);
        Map<String, Object> off = new HashMap<>(before);
        Map<String, Object> values = new HashMap<>((Map<String, Object>) before.get("config"));
        values.put("captchaAfterFailures", "0");
        values.put("captchaAfterFailuresPerAddress", "0");
        off.put("config", values);
        HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/authentication/config/" + configId, off);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        return () -> admin.send("PUT", "/admin/realms/dvc/authentication/config/" + configId, before);
    }

    /** Sets realm {@code dvc}'s brute-force settings named (e.g. {@code quickLoginCheckMilliSeconds}); what puts them back. */
    public static Runnable realmSettings(AdminApi admin, Map<String, Object> settings) {
        JsonNode realm = admin.get("/admin/realms/dvc");
        Map<String, Object> before = new HashMap<>();
        settings.keySet().forEach(name -> before.put(name, new ObjectMapper().convertValue(realm.get(name), Object.class)));
        HttpResponse<String> changed = admin.send("PUT", "/admin/realms/dvc", settings);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        return () -> {
            HttpResponse<String> back = admin.send("PUT", "/admin/realms/dvc", before);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(204);
        };
    }

    /** Keycloak's brute-force status of the user once it satisfies the condition (or after 15 s). */
    public static JsonNode status(AdminApi admin, String userId, Predicate<JsonNode> condition)
            throws InterruptedException {
        String path = "/admin/realms/dvc/attack-detection/brute-force/users/"
                + URLEncoder.encode(userId, StandardCharsets.UTF_8);
        JsonNode status = admin.get(path);
        // Keycloak 26.7 counts failures in the background, after the answer (vneid-serial-logins before it)
        for (int i = 0; i < 75 && !condition.test(status); i++) {
            Thread.sleep(200);
            status = admin.get(path);
        }
        return status;
    }

    /** The realm's failed-login events of a username typed, newest first. */
    public static List<JsonNode> loginErrors(AdminApi admin, String username) {
        List<JsonNode> events = new ArrayList<>();
        admin.get("/admin/realms/dvc/events?type=LOGIN_ERROR&max=500").forEach(event -> {
            if (username.equals(event.path("details").path("username").asText())) {
                events.add(event);
            }
        });
        return events;
    }
}

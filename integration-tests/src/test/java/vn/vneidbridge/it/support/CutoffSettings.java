package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** The settings of realm dvc's cutoff step ({@code vneid-legacy-cutoff}), changed through the admin API. */
public final class CutoffSettings {

    private static final String FORMS_FLOW = "/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions";

    private CutoffSettings() {
    }

    /** The sandbox's policy: the Decree's dates, mode notice for every account type (the seeds' behaviour). */
    public static void sandbox(AdminApi admin) {
        set(admin, "01/07/2024", "notice", "30/06/2025", "notice");
    }

    public static void set(AdminApi admin, String citizenDate, String citizenMode, String organisationDate,
                           String organisationMode) {
        String configId = null;
        for (JsonNode execution : admin.get(FORMS_FLOW)) {
            if ("vneid-legacy-cutoff".equals(execution.path("providerId").asText())) {
                configId = execution.path("authenticationConfig").asText();
            }
        }
        assertThat(configId).as("the cutoff step has its settings").isNotBlank();
        JsonNode current = admin.get("/admin/realms/dvc/authentication/config/" + configId);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new ObjectMapper().convertValue(current, Map.class);
        Map<String, String> config = new HashMap<>();
        config.put("citizenCutoffDate", citizenDate);
        config.put("citizenModeAfterCutoff", citizenMode);
        config.put("organisationCutoffDate", organisationDate);
        config.put("organisationModeAfterCutoff", organisationMode);
        config.put("vneidAlias", "vneid");
        body.put("config", config);
        HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/authentication/config/" + configId, body);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }
}

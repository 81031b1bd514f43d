package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;

/** Which protocol realm dvc's {@code vneid} provider speaks to the stand-in: {@code oidc} or {@code partner-api}. */
public final class VneidProtocol {

    public static final String OIDC = "oidc";
    public static final String PARTNER_API = "partner-api";

    private VneidProtocol() {
    }

    /** Sets the provider's config key {@code protocol}; returns what it was (null when unset). */
    public static String use(AdminApi admin, String protocol) {
        JsonNode idp = admin.get("/admin/realms/dvc/identity-provider/instances/vneid");
        ObjectNode config = (ObjectNode) idp.get("config");
        String before = config.hasNonNull("protocol") ? config.get("protocol").asText() : null;
        config.put("protocol", protocol);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new ObjectMapper().convertValue(idp, Map.class);
        HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/identity-provider/instances/vneid", body);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        return before;
    }
}

package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * The sandbox's stand-in for Vietnam Post's account (PostID): realm {@code vnpost-sandbox}, a plain OpenID Connect
 * provider that realm dvc's identity provider {@code vnpost} brokers to. Its users log in with a username and a
 * password; its tokens carry the id number as {@code SoDinhDanh}.
 */
public final class PostidStandIn {

    public static final String ALIAS = "vnpost";
    public static final String REALM = "vnpost-sandbox";
    public static final String PASSWORD = "Sandbox@123";

    private PostidStandIn() {
    }

    /** Points realm dvc's provider {@code vnpost} at this server's stand-in realm (the realm file names port 8080). */
    public static void pointDvcAt(KeycloakServer keycloak, AdminApi admin) {
        JsonNode idp = admin.get("/admin/realms/dvc/identity-provider/instances/" + ALIAS);
        ObjectNode config = (ObjectNode) idp.get("config");
        String realm = keycloak.realmUri(REALM).toString();
        String oidc = realm + "/protocol/openid-connect";
        config.put("issuer", realm);
        config.put("authorizationUrl", oidc + "/auth");
        config.put("tokenUrl", oidc + "/token");
        config.put("userInfoUrl", oidc + "/userinfo");
        config.put("jwksUrl", oidc + "/certs");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new ObjectMapper().convertValue(idp, Map.class);
        HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/identity-provider/instances/" + ALIAS, body);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    /**
     * A PostID account for a synthetic person, under {@code username}, whose tokens say {@code idNumber} (the
     * person's own, or another one: the provider's word is what is tested), with an e-mail when given; its id.
     */
    public static String account(AdminApi admin, String username, SyntheticPerson person, String idNumber,
                                 String email) {
        String[] words = person.fullName().split(" ", 2);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("lastName", words[0]);
        extra.put("firstName", words.length > 1 ? words[1] : words[0]);
        if (email != null) {
            extra.put("email", email);
            extra.put("emailVerified", true);
        }
        extra.put("attributes", Map.of(
                "so_dinh_danh", List.of(idNumber),
                "full_name", List.of(person.fullName()),
                "birthdate_compact", List.of(person.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)),
                "gender_code", List.of(person.gender() == Gender.MALE ? "1" : "2")));
        return admin.createUser(REALM, username, PASSWORD, extra);
    }
}

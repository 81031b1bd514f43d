package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/** The stand-in VNeID (realm {@code vneid-sandbox}) of the test server: where realm dvc's provider points, its accounts. */
public final class VneidStandIn {

    public static final String PASSWORD = "Sandbox@123";
    public static final String OTP = "123456";

    private VneidStandIn() {
    }

    /**
     * Points realm dvc's {@code vneid} provider at this server's stand-in, and the stand-in's back-channel logout and
     * partner-API key URL at this server's realm dvc (the realm files name port 8080).
     */
    public static void pointDvcAt(KeycloakServer keycloak, AdminApi admin) {
        JsonNode idp = admin.get("/admin/realms/dvc/identity-provider/instances/vneid");
        ObjectNode config = (ObjectNode) idp.get("config");
        config.put("sandboxIssuer", keycloak.realmUri("vneid-sandbox").toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new ObjectMapper().convertValue(idp, Map.class);
        HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/identity-provider/instances/vneid", body);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);

        JsonNode broker = admin.get("/admin/realms/vneid-sandbox/clients?clientId=dvc-broker").get(0);
        ObjectNode attributes = (ObjectNode) broker.get("attributes");
        attributes.put("backchannel.logout.url",
                keycloak.realmUri("dvc") + "/protocol/openid-connect/logout/backchannel-logout");
        attributes.put("partner.api.public.key.url", keycloak.realmUri("dvc") + "/vneid-partner-api/public-key.pem");
        @SuppressWarnings("unchecked")
        Map<String, Object> client = new ObjectMapper().convertValue(broker, Map.class);
        HttpResponse<String> saved = admin.send("PUT", "/admin/realms/vneid-sandbox/clients/" + broker.get("id").asText(),
                client);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
    }

    /**
     * Sets one attribute of the stand-in's client {@code dvc-broker} (e.g. the partner API's
     * {@code partner.api.public.key.url} or {@code partner.api.aes.mode}); returns what it was (null when unset, and
     * a null value removes it).
     */
    public static String brokerAttribute(AdminApi admin, String name, String value) {
        JsonNode broker = admin.get("/admin/realms/vneid-sandbox/clients?clientId=dvc-broker").get(0);
        ObjectNode attributes = (ObjectNode) broker.get("attributes");
        String before = attributes.hasNonNull(name) ? attributes.get(name).asText() : null;
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> client = new ObjectMapper().convertValue(broker, Map.class);
        HttpResponse<String> saved = admin.send("PUT", "/admin/realms/vneid-sandbox/clients/" + broker.get("id").asText(),
                client);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        return before;
    }

    /**
     * Gives an organisation a VNeID organisation account (username = tax code, account type 2 as the national portal's
     * SSO says a business, level 2, the OTP to its legal representative's phone) unless it has one; its tax code.
     */
    public static String organisation(AdminApi admin, String taxCode, String name, String representativesPhone) {
        if (admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + taxCode).isEmpty()) {
            admin.createUser("vneid-sandbox", taxCode, PASSWORD, Map.of(
                    "firstName", name,
                    "attributes", Map.of(
                            "full_name", List.of(name),
                            "phone_number", List.of(representativesPhone),
                            "vneid_level", List.of("2"),
                            "account_type_code", List.of("2"))));
        }
        return taxCode;
    }

    /** Gives a synthetic person a VNeID account (username = id number) unless it has one; its id number. */
    public static String account(AdminApi admin, SyntheticPerson person, int level) {
        if (admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + person.cccd()).isEmpty()) {
            String[] words = person.fullName().split(" ", 2);
            boolean male = person.gender() == Gender.MALE;
            admin.createUser("vneid-sandbox", person.cccd(), PASSWORD, Map.of(
                    "lastName", words[0], "firstName", words.length > 1 ? words[1] : words[0],
                    "attributes", Map.of(
                            "full_name", List.of(person.fullName()),
                            "birthdate", List.of(person.birthDate().toString()),
                            "birthdate_compact", List.of(person.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)),
                            "gender", List.of(male ? "male" : "female"),
                            "gender_code", List.of(male ? "1" : "2"),
                            "phone_number", List.of(person.phone()),
                            "vneid_level", List.of(String.valueOf(level)))));
        }
        return person.cccd();
    }
}

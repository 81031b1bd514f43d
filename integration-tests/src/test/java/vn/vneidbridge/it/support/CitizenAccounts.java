package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Portal accounts of realm {@code dvc} that a test makes through the admin API (no legacy row), with the profile of a
 * synthetic person the population database knows: full name, birth date and gender, and password
 * {@link LegacyFixtures#PASSWORD}. Each gets a fresh username; {@link #deleteAll()} removes them.
 */
public final class CitizenAccounts {

    private final AdminApi admin;
    private final List<String> created = new ArrayList<>();

    public CitizenAccounts(AdminApi admin) {
        this.admin = admin;
    }

    /** An account (no CCCD) whose profile is the person's; its username. */
    public String create(String prefix, SyntheticPerson person) {
        return create(prefix, person, Map.of());
    }

    /** An account whose profile is the person's, with more attributes (e.g. {@code cccd}); its username. */
    public String create(String prefix, SyntheticPerson person, Map<String, String> attributes) {
        return createNamed(prefix + "-" + PortalLogin.random(6).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x"),
                person, attributes);
    }

    /** The same with a username of the test's choosing; its username. */
    public String createNamed(String username, SyntheticPerson person, Map<String, String> attributes) {
        // first and last name follow the full name (the attributes may give another one)
        String[] words = attributes.getOrDefault("full_name", person.fullName()).split(" ", 2);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("full_name", List.of(person.fullName()));
        values.put("birthdate", List.of(person.birthDate().toString()));
        values.put("gender", List.of(person.gender() == Gender.MALE ? "male" : "female"));
        attributes.forEach((name, value) -> values.put(name, List.of(value)));
        created.add(admin.createUser("dvc", username, LegacyFixtures.PASSWORD, Map.of(
                "lastName", words[0], "firstName", words.length > 1 ? words[1] : words[0], "attributes", values)));
        return username;
    }

    /** The account as the admin API shows it (full representation). */
    public JsonNode user(String username) {
        JsonNode found = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username);
        assertThat(found.size()).as(username).isEqualTo(1);
        return found.get(0);
    }

    public String id(String username) {
        return user(username).get("id").asText();
    }

    /** The identity providers linked to the account. */
    public List<String> links(String username) {
        return admin.get("/admin/realms/dvc/users/" + id(username) + "/federated-identity")
                .findValuesAsText("identityProvider");
    }

    public static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    /** Deletes the accounts made here that still exist. */
    public void deleteAll() {
        for (String id : created) {
            admin.send("DELETE", "/admin/realms/dvc/users/" + id, null);
        }
        created.clear();
    }
}

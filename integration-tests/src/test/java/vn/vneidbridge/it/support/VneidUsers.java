package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Users created from VNeID, found as an operator finds them: by the {@code cccd} attribute (their username is
 * {@code vneid-…}, never the number). Accounts holding the number that were not created from VNeID — legacy
 * accounts, accounts a test made with a {@code cccd} attribute — are not among them.
 */
public final class VneidUsers {

    public static final String USERNAME_PREFIX = "vneid-";

    private VneidUsers() {
    }

    /** The users created from VNeID for this id number (full representations). */
    public static List<JsonNode> createdFor(AdminApi admin, String idNumber) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode user : admin.get("/admin/realms/dvc/users?briefRepresentation=false&max=100&q=cccd:" + idNumber)) {
            if (idNumber.equals(CitizenAccounts.attribute(user, "cccd"))
                    && user.path("username").asText().startsWith(USERNAME_PREFIX)) {
                found.add(user);
            }
        }
        return found;
    }

    /** The users created from an organisation's VNeID account for this tax code (full representations). */
    public static List<JsonNode> createdForOrganisation(AdminApi admin, String taxCode) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode user : admin.get("/admin/realms/dvc/users?briefRepresentation=false&max=100&q=tax_code:"
                + taxCode)) {
            if (taxCode.equals(CitizenAccounts.attribute(user, "tax_code"))
                    && user.path("username").asText().startsWith(USERNAME_PREFIX)) {
                found.add(user);
            }
        }
        return found;
    }

    /** Deletes the users created from an organisation's VNeID account for these tax codes. */
    public static void deleteCreatedForOrganisation(AdminApi admin, String... taxCodes) {
        for (String taxCode : taxCodes) {
            for (JsonNode user : createdForOrganisation(admin, taxCode)) {
                admin.send("DELETE", "/admin/realms/dvc/users/" + user.get("id").asText(), null);
            }
        }
    }

    /** The username of the one user created from VNeID for this id number; fails unless there is exactly one. */
    public static String usernameOf(AdminApi admin, String idNumber) {
        List<JsonNode> found = createdFor(admin, idNumber);
        assertThat(found).as("one user created from VNeID for the number").hasSize(1);
        String username = found.get(0).path("username").asText();
        assertThat(username).as("not the id number").doesNotContain(idNumber);
        return username;
    }

    /** Deletes the users created from VNeID for these id numbers (a test's cleanup, so that a later run meets them new). */
    public static void deleteCreatedFor(AdminApi admin, String... idNumbers) {
        for (String idNumber : idNumbers) {
            for (JsonNode user : createdFor(admin, idNumber)) {
                admin.send("DELETE", "/admin/realms/dvc/users/" + user.get("id").asText(), null);
            }
        }
    }

    /**
     * Deletes the dvc accounts with these usernames (imported legacy accounts come back, unlinked and as the legacy
     * row has them, at their next login), so that a run over the other protocol meets them as new again.
     */
    public static void deleteAccounts(AdminApi admin, String... usernames) {
        for (String username : usernames) {
            for (JsonNode user : admin.get("/admin/realms/dvc/users?exact=true&username=" + username)) {
                admin.send("DELETE", "/admin/realms/dvc/users/" + user.get("id").asText(), null);
            }
        }
    }
}

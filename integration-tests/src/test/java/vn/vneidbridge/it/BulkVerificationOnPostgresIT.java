package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.Operator;
import vn.vneidbridge.it.support.OpenReviewEntries;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.TestKeycloakOnPostgres;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;
import vn.vneidbridge.sandbox.legacy.LegacyPasswordHasher;
import vn.vneidbridge.sandbox.legacy.PasswordFormat;
import vn.vneidbridge.sandbox.legacy.StoredPassword;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * A bulk pre-verification job over the legacy database (PostgreSQL, written to by the test while Keycloak runs),
 * asking the population database simulator. The job covers only the business accounts this test adds (no other
 * fixture is a business account), so no other journey's account is verified or put in review: one the registry
 * confirms (not imported), one it confirms that is imported already, one it confirms whose name the legacy portal
 * changes after the job, one with a wrong name, one with a number it does not know, two holding one number, one with
 * only an old CMND.
 */
@ExtendWith(TestKeycloakOnPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkVerificationOnPostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOBS = "/admin/realms/dvc/vneid-bridge/bulk-verification/jobs";
    private static final String CONFIRM_FORM = "#vneid-link-confirm-form";
    private static final String PASSWORD = "Sandbox@123";
    private static final String VERIFIED = "it.bulk.verified";
    private static final String IMPORTED = "it.bulk.imported";
    private static final String MISMATCH = "it.bulk.mismatch";
    private static final String UNKNOWN = "it.bulk.unknown";
    private static final String TWIN_A = "it.bulk.twin-a";
    private static final String TWIN_B = "it.bulk.twin-b";
    private static final String CMND_ONLY = "it.bulk.cmndonly";
    private static final String RENAMED = "it.bulk.renamed";
    private static final String WITHDRAWN = "it.bulk.withdrawn";
    private static final String MARKED_FIRST = "it.bulk.marked-first";
    private static final String FOUND_LATER = "it.bulk.found-later";
    private static final String HELD = "it.bulk.held";
    /** Not a legacy account: a user of Keycloak only, holding {@link #HELD}'s number verified. */
    private static final String HOLDER = "it.bulk.holder";
    /** Synthetic people the simulator knows and no other fixture uses. */
    private static final SyntheticPerson VERIFIED_PERSON = LegacyFixtures.syntheticPerson(60);
    private static final SyntheticPerson IMPORTED_PERSON = LegacyFixtures.syntheticPerson(61);
    private static final SyntheticPerson MISMATCH_PERSON = LegacyFixtures.syntheticPerson(62);
    private static final SyntheticPerson TWIN_PERSON = LegacyFixtures.syntheticPerson(63);
    private static final SyntheticPerson RENAMED_PERSON = LegacyFixtures.syntheticPerson(64);
    private static final SyntheticPerson WITHDRAWN_PERSON = LegacyFixtures.syntheticPerson(65);
    private static final SyntheticPerson LATE_TWIN_PERSON = LegacyFixtures.syntheticPerson(66);
    /** Beyond the simulator's people: a well-formed number it does not know. */
    private static final SyntheticPerson UNKNOWN_PERSON = SyntheticAccountGenerator
            .people(TestKeycloak.SYNTHETIC_PEOPLE + 100, 42).skip(TestKeycloak.SYNTHETIC_PEOPLE + 50).findFirst()
            .orElseThrow();
    /** Beyond the simulator's people too: the registry would answer "not found", never "conflict". */
    private static final SyntheticPerson HELD_PERSON = SyntheticAccountGenerator
            .people(TestKeycloak.SYNTHETIC_PEOPLE + 100, 42).skip(TestKeycloak.SYNTHETIC_PEOPLE + 51).findFirst()
            .orElseThrow();

    private KeycloakServer keycloak;
    private AdminApi admin;
    private LegacyDatabaseConnection legacy;
    private LinkFixtures fixtures;
    private String jobId;

    @BeforeAll
    void accounts(KeycloakServer keycloak, AdminApi admin, LegacyDatabaseConnection legacy) throws SQLException {
        this.keycloak = keycloak;
        this.admin = admin;
        this.legacy = legacy;
        this.fixtures = new LinkFixtures(admin);
        try (Connection connection = legacy.open(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM legacy_portal_a WHERE legacy_id LIKE 'IT-BULK-%'");
            insert(connection, VERIFIED, VERIFIED_PERSON.fullName(), VERIFIED_PERSON, VERIFIED_PERSON.cccd(), null);
            insert(connection, IMPORTED, IMPORTED_PERSON.fullName(), IMPORTED_PERSON, IMPORTED_PERSON.cccd(), null);
            insert(connection, MISMATCH, "Nguyễn Thị Khác", MISMATCH_PERSON, MISMATCH_PERSON.cccd(), null);
            insert(connection, UNKNOWN, UNKNOWN_PERSON.fullName(), UNKNOWN_PERSON, UNKNOWN_PERSON.cccd(), null);
            insert(connection, TWIN_A, TWIN_PERSON.fullName(), TWIN_PERSON, TWIN_PERSON.cccd(), null);
            insert(connection, TWIN_B, TWIN_PERSON.fullName(), TWIN_PERSON, TWIN_PERSON.cccd(), null);
            insert(connection, CMND_ONLY, "Lâm Văn Cũ", VERIFIED_PERSON, null, "025111222");
            insert(connection, RENAMED, RENAMED_PERSON.fullName(), RENAMED_PERSON, RENAMED_PERSON.cccd(), null);
        }
        fixtures.forget(IMPORTED);
        fixtures.forget(VERIFIED);
        fixtures.forget(RENAMED);
        fixtures.forget(WITHDRAWN);
        fixtures.forget(MARKED_FIRST);
        fixtures.forget(FOUND_LATER);
        fixtures.forget(HOLDER);
        dismissOpenEntries("left by an earlier run"); // an open entry would keep a number from being marked
        // imported before the job, its number not verified yet
        new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(IMPORTED, PASSWORD);
        assertThat(fixtures.user(IMPORTED).path("attributes").path("cccd_verified").isMissingNode()).isTrue();
    }

    @AfterAll
    void cleanUp() {
        for (JsonNode job : admin.get(JOBS)) {
            if (!List.of("DONE", "CANCELLED").contains(job.path("state").asText())) {
                admin.send("POST", JOBS + "/" + job.path("id").asText() + "/cancel", null);
            }
        }
        dismissOpenEntries("test clean-up");
        fixtures.forget(IMPORTED);
        fixtures.forget(VERIFIED);
        fixtures.forget(RENAMED);
        fixtures.forget(WITHDRAWN);
        fixtures.forget(MARKED_FIRST);
        fixtures.forget(FOUND_LATER);
        fixtures.forget(HOLDER);
        VneidUsers.deleteCreatedFor(admin, VERIFIED_PERSON.cccd());
        VneidUsers.deleteCreatedFor(admin, LATE_TWIN_PERSON.cccd());
    }

    @Nested
    class GivenABadDefinition {

        @Test
        void thenTheStartIsRefusedNamingEveryProblem() {
            HttpResponse<String> refused = admin.send("POST", JOBS, Map.of("provinces", List.of("999"),
                    "ratePerSecond", 0, "speed", 3));

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode body = read(refused.body());
            assertThat(body.path("problems").findValuesAsText("key")).containsExactlyInAnyOrder(
                    "vneidBulkUnknownField", "vneidBulkUnknownProvince", "vneidBulkOutOfRange");
            assertThat(body.path("message").asText()).isNotBlank().doesNotStartWith("vneidBulk");
        }

        @Test
        void thenARegistryTheRealmsFlowsDoNotNameIsRefused() {
            HttpResponse<String> refused = admin.send("POST", JOBS, Map.of("accountTypes", List.of("BUSINESS"),
                    "registry", "lgsp-json"));

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode body = read(refused.body());
            assertThat(body.path("error").asText()).isEqualTo("vneidBulkRegistryNotTheRealms");
            assertThat(body.path("message").asText()).contains("lgsp-json", "c06-soap");
        }
    }

    /**
     * A small job reads pages of 10 rows; a page whose every row is malformed is skipped, not the end of the scan
     * (until 2026-12-06 such a page ended the job as done, the rows after it never read). The job is kept to rows of
     * its own by a province no other business row of this test has.
     */
    @Nested
    class GivenMoreMalformedRowsInARowThanAPageHolds {

        @Test
        void thenTheJobSkipsThemAndReachesTheAccountsAfterThem() throws SQLException, InterruptedException {
            java.util.Set<String> taken = new java.util.HashSet<>();
            for (SyntheticPerson person : List.of(VERIFIED_PERSON, IMPORTED_PERSON, MISMATCH_PERSON, TWIN_PERSON,
                    RENAMED_PERSON, WITHDRAWN_PERSON, LATE_TWIN_PERSON, UNKNOWN_PERSON)) {
                taken.add(person.cccd().substring(0, 3));
            }
            String province = java.util.stream.Stream.of("096", "095", "094", "093", "092", "091")
                    .filter(code -> !taken.contains(code)).findFirst().orElseThrow();
            List<String> rows = new java.util.ArrayList<>();
            jobId = null;
            try (Connection connection = legacy.open()) {
                for (int i = 10; i < 22; i++) {
                    String username = "it.bulk.0bad" + i; // keys sorting before the well-formed ones
                    insert(connection, username, "Công ty Hỏng " + i, VERIFIED_PERSON, province + "00000000X", null);
                    rows.add(legacyId(username));
                }
                for (int i = 1; i <= 3; i++) {
                    String username = "it.bulk.1good" + i; // well-formed numbers the registry does not know
                    insert(connection, username, "Công ty Sau " + i, UNKNOWN_PERSON, province + "19000000" + i, null);
                    rows.add(legacyId(username));
                }
            }
            try {
                HttpResponse<String> started = admin.send("POST", JOBS, Map.of("accountTypes", List.of("BUSINESS"),
                        "provinces", List.of(province), "ratePerSecond", 2, "concurrency", 1));
                assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                jobId = read(started.body()).path("id").asText();

                JsonNode status = untilDone();

                assertThat(status.path("total").asLong()).as("12 malformed rows and 3 accounts").isEqualTo(15);
                assertThat(status.path("processed").asLong()).as("the accounts after the malformed rows reached")
                        .isEqualTo(15);
                assertThat(status.path("counts").path("skipped").asLong()).isEqualTo(12);
                assertThat(status.path("counts").path("notFound").asLong()).isEqualTo(3);
            } finally {
                String state = jobId == null ? "DONE" : admin.get(JOBS + "/" + jobId).path("state").asText();
                if (!List.of("DONE", "CANCELLED").contains(state)) { // the other classes' jobs must be able to start
                    admin.send("POST", JOBS + "/" + jobId + "/cancel", null);
                }
                try (Connection connection = legacy.open();
                     PreparedStatement delete = connection.prepareStatement(
                             "DELETE FROM legacy_portal_a WHERE legacy_id = ?")) {
                    for (String key : rows) {
                        delete.setString(1, key);
                        delete.executeUpdate();
                    }
                }
            }
        }
    }

    @Nested
    class GivenOperatorsWithoutManageRealm {

        @Test
        void thenAManageUsersOnlyAdminCannotStartAJob() {
            try (Operator operator = Operator.withDvcRoles(keycloak, admin, "manage-users")) {
                HttpResponse<String> start = operator.send("POST", JOBS, Map.of("accountTypes", List.of("BUSINESS")));

                assertThat(start.statusCode()).as(start.body()).isEqualTo(403);
            }
        }

        @Test
        void thenAViewUsersOnlyAdminCannotDownloadAReport() {
            try (Operator operator = Operator.withDvcRoles(keycloak, admin, "view-users")) {
                HttpResponse<String> report = operator.send("GET", JOBS + "/any/report.csv", null);

                assertThat(report.statusCode()).as(report.body()).isEqualTo(403);
            }
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class GivenAJobOverTheBusinessAccounts {

        @Test
        @Order(1)
        void thenAPausedJobDoesNothingAndASecondJobIsRefused() throws InterruptedException {
            HttpResponse<String> started = admin.send("POST", JOBS, Map.of("accountTypes", List.of("BUSINESS"),
                    "ratePerSecond", 5_000, "concurrency", 2));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            jobId = read(started.body()).path("id").asText();
            JsonNode definition = read(started.body()).path("definition");
            assertThat(definition.path("ratePerSecond").asInt()).as("cut to the server's cap (default 50)")
                    .isEqualTo(50);
            assertThat(definition.path("registry").asText()).as("the one the realm's flows name")
                    .isEqualTo("c06-soap");
            HttpResponse<String> paused = admin.send("POST", JOBS + "/" + jobId + "/pause", null);
            assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);

            Thread.sleep(12_000); // longer than a node's poll, and than a batch begun before the pause
            long before = admin.get(JOBS + "/" + jobId).path("processed").asLong();
            Thread.sleep(12_000);
            JsonNode status = admin.get(JOBS + "/" + jobId);
            assertThat(status.path("state").asText()).isEqualTo("PAUSED");
            assertThat(status.path("processed").asLong()).as("nothing done while paused").isEqualTo(before);
            assertThat(admin.send("POST", JOBS, Map.of()).statusCode()).as("one unfinished job per realm")
                    .isEqualTo(409);
            assertThat(admin.send("POST", JOBS + "/" + jobId + "/pause", null).statusCode()).as("already paused")
                    .isEqualTo(409);
        }

        @Test
        @Order(2)
        void thenOnceResumedItSettlesEveryAccountAndCountsThem() throws InterruptedException {
            assertThat(admin.send("POST", JOBS + "/" + jobId + "/resume", null).statusCode()).isEqualTo(200);

            JsonNode status = untilDone();

            assertThat(status.path("total").asLong()).isEqualTo(8);
            assertThat(status.path("processed").asLong()).isEqualTo(8);
            assertThat(status.path("percent").asInt()).isEqualTo(100);
            JsonNode counts = status.path("counts");
            assertThat(counts.path("verified").asLong()).isEqualTo(3);
            assertThat(counts.path("mismatch").asLong()).isEqualTo(1);
            assertThat(counts.path("notFound").asLong()).isEqualTo(1);
            assertThat(counts.path("conflict").asLong()).isEqualTo(2);
            assertThat(counts.path("skipped").asLong()).isEqualTo(1);
            assertThat(counts.path("registryError").asLong()).isZero();
            assertThat(adminEvents()).contains("start", "pause", "resume");
        }

        @Test
        @Order(3)
        void thenTheReportListsOutcomesWithoutPersonalData() {
            HttpResponse<String> report = admin.send("GET", JOBS + "/" + jobId + "/report.csv", null);

            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            List<String> lines = report.body().lines().toList();
            assertThat(lines.get(0)).isEqualTo("legacy_account_id,outcome,mismatched_fields,checked_at");
            assertThat(lines).hasSize(8); // header and seven checked accounts (the CMND-only one is skipped)
            assertThat(lines).anyMatch(line -> line.startsWith(legacyId(MISMATCH) + ",MISMATCH,FULL_NAME,"));
            assertThat(lines).anyMatch(line -> line.startsWith(legacyId(UNKNOWN) + ",NOT_FOUND,,"));
            assertThat(lines).anyMatch(line -> line.startsWith(legacyId(TWIN_B) + ",CONFLICT,,"));
            assertThat(report.body()).doesNotContain(VERIFIED_PERSON.cccd()).doesNotContain(TWIN_PERSON.cccd())
                    .doesNotContain(VERIFIED_PERSON.fullName()).doesNotContain(VERIFIED_PERSON.birthDate().toString());
            try (Operator helpdesk = Operator.withDvcRoles(keycloak, admin, "manage-users")) {
                assertThat(helpdesk.send("GET", JOBS + "/" + jobId + "/report.csv", null).statusCode())
                        .as("manage-users may download it").isEqualTo(200);
            }
            assertThat(adminEvents()).as("each download is on record").contains("report");
        }

        @Test
        @Order(4)
        void thenTheImportedAccountIsMarkedAndTheOtherOneIsWhenItIsImported() {
            JsonNode imported = fixtures.user(IMPORTED).path("attributes");
            assertThat(imported.path("cccd_verified").get(0).asText()).isEqualTo("true");
            assertThat(imported.path("cccd_verified_source").get(0).asText()).isEqualTo("population-registry-bulk");
            assertThat(fixtures.user(VERIFIED)).as("the job imports nobody").isNull();

            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(VERIFIED, PASSWORD);

            JsonNode verified = fixtures.user(VERIFIED).path("attributes");
            assertThat(verified.path("cccd").get(0).asText()).isEqualTo(VERIFIED_PERSON.cccd());
            assertThat(verified.path("cccd_verified").get(0).asText()).isEqualTo("true");
            assertThat(verified.path("cccd_verified_source").get(0).asText()).isEqualTo("population-registry-bulk");
            List<String> fields = new java.util.ArrayList<>();
            verified.path("identity_verified_fields").forEach(field -> fields.add(field.asText()));
            assertThat(fields).as("as the identity page shows them").contains("ID_NUMBER", "FULL_NAME", "BIRTH_DATE");
        }

        @Test
        @Order(5)
        void thenAnAccountWhoseNameChangedAfterTheJobIsNotMarkedWhenItIsImported() throws SQLException {
            try (Connection connection = legacy.open(); PreparedStatement rename = connection.prepareStatement(
                    "UPDATE legacy_portal_a SET full_name = ? WHERE legacy_id = ?")) {
                // the account handed over: its holder's name, the CCCD field left as it was
                rename.setString(1, "Phan Văn Người Khác");
                rename.setString(2, legacyId(RENAMED));
                assertThat(rename.executeUpdate()).isEqualTo(1);
            }

            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(RENAMED, PASSWORD);

            JsonNode renamed = fixtures.user(RENAMED).path("attributes");
            assertThat(renamed.path("cccd").get(0).asText()).isEqualTo(RENAMED_PERSON.cccd());
            assertThat(renamed.path("full_name").get(0).asText()).isEqualTo("Phan Văn Người Khác");
            assertThat(renamed.path("cccd_verified").isMissingNode())
                    .as("the registry confirmed the number with the former name only").isTrue();
        }

        @Test
        @Order(6)
        void thenTheTwinsAreOneReviewEntryThatCannotBeLinked() {
            JsonNode entry = null;
            for (JsonNode open : admin.get("/admin/realms/dvc/vneid-bridge/review-entries?status=OPEN")) {
                if (TWIN_PERSON.cccd().equals(open.path("idNumber").asText())) {
                    assertThat(entry).as("one entry per number").isNull();
                    entry = open;
                }
            }
            assertThat(entry).isNotNull();
            assertThat(entry.path("candidates").findValuesAsText("legacyAccountId"))
                    .containsExactlyInAnyOrder(legacyId(TWIN_A), legacyId(TWIN_B));

            HttpResponse<String> link = admin.send("POST", "/admin/realms/dvc/vneid-bridge/review-entries/"
                    + entry.path("id").asText() + "/resolve", Map.of("action", "link", "accountId",
                    entry.path("candidates").get(0).path("id").asText()));

            assertThat(link.statusCode()).as(link.body()).isEqualTo(409);
            assertThat(link.body()).contains("bulk pre-verification");
        }

        @Test
        @Order(7)
        void thenAFinishedJobTakesNoCommand() {
            assertThat(admin.send("POST", JOBS + "/" + jobId + "/resume", null).statusCode()).isEqualTo(409);
            assertThat(admin.send("POST", JOBS + "/" + jobId + "/cancel", null).statusCode()).isEqualTo(409);
        }

        @Test
        @Order(8)
        @SuppressWarnings("unchecked")
        void thenALaterJobDoesNotPutBackAMarkAnOperatorTookOff() throws InterruptedException {
            JsonNode user = fixtures.user(IMPORTED);
            Map<String, Object> representation = JSON.convertValue(user, Map.class);
            Map<String, Object> attributes = (Map<String, Object>) representation.get("attributes");
            attributes.put("cccd_verified", List.of("false"));
            attributes.remove("cccd_verified_source");
            attributes.remove("cccd_verified_at");
            HttpResponse<String> revoked = admin.send("PUT", "/admin/realms/dvc/users/" + user.path("id").asText(),
                    representation);
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);

            runBusinessJob();

            List<String> lines = admin.send("GET", JOBS + "/" + jobId + "/report.csv", null).body().lines().toList();
            assertThat(lines).as("the registry confirms the account again")
                    .anyMatch(line -> line.startsWith(legacyId(IMPORTED) + ",VERIFIED,"));
            assertThat(fixtures.user(IMPORTED).path("attributes").path("cccd_verified").get(0).asText())
                    .as("an operator's cccd_verified=false is never overridden by a job").isEqualTo("false");
        }

        /**
         * Review 2026-12-06 (bulk, second pass), A1: the operator's {@code cccd_verified=false} lives on the Keycloak
         * user only, the account's current result stays {@code VERIFIED}. Keycloak's "Remove imported users" of the
         * legacy provider ({@code POST /admin/realms/dvc/user-storage/{id}/remove-imported-users}, manage-users; also
         * what removing the provider component does) deletes the imported users with bulk statements that fire no
         * {@code UserRemovedEvent}, so the current result survives them. The holder's next portal login imports the
         * account anew and the old result marks it verified again. Here the same statements Keycloak runs
         * ({@code JpaUserProvider.removeImportedUsers}: role mappings, required actions, federated identities,
         * credentials, attributes, group memberships, consents, the user) are run for this one user, so the other
         * test classes on this server keep their imported users.
         */
        @Test
        @Order(9)
        void thenTheMarkAnOperatorTookOffDoesNotComeBackWhenTheImportedUsersAreRemovedAndImportedAgain()
                throws SQLException {
            String userId = fixtures.user(IMPORTED).path("id").asText();
            assertThat(fixtures.user(IMPORTED).path("attributes").path("cccd_verified").get(0).asText())
                    .as("as the operator left it (Order 8)").isEqualTo("false");
            try (Connection connection = java.sql.DriverManager.getConnection(
                    vn.vneidbridge.it.support.TestKeycloakOnPostgres.keycloakDatabaseUrl())) {
                for (String delete : List.of(
                        "DELETE FROM user_role_mapping WHERE user_id = ?",
                        "DELETE FROM user_required_action WHERE user_id = ?",
                        "DELETE FROM federated_identity WHERE user_id = ?",
                        "DELETE FROM credential WHERE user_id = ?",
                        "DELETE FROM user_attribute WHERE user_id = ?",
                        "DELETE FROM user_group_membership WHERE user_id = ?",
                        "DELETE FROM user_consent_client_scope WHERE user_consent_id IN"
                                + " (SELECT id FROM user_consent WHERE user_id = ?)",
                        "DELETE FROM user_consent WHERE user_id = ?",
                        "DELETE FROM user_entity WHERE id = ?")) {
                    try (PreparedStatement statement = connection.prepareStatement(delete)) {
                        statement.setString(1, userId);
                        statement.executeUpdate();
                    }
                }
            }
            HttpResponse<String> cleared = admin.send("POST", "/admin/realms/dvc/clear-user-cache", null);
            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(204);
            assertThat(fixtures.user(IMPORTED)).as("removed as Keycloak removes imported users").isNull();

            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(IMPORTED, PASSWORD);

            JsonNode again = fixtures.user(IMPORTED);
            assertThat(again.path("id").asText()).as("the same account, imported anew").isEqualTo(userId);
            assertThat(again.path("attributes").path("cccd_verified").path(0).asText())
                    .as("the operator took the mark off; a re-import must not put it back from the old result")
                    .isNotEqualTo("true");
        }

        /**
         * Review 2026-12-05 (bulk, second pass), A2: a finished job's results can be withdrawn. A job asked a registry
         * that answered "match" too freely: {@code POST …/jobs/{id}/withdraw} (manage-realm, an admin event) makes its
         * {@code VERIFIED} results {@code WITHDRAWN}, so an account imported afterwards is not marked.
         */
        @Test
        @Order(10)
        void thenAFinishedJobsResultsCanBeWithdrawnAndAnAccountImportedAfterwardsIsNotMarked()
                throws SQLException, InterruptedException {
            try (Connection connection = legacy.open()) {
                insert(connection, WITHDRAWN, WITHDRAWN_PERSON.fullName(), WITHDRAWN_PERSON,
                        WITHDRAWN_PERSON.cccd(), null);
            }
            runBusinessJob();
            assertThat(admin.send("GET", JOBS + "/" + jobId + "/report.csv", null).body().lines())
                    .as("the registry confirmed it")
                    .anyMatch(line -> line.startsWith(legacyId(WITHDRAWN) + ",VERIFIED,"));

            try (Operator helpdesk = Operator.withDvcRoles(keycloak, admin, "manage-users")) {
                assertThat(helpdesk.send("POST", JOBS + "/" + jobId + "/withdraw", null).statusCode())
                        .as("manage-users may not").isEqualTo(403);
            }
            assertThat(admin.send("POST", JOBS + "/" + java.util.UUID.randomUUID() + "/withdraw", null)
                    .statusCode()).as("no such job of this realm").isEqualTo(404);
            HttpResponse<String> withdrawn = admin.send("POST", JOBS + "/" + jobId + "/withdraw", null);
            assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);
            assertThat(adminEvents()).as("on record").contains("withdraw");

            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(WITHDRAWN, PASSWORD);

            JsonNode user = fixtures.user(WITHDRAWN).path("attributes");
            assertThat(user.path("cccd").get(0).asText()).isEqualTo(WITHDRAWN_PERSON.cccd());
            assertThat(user.path("cccd_verified").isMissingNode()).as("its result was withdrawn").isTrue();
        }

        /**
         * Review 2026-12-05 (bulk, second pass), A1: a VNeID holder's "not mine" revokes the disowned account's bulk
         * result too, so it outlives the user (and its {@code cccd_disputed_at}) when Keycloak removes the imported
         * users.
         */
        @Test
        @Order(11)
        void thenTheResultOfAnAccountItsVneidHolderDisownsIsRevoked() throws SQLException {
            VneidStandIn.pointDvcAt(keycloak, admin);
            String idNumber = VneidStandIn.account(admin, VERIFIED_PERSON, 2);
            String userId = fixtures.user(VERIFIED).path("id").asText();
            assertThat(currentOutcome(userId)).as("applied when it was imported (Order 4)").isEqualTo("APPLIED");

            PortalLogin holder = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = holder.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP,
                    Map.of());
            assertThat(PortalLogin.isShownAccount(shown)).as("the one verified holder of the number is shown")
                    .isTrue();
            holder.follow(holder.web.submit(shown.page(), "#vneid-shown-account-form",
                    Map.of("action", "not-mine")));

            assertThat(fixtures.user(VERIFIED).path("attributes").path("cccd_disputed_at").isMissingNode())
                    .as("disputed").isFalse();
            assertThat(currentOutcome(userId)).as("the dispute is recorded against the legacy account too")
                    .isEqualTo("REVOKED");
        }

        /**
         * Review 2026-12-05 (bulk, second pass), A4: a job marked the number on one account; a later job finds it
         * on a second account too and opens a review entry, and the first account keeps its mark. While operators
         * have not decided, the mark alone no longer proves the account is the VNeID holder's: a VNeID login with
         * the number is not shown the account to claim it, it is asked for the account's password (BV-12).
         */
        @Test
        @Order(12)
        void thenANumberFoundOnASecondAccountAfterItsMarkIsLinkedOnlyWithTheAccountsPasswordWhileInReview()
                throws Exception {
            try (Connection connection = legacy.open()) {
                insert(connection, MARKED_FIRST, LATE_TWIN_PERSON.fullName(), LATE_TWIN_PERSON,
                        LATE_TWIN_PERSON.cccd(), null);
            }
            runBusinessJob();
            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(MARKED_FIRST, PASSWORD);
            String markedId = fixtures.user(MARKED_FIRST).path("id").asText();
            assertThat(fixtures.user(MARKED_FIRST).path("attributes").path("cccd_verified").get(0).asText())
                    .as("marked when it was imported").isEqualTo("true");
            try (Connection connection = legacy.open()) {
                insert(connection, FOUND_LATER, LATE_TWIN_PERSON.fullName(), LATE_TWIN_PERSON,
                        LATE_TWIN_PERSON.cccd(), null);
            }
            runBusinessJob();
            assertThat(openEntry(LATE_TWIN_PERSON.cccd())).as("the later job put the number in review").isNotNull();
            assertThat(fixtures.user(MARKED_FIRST).path("attributes").path("cccd_verified").get(0).asText())
                    .as("the first account keeps its mark (AR-36)").isEqualTo("true");
            VneidStandIn.pointDvcAt(keycloak, admin);
            String idNumber = VneidStandIn.account(admin, LATE_TWIN_PERSON, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome asked = login.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());

            assertThat(asked.callback()).as("the login does not land in the marked account").isEmpty();
            assertThat(PortalLogin.isShownAccount(asked)).as("nor is the account shown to be claimed").isFalse();
            org.jsoup.nodes.Document page = Jsoup.parse(asked.page().body());
            assertThat(page.select(CONFIRM_FORM)).as(asked.page().body()).hasSize(1);
            assertThat(page.select("#username").attr("value")).isEqualTo(MARKED_FIRST);
            PortalLogin.Outcome wrong = login.follow(login.web.submit(asked.page(), CONFIRM_FORM,
                    Map.of("action", "confirm", "password", "Không phải mật khẩu 1")));
            assertThat(wrong.callback()).isEmpty();
            assertThat(links(markedId)).as("a wrong password links nothing").isEmpty();

            PortalLogin.Outcome right = login.follow(login.web.submit(wrong.page(), CONFIRM_FORM,
                    Map.of("action", "confirm", "password", PASSWORD)));

            assertThat(login.finish(right).getSubject()).as("the account's own password links it, as itself")
                    .isEqualTo(markedId);
            assertThat(links(markedId)).containsExactly("vneid");
            assertThat(VneidUsers.createdFor(admin, LATE_TWIN_PERSON.cccd())).as("no second user").isEmpty();
        }

        /**
         * A number a user of Keycloak holds verified (no other legacy account holding it) is a conflict, decided
         * before the registry is asked: on PostgreSQL the job asks for a page's holders as one list
         * ({@code HolderLookup}); {@code BulkVerificationRestartIT} asks the same one number at a time on H2.
         */
        @Test
        @Order(13)
        void thenANumberAUserOfKeycloakHoldsVerifiedIsAConflictOnTheAccountThatHasIt() throws Exception {
            try (Connection connection = legacy.open()) {
                insert(connection, HELD, HELD_PERSON.fullName(), HELD_PERSON, HELD_PERSON.cccd(), null);
            }
            HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/users", Map.of("username", HOLDER,
                    "enabled", true, "attributes", Map.of("cccd", List.of(HELD_PERSON.cccd()),
                            "cccd_verified", List.of("true"))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            runBusinessJob();

            String report = admin.send("GET", JOBS + "/" + jobId + "/report.csv", null).body();
            assertThat(report.lines()).as(report).anyMatch(line -> line.startsWith(legacyId(HELD) + ",CONFLICT,"));
            assertThat(openEntry(HELD_PERSON.cccd())).as("operators are asked to look").isNotNull();
        }
    }

    private void runBusinessJob() throws InterruptedException {
        HttpResponse<String> started = admin.send("POST", JOBS, Map.of("accountTypes", List.of("BUSINESS"),
                "ratePerSecond", 20, "concurrency", 2));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        jobId = read(started.body()).path("id").asText();
        untilDone();
    }

    /** Dismisses the open review entries of this test's numbers. */
    private void dismissOpenEntries(String note) {
        OpenReviewEntries.dismiss(admin, List.of(TWIN_PERSON.cccd(), VERIFIED_PERSON.cccd(), LATE_TWIN_PERSON.cccd(),
                HELD_PERSON.cccd()), note);
    }

    private List<String> links(String userId) {
        return admin.get("/admin/realms/dvc/users/" + userId + "/federated-identity").findValuesAsText("identityProvider");
    }

    private JsonNode openEntry(String idNumber) {
        for (JsonNode open : admin.get("/admin/realms/dvc/vneid-bridge/review-entries?status=OPEN")) {
            if (idNumber.equals(open.path("idNumber").asText())) {
                return open;
            }
        }
        return null;
    }

    /** The account's current bulk result, read in Keycloak's database. */
    private static String currentOutcome(String userId) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(
                TestKeycloakOnPostgres.keycloakDatabaseUrl());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT outcome FROM vneid_bulk_current WHERE id = ?")) {
            select.setString(1, userId);
            try (java.sql.ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private JsonNode untilDone() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode status = admin.get(JOBS + "/" + jobId);
        while (!"DONE".equals(status.path("state").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            status = admin.get(JOBS + "/" + jobId);
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        return status;
    }

    private List<String> adminEvents() {
        List<String> actions = new java.util.ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/dvc/admin-events?max=200")) {
            String path = event.path("resourcePath").asText();
            if ("VNEID_BULK_JOB".equals(event.path("resourceType").asText())
                    && path.startsWith("vneid-bridge/bulk-verification/jobs/" + jobId + "/")) {
                actions.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        return actions;
    }

    private static String legacyId(String username) {
        return "IT-BULK-" + username.substring("it.bulk.".length()).toUpperCase(java.util.Locale.ROOT);
    }

    private static void insert(Connection connection, String username, String fullName, SyntheticPerson person,
                               String cccd, String cmnd) throws SQLException {
        StoredPassword password = LegacyPasswordHasher.hash(PasswordFormat.BCRYPT_2Y, PASSWORD, username);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO legacy_portal_a (legacy_id, username,"
                + " password_hash, password_algorithm, password_salt, password_iterations, full_name, birth_date, gender,"
                + " cmnd, cccd, cccd_verified, phone, email, account_type, is_admin, status)"
                + " VALUES (?,?,?,?,NULL,NULL,?,?,?,?,?,FALSE,'0912345678',?,'BUSINESS',FALSE,'ACTIVE')")) {
            insert.setString(1, legacyId(username));
            insert.setString(2, username);
            insert.setString(3, password.hash());
            insert.setString(4, password.algorithm());
            insert.setString(5, fullName);
            insert.setObject(6, person.birthDate());
            insert.setString(7, person.gender() == Gender.MALE ? "M" : "F");
            if (cmnd == null) {
                insert.setNull(8, Types.CHAR);
            } else {
                insert.setString(8, cmnd);
            }
            if (cccd == null) {
                insert.setNull(9, Types.CHAR);
            } else {
                insert.setString(9, cccd);
            }
            insert.setString(10, username + "@example.vn");
            insert.executeUpdate();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }
}

package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;
import vn.vneidbridge.sandbox.PopulationRegistryConnection;
import vn.vneidbridge.sandbox.legacy.LegacyAccount;
import vn.vneidbridge.sandbox.legacy.LegacySchema;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;

/**
 * A bulk pre-verification job outlives the node that runs it (issue 18: "survives a node restart and resumes where it
 * stopped"): the sandbox realm on its own server, a legacy database of synthetic accounts, the population database
 * simulator; a job started at a slow pace, the server stopped once the job has settled its first batch, and started
 * again on the same database.
 */
class BulkVerificationRestartIT {

    private static final String SERVER = "bulk-restart-it";
    private static final String JOBS = "/admin/realms/dvc/vneid-bridge/bulk-verification/jobs";
    private static final int ROWS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenAJobRunningWhenItsNodeStops {

        private PopulationRegistryConnection registry;
        private LegacyDatabaseConnection legacy;
        private KeycloakServer server;
        private AdminApi admin;
        private String jobId;
        private long settledBeforeTheStop;
        private final List<Long> settledAfterTheStart = new ArrayList<>();
        private JsonNode finished;
        /** A row whose number a user of Keycloak holds verified, and one whose number a user holds marked "false". */
        private LegacyAccount heldVerified;
        private LegacyAccount heldUnverified;

        @BeforeAll
        void startAJobStopTheNodeAndStartItAgain() throws Exception {
            Path servers = Path.of(System.getProperty("keycloak.servers.dir", "target/keycloak-servers"));
            Path work = servers.resolve(SERVER + "-data");
            deleteRecursively(work.resolve("legacy-db"));
            legacy = LegacyDatabaseConnection.h2(work.resolve("legacy-db"));
            try (Connection connection = legacy.open()) {
                LegacySchema.create(connection);
                SyntheticAccountGenerator.generate(connection, ROWS, 42);
            }
            registry = PopulationRegistryConnection.start(0, ROWS);
            server = KeycloakServer.start(config(servers, true));
            admin = AdminApi.of(server);
            Map<String, Long> rowsPerNumber = SyntheticAccountGenerator.accounts(ROWS, 42)
                    .filter(account -> account.cccd() != null)
                    .collect(Collectors.groupingBy(LegacyAccount::cccd, Collectors.counting()));
            List<LegacyAccount> unverified = SyntheticAccountGenerator.accounts(ROWS, 42)
                    .filter(account -> unverifiedCitizen(account) && rowsPerNumber.get(account.cccd()) == 1)
                    .limit(2).toList();
            heldVerified = unverified.get(0);
            heldUnverified = unverified.get(1);
            createHolder("bulk-holder-verified", heldVerified.cccd(), true);
            createHolder("bulk-holder-unverified", heldUnverified.cccd(), false);
            // 3 calls a second: a batch is 15 accounts, the job twenty batches and about half a minute long
            HttpResponse<String> started = admin.send("POST", JOBS, Map.of("ratePerSecond", 3, "concurrency", 2));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            jobId = JSON.readTree(started.body()).path("id").asText();
            settledBeforeTheStop = waitFor(status -> status.path("processed").asLong() > 0, Duration.ofMinutes(2))
                    .path("processed").asLong();
            server.close();
            server = KeycloakServer.start(config(servers, false));
            admin = AdminApi.of(server);
            finished = waitFor(status -> {
                settledAfterTheStart.add(status.path("processed").asLong());
                return "DONE".equals(status.path("state").asText());
            }, Duration.ofMinutes(4));
        }

        private void createHolder(String username, String number, boolean verified) {
            // "false", as a dispute or an operator leaves it: a mark that is there but not "true"
            Map<String, List<String>> attributes = Map.of("cccd", List.of(number), "cccd_verified",
                    List.of(verified ? "true" : "false"));
            HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/users",
                    Map.of("username", username, "enabled", true, "attributes", attributes));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        private KeycloakServerConfig config(Path servers, boolean first) {
            int http = TestKeycloak.freePort();
            int management = TestKeycloak.freePort();
            while (management == http) {
                management = TestKeycloak.freePort();
            }
            return registry.configure(legacy.configure(KeycloakServerConfig.builder()
                    .name(SERVER)
                    .distributionZip(TestKeycloak.requiredFile("keycloak.dist.zip"))
                    .providersBundle(TestKeycloak.requiredFile("vneid.providers.bundle"))
                    .extraBundle(TestKeycloak.requiredFile("vneid.sandbox.bundle"))
                    .serversDir(servers)
                    .httpPort(http)
                    .managementPort(management)
                    .freshData(first)))
                    .build();
        }

        private JsonNode waitFor(java.util.function.Predicate<JsonNode> done, Duration timeout)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            JsonNode status = admin.get(JOBS + "/" + jobId);
            while (!done.test(status)) {
                assertThat(System.nanoTime()).as("job %s by %s: %s", jobId, timeout, status).isLessThan(deadline);
                Thread.sleep(1_000);
                status = admin.get(JOBS + "/" + jobId);
            }
            return status;
        }

        @AfterAll
        void stop() throws IOException {
            if (server != null) {
                server.close();
            }
            if (registry != null) {
                registry.close();
            }
        }

        @Test
        void thenItGoesOnFromWhereItStoppedAndSettlesEveryAccountOnce() {
            assertThat(settledAfterTheStart.get(0)).as("work was left when the node came back").isLessThan(ROWS);
            assertThat(settledAfterTheStart).as("what it had settled before the stop is kept")
                    .allSatisfy(settled -> assertThat(settled).isGreaterThanOrEqualTo(settledBeforeTheStop));
            assertThat(finished.path("total").asLong()).isEqualTo(ROWS);
            assertThat(finished.path("processed").asLong()).isEqualTo(ROWS);
            long counted = 0;
            for (JsonNode count : finished.path("counts")) {
                counted += count.asLong();
            }
            assertThat(counted).as("each account counted once: %s", finished.path("counts")).isEqualTo(ROWS);
        }

        /** The report lists each account the job settled with an outcome (skipped ones are counted only), once. */
        @Test
        void thenTheReportListsEachAccountOnce() {
            HttpResponse<String> report = admin.send("GET", JOBS + "/" + jobId + "/report.csv", null);
            assertThat(report.statusCode()).isEqualTo(200);
            List<String> lines = report.body().lines().skip(1).toList();
            long withOutcome = ROWS - finished.path("counts").path("skipped").asLong();
            assertThat(lines).as("counts %s", finished.path("counts")).hasSize((int) withOutcome);
            assertThat(lines.stream().map(line -> line.substring(0, line.indexOf(','))).distinct())
                    .hasSize(lines.size());
        }

        /**
         * A number another user of Keycloak holds verified is a conflict, decided before the registry is asked; one
         * held unverified is not. On H2, this IT's Keycloak database, the job asks for the holders one number at a
         * time ({@code HolderLookup}); {@code BulkVerificationOnPostgresIT} asks the same of the list on PostgreSQL.
         */
        @Test
        void thenANumberAnotherUserHoldsVerifiedIsAConflictAndOneHeldUnverifiedIsNot() {
            HttpResponse<String> report = admin.send("GET", JOBS + "/" + jobId + "/report.csv", null);
            Map<String, String> outcomes = new HashMap<>();
            report.body().lines().skip(1).map(line -> line.split(",", -1))
                    .forEach(cells -> outcomes.put(cells[0], cells[1]));

            assertThat(outcomes.get(heldVerified.legacyId())).as(report.body()).isEqualTo("CONFLICT");
            assertThat(outcomes.get(heldUnverified.legacyId())).as("asked of the registry, not a conflict")
                    .isNotNull().isNotEqualTo("CONFLICT");
        }
    }

    /** An active citizen's row with a number the legacy portal did not verify: the job asks the registry. */
    private static boolean unverifiedCitizen(LegacyAccount account) {
        return account.cccd() != null && !account.cccdVerified() && account.fullName() != null
                && account.birthDate() != null && account.status() == LegacyAccount.Status.ACTIVE
                && account.accountType() == LegacyAccount.AccountType.CITIZEN;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

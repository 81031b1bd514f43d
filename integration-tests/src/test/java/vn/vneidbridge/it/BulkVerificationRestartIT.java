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
import java.util.List;
import java.util.Map;
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

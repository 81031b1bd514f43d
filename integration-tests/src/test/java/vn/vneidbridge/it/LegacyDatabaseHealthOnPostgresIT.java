package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.LegacyPostgres;
import vn.vneidbridge.it.support.MetricsScrape;
import vn.vneidbridge.it.support.TestKeycloakOnPostgres;

/**
 * How a down legacy database is reported, with that database on PostgreSQL (the operator's case): the bridge's
 * gauge {@code vneid_bridge_dependency_up{dependency="legacy_db"}} goes to 0 (the migration refresh probes it) and
 * back to 1, which an alert watches; Keycloak's readiness stays UP, because a legacy outage is the same on every
 * node and imported accounts and VNeID logins go on ({@link LegacyAccountLoginOnPostgresIT}): a load balancer must
 * not take every node out for it. Keycloak's readiness checks every datasource unless it is excluded, so the
 * servers exclude the legacy one (build option {@code db-health-exclude-vneid-legacy=true}).
 */
@ExtendWith(TestKeycloakOnPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyDatabaseHealthOnPostgresIT {

    private static final String LEGACY_DB_UP = "vneid_bridge_dependency_up";

    private KeycloakServer keycloak;

    @BeforeAll
    void server(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    private double legacyUp() {
        return MetricsScrape.of(keycloak).sum(LEGACY_DB_UP, "dependency", "legacy_db");
    }

    private double waitForLegacyUp(double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        double value = legacyUp();
        while (value != expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            value = legacyUp();
        }
        return value;
    }

    private HttpResponse<String> ready() throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak.managementUri() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class GivenTheLegacyDatabaseStops {

        @Test
        void thenTheBridgeReportsItDownAndUpAgainWhileKeycloakStaysReady() throws Exception {
            assertThat(waitForLegacyUp(1.0)).as("legacy database up before").isEqualTo(1.0);
            LegacyPostgres.stop();
            try {
                assertThat(waitForLegacyUp(0.0)).as("reported down by the next refresh").isEqualTo(0.0);
                HttpResponse<String> ready = ready();
                assertThat(ready.statusCode()).as("readiness while the legacy database is down: " + ready.body())
                        .isEqualTo(200);
            } finally {
                LegacyPostgres.restart();
            }
            assertThat(waitForLegacyUp(1.0)).as("reported up again").isEqualTo(1.0);
            assertThat(ready().statusCode()).isEqualTo(200);
        }
    }
}

package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.MetricsScrape;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.PromQlMetricNames;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidProtocol;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * What an operator's Prometheus and Grafana read: a citizen's journey — portal-account login, CCCD check against the
 * population registry, link with VNeID — moves her account through the migration gauges
 * ({@code pending} → {@code verified_not_linked} → {@code linked}) once the refresh has run, and is counted in the
 * registry's, VNeID's and Keycloak's own metrics; then every metric that a query of the Grafana dashboard
 * ({@code ops/grafana}) or an alert rule ({@code ops/prometheus/alerts.yml}) names is on {@code /metrics}, and
 * {@code /metrics} holds no id number, no name, no username of the citizens who logged in.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsDashboardIT {

    private static final String ACCOUNTS = "vneid_bridge_migration_accounts";
    private static final Path OPS = Path.of(System.getProperty("user.dir")).resolveSibling("ops");
    private static final Pattern EXPR = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);

    private KeycloakServer keycloak;
    private AdminApi admin;
    private final String username = LegacyFixtures.METRICS_JOURNEY;
    private final SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.METRICS_JOURNEY);

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        VneidStandIn.account(admin, person, 2);
    }

    @AfterAll
    void forgetTheAccount() {
        VneidUsers.deleteAccounts(admin, username);
    }

    private String province() {
        return person.cccd().substring(0, 3);
    }

    /** The scrape after a refresh of the gauges that began after {@code since}. */
    private MetricsScrape refreshedAfter(Instant since) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            MetricsScrape scrape = MetricsScrape.of(keycloak);
            if (scrape.sum("vneid_bridge_migration_refreshed_timestamp_seconds") >= since.getEpochSecond() + 2) {
                return scrape;
            }
            assertThat(System.nanoTime()).as("the migration gauges refreshed within 60 s").isLessThan(deadline);
            sleep(500);
        }
    }

    private static double accounts(MetricsScrape scrape, String state, String province) {
        return scrape.sum(ACCOUNTS, "realm", "dvc", "state", state, "account_type", "citizen", "province", province);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class GivenACitizensJourneyFromHerPortalAccountToVneid {

        private MetricsScrape before;
        private MetricsScrape afterLegacyLogin;
        private MetricsScrape afterCccdCheck;
        private MetricsScrape afterLink;

        @BeforeAll
        void walk() {
            before = refreshedAfter(Instant.now());
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(username, LegacyFixtures.PASSWORD);
            assertThat(form.page().body()).as("the CCCD form").contains("vneid-cccd-form");
            afterLegacyLogin = refreshedAfter(Instant.now());

            PortalLogin.Outcome notice = login.submitCccd(form, person.cccd());
            assertThat(PortalLogin.isLinkNotice(notice)).as(notice.page().body()).isTrue();
            afterCccdCheck = refreshedAfter(Instant.now());

            JWTClaimsSet claims = login.finish(login.linkWithVneid(notice, person.cccd(), VneidStandIn.PASSWORD,
                    VneidStandIn.OTP));
            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(username));
            afterLink = refreshedAfter(Instant.now());
        }

        @Test
        @Order(1)
        void thenTheImportedAccountIsPendingWithoutAProvinceAndNoLongerNotImported() {
            assertThat(accounts(afterLegacyLogin, "pending", "none") - accounts(before, "pending", "none")).isEqualTo(1);
            assertThat(afterLegacyLogin.sum("vneid_bridge_migration_not_imported", "realm", "dvc", "account_type", "citizen")
                    - before.sum("vneid_bridge_migration_not_imported", "realm", "dvc", "account_type", "citizen"))
                    .isEqualTo(-1);
            assertThat(afterLegacyLogin.sum("vneid_bridge_dependency_up", "dependency", "legacy_db")).isEqualTo(1.0);
        }

        @Test
        @Order(2)
        void thenTheVerifiedCccdMovesItToVerifiedNotLinkedInItsProvinceAndTheRegistryCallIsTimed() {
            assertThat(accounts(afterCccdCheck, "pending", "none")).isEqualTo(accounts(before, "pending", "none"));
            assertThat(accounts(afterCccdCheck, "verified_not_linked", province())
                    - accounts(before, "verified_not_linked", province())).isEqualTo(1);
            assertThat(afterCccdCheck.sum("vneid_bridge_registry_calls_seconds_count", "outcome", "miss")
                    - afterLegacyLogin.sum("vneid_bridge_registry_calls_seconds_count", "outcome", "miss"))
                    .as("the CCCD check asked the registry").isGreaterThanOrEqualTo(1);
            assertThat(afterCccdCheck.sum("vneid_bridge_dependency_up", "dependency", "registry")).isEqualTo(1.0);
            assertThat(afterCccdCheck.sum("vneid_bridge_registry_circuit_state", "state", "closed")).isPositive();
            assertThat(afterCccdCheck.sum("vneid_registry_lookup_seconds_count", "outcome", "registry")
                    - afterLegacyLogin.sum("vneid_registry_lookup_seconds_count", "outcome", "registry"))
                    .as("the CCCD check's lookup, as the check saw it, is timed").isGreaterThanOrEqualTo(1);
            assertThat(afterCccdCheck.sum("vneid_registry_lookup_seconds_bucket", "outcome", "registry", "le", "+Inf"))
                    .as("with a histogram").isEqualTo(afterCccdCheck.sum("vneid_registry_lookup_seconds_count",
                            "outcome", "registry"));
        }

        @Test
        @Order(3)
        void thenTheLinkMovesItToLinkedAndTheVneidLoginIsCountedAtLevel2OverOidc() {
            assertThat(accounts(afterLink, "verified_not_linked", province()))
                    .isEqualTo(accounts(before, "verified_not_linked", province()));
            assertThat(accounts(afterLink, "linked", province()) - accounts(before, "linked", province())).isEqualTo(1);
            assertThat(afterLink.sum("vneid_bridge_vneid_logins_total", "protocol", "oidc", "level", "2")
                    - afterCccdCheck.sum("vneid_bridge_vneid_logins_total", "protocol", "oidc", "level", "2"))
                    .isEqualTo(1);
        }

        @Test
        @Order(4)
        void thenEveryMetricTheDashboardAndTheAlertsQueryIsOnMetrics() throws IOException {
            Map<String, Set<String>> namesByQuery = new TreeMap<>();
            for (String expr : dashboardExpressions()) {
                namesByQuery.put("dashboard: " + expr, PromQlMetricNames.of(expr));
            }
            for (String expr : alertExpressions()) {
                namesByQuery.put("alerts.yml: " + expr, PromQlMetricNames.of(expr));
            }
            assertThat(namesByQuery).as("queries read from ops/").hasSizeGreaterThan(20);
            Set<String> named = new TreeSet<>();
            namesByQuery.values().forEach(named::addAll);
            assertThat(named).as("metric names read from the queries").contains(ACCOUNTS,
                    "vneid_bridge_registry_calls_seconds_bucket", "vneid_bridge_webhook_backlog",
                    "vneid_bridge_vneid_refusals_total", "vneid_bridge_vneid_logins_total");

            MetricsScrape scrape = MetricsScrape.of(keycloak);
            Set<String> exposed = new TreeSet<>(scrape.names());
            exposed.add("up"); // Prometheus' own, per target
            Map<String, Set<String>> missing = new LinkedHashMap<>();
            namesByQuery.forEach((query, names) -> {
                Set<String> absent = new TreeSet<>(names);
                absent.removeAll(exposed);
                if (!absent.isEmpty()) {
                    missing.put(query, absent);
                }
            });
            assertThat(missing).as("metrics named by a query but not on /metrics").isEmpty();
        }

        @Test
        @Order(5)
        void thenMetricsHoldNoIdNumberNoNameAndNoUsernameOfTheCitizens() {
            MetricsScrape scrape = MetricsScrape.of(keycloak);
            List<String> series = new ArrayList<>();
            scrape.samples().forEach(sample -> {
                Map<String, String> labels = new TreeMap<>(sample.labels());
                labels.remove("le"); // a histogram's bucket bound, e.g. 0.001048576
                series.add(sample.name() + labels);
            });
            assertThat(series).as("no 9- or 12-digit number (CMND, CCCD) in a metric name or label")
                    .noneMatch(s -> s.matches(".*\\d{9,}.*"));
            assertThat(scrape.body()).doesNotContain(person.cccd(), person.fullName(), username,
                    LegacyFixtures.legacyId(username), LegacyPersonas.TOTHINGA, "Tô Thị Nga", "052189000123");
            if (person.cmnd() != null) {
                assertThat(scrape.body()).doesNotContain(person.cmnd());
            }
        }

        @Test
        @Order(6)
        void thenKeycloakIsReadyAndSaysWhichChecksItRan() throws Exception {
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(keycloak.managementUri() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            JsonNode health = new ObjectMapper().readTree(ready.body());
            assertThat(health.path("status").asText()).isEqualTo("UP");
            Files.writeString(Path.of("target", "health-ready.json"), ready.body());
            Files.writeString(Path.of("target", "metrics-after-journey.txt"), MetricsScrape.of(keycloak).body());
        }
    }

    /**
     * A citizen no portal account knows logs in with VNeID for the first time over the partner API: the legacy
     * database is asked once for accounts holding her number (none), and the code, the token answer and the userinfo
     * answer are each decrypted once; all of it timed on {@code /metrics} with histograms.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenAFirstVneidLoginOverThePartnerApi {

        private static final String DECRYPT = "vneid_partner_api_decrypt_seconds";
        private static final String LEGACY_LOOKUP = "vneid_legacy_lookup_by_cccd_seconds";

        /** Synthetic person 165: used by no other test, holds no portal account. */
        private final String idNumber = LegacyFixtures.syntheticPerson(165).cccd();
        private String protocolBefore;
        private MetricsScrape before;
        private MetricsScrape after;

        @BeforeAll
        void logInOverThePartnerApi() {
            protocolBefore = VneidProtocol.use(admin, VneidProtocol.PARTNER_API);
            VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(165), 2);
            VneidUsers.deleteCreatedFor(admin, idNumber);
            before = MetricsScrape.of(keycloak);
            PortalLogin.Outcome outcome = new PortalLogin(keycloak, "dvcqg-portal").vneidLogin(idNumber,
                    VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
            assertThat(outcome.callback()).as(outcome.page().body()).isPresent();
            after = MetricsScrape.of(keycloak);
        }

        @AfterAll
        void speakAsBefore() {
            VneidProtocol.use(admin, protocolBefore == null ? VneidProtocol.OIDC : protocolBefore);
            VneidUsers.deleteCreatedFor(admin, idNumber);
            // the partner API has no logout: end the stand-in's session of this login (as VneidLoginOverPartnerApiIT)
            assertThat(admin.send("POST", "/admin/realms/vneid-sandbox/logout-all", null).statusCode()).isEqualTo(200);
        }

        private double delta(String series, String... labels) {
            return after.sum(series, labels) - before.sum(series, labels);
        }

        @Test
        void thenTheCodeTheTokenAndTheUserinfoAreEachDecryptedOnceAndTimed() {
            for (String what : List.of("code", "token", "userinfo")) {
                assertThat(delta(DECRYPT + "_count", "what", what)).as(what).isEqualTo(1);
                assertThat(delta(DECRYPT + "_bucket", "what", what, "le", "5.0")).as(what + " within 5 s").isEqualTo(1);
            }
        }

        @Test
        void thenTheLegacyLookupByHerNumberIsTimedOnceAndFoundNone() {
            assertThat(delta(LEGACY_LOOKUP + "_count", "outcome", "none")).isEqualTo(1);
            for (String outcome : List.of("found", "several", "error")) {
                assertThat(delta(LEGACY_LOOKUP + "_count", "outcome", outcome)).as(outcome).isZero();
            }
            assertThat(after.names()).contains(LEGACY_LOOKUP + "_bucket", LEGACY_LOOKUP + "_sum",
                    LEGACY_LOOKUP + "_max");
        }
    }

    /** Every {@code expr} of the dashboard's panels and every query of its variables. */
    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(OPS.resolve("grafana/vneid-bridge-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            expressions.add(expr.asText());
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String query = variable.path("query").isObject() ? variable.path("query").path("query").asText()
                    : variable.path("query").asText();
            Matcher labelValues = Pattern.compile("label_values\\((\\w+)").matcher(query);
            if (labelValues.find()) {
                expressions.add(labelValues.group(1));
            }
        }
        return expressions;
    }

    /** Every {@code expr:} of the alert rules (one line each). */
    private static List<String> alertExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        Matcher matcher = EXPR.matcher(Files.readString(OPS.resolve("prometheus/alerts.yml")));
        while (matcher.find()) {
            String expr = matcher.group(1).strip();
            if (expr.startsWith("'") && expr.endsWith("'")) {
                expr = expr.substring(1, expr.length() - 1).replace("''", "'");
            }
            expressions.add(expr);
        }
        return expressions;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

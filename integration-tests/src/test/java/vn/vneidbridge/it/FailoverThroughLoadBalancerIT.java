package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestCluster;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.it.support.WebhookReceiver;
import vn.vneidbridge.sandbox.cluster.Cluster;
import vn.vneidbridge.sandbox.cluster.HaproxyConfig;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * The cluster command's deployment under failure: the seeds' journey through HAProxy over HTTPS, the node that
 * served its first half killed hard in the middle, the journey finished on the other node with nothing lost or
 * done twice, the killed node back in the cluster; and both nodes restarted with every citizen's state kept.
 */
@ExtendWith(TestCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverThroughLoadBalancerIT {

    private static final String PORTAL = "dvcqg-portal";
    private static final String NGA = "052189000123";
    private static final String AN = "001090001234";
    private static final String HOA = "079195004567";

    private TestCluster.LoadBalancedCluster lb;
    private Cluster cluster;
    private AdminApi admin;

    @BeforeAll
    void cluster(TestCluster.LoadBalancedCluster lb) {
        this.lb = lb;
        this.cluster = lb.cluster();
        this.admin = lb.admin();
    }

    private PortalLogin login(WebClient web) {
        return new PortalLogin(lb.publicUri(), PORTAL, web);
    }

    /** The node HAProxy's stickiness cookie sends this browser to. */
    private String nodeOf(WebClient web) {
        return web.cookie(lb.publicUri(), HaproxyConfig.ROUTE_COOKIE)
                .orElseThrow(() -> new AssertionError("HAProxy set no " + HaproxyConfig.ROUTE_COOKIE + " cookie"));
    }

    private static String other(String node) {
        return Cluster.FIRST.equals(node) ? Cluster.SECOND : Cluster.FIRST;
    }

    private JsonNode user(AdminApi api, String username) {
        JsonNode found = api.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username);
        assertThat(found).as(username).hasSize(1);
        return found.get(0);
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private List<String> links(AdminApi api, String userId) {
        return api.get("/admin/realms/dvc/users/" + userId + "/federated-identity").findValuesAsText("identityProvider");
    }

    private static int ready(URI management) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(management + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Nested
    class GivenTheNodeServingTheSeedsJourneyDiesInTheMiddle {

        @Test
        void thenTheOtherNodeFinishesItNothingIsLostOrDoneTwiceAndTheKilledNodeRejoins() throws Exception {
            try (WebhookReceiver portal = new WebhookReceiver()) {
                portal.start();
                LinkFixtures fixtures = new LinkFixtures(admin);
                fixtures.forget(LegacyPersonas.TOTHINGA); // the seeded state, whatever ran before on this cluster
                assertThat(fixtures.setWebhooks(List.of(PORTAL + " " + portal.url("/national"))).statusCode())
                        .isEqualTo(204);
                WebClient browser = new WebClient();
                // the browser starts on node1, the node started first and so the cluster's coordinator (also after
                // the full restart below, which starts node1 first): the hardest node to lose, as the survivor is
                // not "ready" until the dead coordinator's discovery row is stale (HaproxyConfig)
                browser.setCookie(lb.publicUri(), HaproxyConfig.ROUTE_COOKIE, Cluster.FIRST);
                PortalLogin journey = login(browser);

                // first half: legacy password login, the CCCD form answered, verified against the population database
                PortalLogin.Outcome form = journey.submitPassword(LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);
                assertThat(form.page().body()).as("the CCCD form").contains("vneid-cccd-form");
                String servedFirstHalf = nodeOf(browser);
                PortalLogin.Outcome notice = journey.submitCccd(form, NGA);
                assertThat(PortalLogin.isLinkNotice(notice)).as(notice.page().body()).isTrue();
                assertThat(nodeOf(browser)).as("HAProxy kept the browser on its node").isEqualTo(servedFirstHalf);
                JsonNode verified = user(admin, LegacyPersonas.TOTHINGA);
                assertThat(attribute(verified, "cccd")).isEqualTo(NGA);
                assertThat(attribute(verified, "cccd_verified")).isEqualTo("true");

                String markedDown = "Server keycloak-nodes/" + servedFirstHalf + " is DOWN";
                long downsBefore = haproxyLog(markedDown);
                Instant killed = Instant.now();
                cluster.kill(servedFirstHalf);
                String survivor = other(servedFirstHalf);
                System.out.printf("failover: %s served the first half (legacy login, CCCD verified, linking notice);"
                        + " killed hard%n", servedFirstHalf);
                while (haproxyLog(markedDown) == downsBefore && Instant.now().isBefore(killed.plusSeconds(30))) {
                    Thread.sleep(100);
                }
                System.out.printf("failover: HAProxy marked %s down %d ms after the kill, answers again after %d ms%n",
                        servedFirstHalf, Duration.between(killed, Instant.now()).toMillis(), awaitAnswering(killed));

                // second half: "Đăng nhập bằng VNeID" on the notice, the stand-in VNeID, back at the portal
                JWTClaimsSet claims = journey.finish(journey.linkWithVneid(notice, NGA, VneidStandIn.PASSWORD,
                        VneidStandIn.OTP));
                System.out.printf("failover: %s finished the journey %d ms after the kill%n", nodeOf(browser),
                        Duration.between(killed, Instant.now()).toMillis());
                assertThat(nodeOf(browser)).as("HAProxy moved the browser to the surviving node").isEqualTo(survivor);
                assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.TOTHINGA_ID);
                assertThat(claims.getClaim("cccd")).isEqualTo(NGA);

                JsonNode nga = user(admin, LegacyPersonas.TOTHINGA);
                assertThat(nga.get("id").asText()).isEqualTo(claims.getSubject());
                assertThat(attribute(nga, "cccd_verified")).as("the CCCD stays verified").isEqualTo("true");
                assertThat(attribute(nga, "cccd")).isEqualTo(NGA);
                assertThat(links(admin, claims.getSubject())).as("linked once").containsExactly("vneid");
                assertThat(VneidUsers.createdFor(admin, NGA)).as("no second user from VNeID").isEmpty();
                List<WebhookReceiver.Delivery> delivered = portal.await(d -> d.body().contains(claims.getSubject()),
                        1, Duration.ofSeconds(30));
                assertThat(delivered).as("the link event reached the portal").hasSize(1);
                assertThat(delivered.get(0).signedWith(PortalLogin.secretOf(PORTAL))).isTrue();

                // the killed node comes back and joins the cluster
                long upsBefore = haproxyLog(markedUp(servedFirstHalf));
                cluster.restart(servedFirstHalf);
                assertThat(ready(cluster.node(servedFirstHalf).managementUri())).isEqualTo(200);
                awaitHealthyInHaproxy(servedFirstHalf, upsBefore);
                WebClient onRejoined = new WebClient();
                onRejoined.setCookie(lb.publicUri(), HaproxyConfig.ROUTE_COOKIE, servedFirstHalf);
                PortalLogin again = login(onRejoined);
                JWTClaimsSet back = again.passwordLogin(LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);
                assertThat(nodeOf(onRejoined)).as("served by the node that rejoined").isEqualTo(servedFirstHalf);
                assertThat(back.getSubject()).as("it sees the same user").isEqualTo(claims.getSubject());
                assertThat(links(lb.adminOn(servedFirstHalf), claims.getSubject())).containsExactly("vneid");
                System.out.printf("failover: %s rejoined and served a login of the same user%n", servedFirstHalf);

                Thread.sleep(4000); // several outbox polls on both nodes: nothing is sent twice
                assertThat(portal.deliveries().stream().filter(d -> d.body().contains(claims.getSubject())))
                        .as("the link event was delivered exactly once").hasSize(1);
            } finally {
                awaitAnswering(Instant.now());
                new LinkFixtures(admin).setWebhooks(List.of());
            }
        }

        /** How many lines of HAProxy's log hold {@code text}. */
        private long haproxyLog(String text) throws java.io.IOException {
            return java.nio.file.Files.readAllLines(cluster.haproxy().log()).stream()
                    .filter(line -> line.contains(text)).count();
        }

        /**
         * Waits until HAProxy answers a request again (it has marked the dead node down; a browser's request in
         * that second or two gets a 503 "No server is available"); the milliseconds since {@code since}.
         */
        private long awaitAnswering(Instant since) throws InterruptedException {
            Instant end = Instant.now().plusSeconds(30);
            URI probe = URI.create(lb.publicUri() + "/realms/dvc/.well-known/openid-configuration");
            while (Instant.now().isBefore(end)) {
                if (new WebClient().get(probe).statusCode() == 200) {
                    return Duration.between(since, Instant.now()).toMillis();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("HAProxy answered nothing but errors for 30 s");
        }

        /** HAProxy's log line for {@code node} marked up among the ready nodes (not the merely alive ones). */
        private String markedUp(String node) {
            return "Server keycloak-nodes/" + node + " is UP";
        }

        /**
         * Waits until HAProxy has the node up again among the <em>ready</em> nodes (its log says so more often than
         * {@code upsBefore} times), then until it sends a browser carrying that node's cookie there. Up among the
         * alive nodes only is not enough: while the survivor is not ready either, HAProxy uses the alive nodes, and
         * the moment the survivor is ready again it sends every browser to the ready ones, the survivor alone until
         * the rejoined node's own readiness checks pass (seen on 2026-12-04: the login went to the survivor).
         */
        private void awaitHealthyInHaproxy(String node, long upsBefore) throws Exception {
            Instant end = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(end)) {
                WebClient probe = new WebClient();
                probe.setCookie(lb.publicUri(), HaproxyConfig.ROUTE_COOKIE, node);
                probe.get(URI.create(lb.publicUri() + "/realms/dvc/.well-known/openid-configuration"));
                if (haproxyLog(markedUp(node)) > upsBefore
                        && probe.cookie(lb.publicUri(), HaproxyConfig.ROUTE_COOKIE).orElse("").equals(node)) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("HAProxy did not send browsers to " + node + " again within 60 s");
        }
    }

    @Nested
    class GivenBothNodesRestart {

        @Test
        void thenEveryCitizensStateIsKept() throws Exception {
            // citizens with state: An linked by his first VNeID login, Hoa created from VNeID, and whoever else
            // the realm holds by now (Nga after the failover journey)
            new LinkFixtures(admin).forget(LegacyPersonas.NGUYENVANAN);
            VneidUsers.deleteCreatedFor(admin, HOA);
            PortalLogin an = login(new WebClient());
            String anId = an.finish(an.confirmShownAccount(an.vneidLogin(AN, VneidStandIn.PASSWORD, VneidStandIn.OTP,
                    Map.of()))).getSubject();
            PortalLogin hoa = login(new WebClient());
            String hoaId = hoa.finish(hoa.vneidLogin(HOA, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()))
                    .getSubject();
            Map<String, String> before = citizens();
            assertThat(before).containsKeys(anId, hoaId);

            Instant begin = Instant.now();
            cluster.stop(Cluster.SECOND);
            cluster.stop(Cluster.FIRST);
            cluster.restart(Cluster.FIRST);
            cluster.restart(Cluster.SECOND);
            System.out.printf("full restart: both nodes stopped and started again in %d s%n",
                    Duration.between(begin, Instant.now()).toSeconds());

            assertThat(citizens()).as("users, links and verified CCCDs after the restart").isEqualTo(before);
            PortalLogin anAgain = login(new WebClient());
            assertThat(anAgain.finish(anAgain.vneidLogin(AN, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()))
                    .getSubject()).as("VNeID still lands on An's account").isEqualTo(anId);
            PortalLogin hoaAgain = login(new WebClient());
            assertThat(hoaAgain.finish(hoaAgain.vneidLogin(HOA, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()))
                    .getSubject()).isEqualTo(hoaId);
            // An's browser session survived too (Keycloak keeps user sessions in the database)
            PortalLogin sso = login(an.web);
            HttpResponse<String> answer = sso.web.followWithin(sso.web.get(sso.authorizationUri(sso.parameters())),
                    lb.publicUri());
            assertThat(WebClient.isRedirect(answer) && WebClient.location(answer).toString()
                    .startsWith(sso.redirectUri)).as("signed in without a login page: " + answer.uri()).isTrue();
        }

        /** Every user of realm dvc: id → username, legacy id, CCCD, verified, linked providers. */
        private Map<String, String> citizens() {
            Map<String, String> state = new TreeMap<>();
            for (JsonNode user : admin.get("/admin/realms/dvc/users?briefRepresentation=false&max=1000")) {
                String id = user.get("id").asText();
                List<String> linked = new ArrayList<>(links(admin, id));
                state.put(id, String.join(" | ", user.get("username").asText(),
                        String.valueOf(attribute(user, "legacy_account_id")), String.valueOf(attribute(user, "cccd")),
                        String.valueOf(attribute(user, "cccd_verified")), String.valueOf(attribute(user, "vneid_linked_at")),
                        linked.toString()));
            }
            return state;
        }
    }
}

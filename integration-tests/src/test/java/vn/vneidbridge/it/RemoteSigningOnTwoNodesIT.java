package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.SmartCaSubscribers;
import vn.vneidbridge.it.support.TestKeycloakCluster;
import vn.vneidbridge.it.support.VneidQrPages;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.remotesigning.Misbehaviour;
import vn.vneidbridge.sandbox.remotesigning.SmartCaStandIn;

/**
 * "Sim ký số" / VNPT SmartCA on a two-node cluster (one PostgreSQL, {@code --cache=ispn}), as behind a balancer that
 * moves a citizen's browser from one node to the other between requests: the waiting page is served by node A, its
 * polls and its finish go to node B. Whatever the node, the request is the same one (the phone's answer, a cancel, a
 * used handle), a poll storm spread over both nodes asks the provider once, and the per-number limit counts requests
 * made on both. Persons 166 and 175-179 of the synthetic population, in the cluster's own database. The nodes take no
 * forwarded address, so all requests count against one address's limit (10 in 10 minutes): this class makes 8 that
 * count.
 */
@ExtendWith(TestKeycloakCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteSigningOnTwoNodesIT {

    private static final String PORTAL = "dvcqg-portal";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestKeycloakCluster.Cluster cluster;
    private SmartCaStandIn phone;
    private CitizenAccounts accounts;

    @BeforeAll
    void cluster(TestKeycloakCluster.Cluster cluster) {
        this.cluster = cluster;
        this.phone = cluster.remoteSigning().standIn();
        this.accounts = new CitizenAccounts(cluster.admin());
    }

    @AfterEach
    void normalPhone() {
        phone.misbehave(Misbehaviour.NONE);
    }

    @AfterAll
    void cleanUp() {
        phone.reset();
        accounts.deleteAll();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String subscribedCitizen(String prefix, SyntheticPerson person) {
        return new SmartCaSubscribers(accounts, phone, cluster.certificates().authority()).subscribed(prefix, person);
    }

    /** A browser whose login starts on node A. */
    private PortalLogin loginOnA() {
        return new PortalLogin(cluster.first(), PORTAL, new WebClient());
    }

    /** The chooser's card "VNPT SmartCA", the number sent: the waiting page, served by the login's node. */
    private static HttpResponse<String> waitingPage(PortalLogin login, String number) {
        HttpResponse<String> chooser = login.open(Map.of());
        Element card = Jsoup.parse(chooser.body()).selectFirst("#dvc-card-remote-signing-0");
        assertThat(card).as("the chooser's card:\n" + chooser.body()).isNotNull();
        HttpResponse<String> start = login.follow(login.web.submit(chooser, "#dvc-card-remote-signing-0-form",
                Map.of("authenticationExecution", card.attr("value")))).page();
        return login.follow(login.web.submit(start, "#vneid-rs-start",
                Map.of("vneidRsNumber", number, "vneidRs", "send"))).page();
    }

    private URI on(KeycloakServer node, String url) {
        return VneidQrPages.onNode(URI.create(url), node);
    }

    /**
     * A form of a page {@code node} did not serve, posted to {@code node} (a balancer switching nodes), and its
     * redirects followed there: back at the portal (the callback), or the page {@code node} shows.
     */
    private PortalLogin.Outcome submitOn(KeycloakServer node, PortalLogin login, HttpResponse<String> page,
                                         String formSelector, Map<String, String> fields) {
        Element form = Jsoup.parse(page.body(), page.uri().toString()).selectFirst(formSelector);
        assertThat(form).as("form " + formSelector + " on:\n" + page.body()).isNotNull();
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            values.put(input.attr("name"), input.val());
        }
        values.putAll(fields);
        HttpResponse<String> end = login.web.followWithin(
                login.web.postForm(on(node, form.absUrl("action")), values), node.baseUri());
        boolean backAtPortal = WebClient.isRedirect(end)
                && WebClient.location(end).toString().startsWith(login.redirectUri);
        return new PortalLogin.Outcome(backAtPortal ? Optional.of(WebClient.location(end)) : Optional.empty(), end);
    }

    /** The waiting page's poll, sent to {@code node}, with the browser's cookies. */
    private JsonNode pollOn(KeycloakServer node, WebClient browser, HttpResponse<String> waiting) {
        Document page = Jsoup.parse(waiting.body(), waiting.uri().toString());
        URI url = on(node, page.select("#vneid-rs-wait").attr("data-status-url"));
        assertThat(url.getPort()).isEqualTo(node.baseUri().getPort());
        HttpResponse<String> answer = browser.get(url);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static String handle(HttpResponse<String> waiting) {
        return Jsoup.parse(waiting.body()).select("input[name=vneidRsHandle]").val();
    }

    private static String refusal(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("#vneid-rs-refused").text();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- journeys --------------------------------------------------------------------------------------------

    @Nested
    class GivenAWaitingPageServedByTheFirstNode {

        @Test
        void thenPollsAndTheFinishOnTheSecondNodeLogTheCitizenIn() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(175);
            String username = subscribedCitizen("rs2-login", person);
            PortalLogin login = loginOnA();
            HttpResponse<String> waiting = waitingPage(login, person.cccd());
            assertThat(waiting.uri().getPort()).as("served by A").isEqualTo(cluster.first().baseUri().getPort());
            assertThat(pollOn(cluster.second(), login.web, waiting).path("status").asText()).as("polled on B")
                    .isEqualTo("pending");

            assertThat(phone.approve(person.cccd())).isTrue();
            JsonNode status = pollOn(cluster.second(), login.web, waiting);
            for (int i = 0; i < 20 && "pending".equals(status.path("status").asText()); i++) {
                sleep(300);
                status = pollOn(cluster.second(), login.web, waiting);
            }
            assertThat(status.path("status").asText()).as("polled on B").isEqualTo("ready");
            long asked = phone.requests();
            assertThat(pollOn(cluster.first(), login.web, waiting).path("status").asText())
                    .as("A knows what B learnt").isEqualTo("ready");
            assertThat(phone.requests()).as("A did not have to ask the provider itself").isEqualTo(asked);

            PortalLogin.Outcome done = submitOn(cluster.second(), login, waiting, "#vneid-rs-form",
                    Map.of("vneidRs", "finish"));
            if (PortalLogin.isLinkNotice(done)) {
                done = submitOn(cluster.second(), login, done.page(), "form:has([name=cancel-aia])",
                        Map.of("cancel-aia", ""));
            }
            JWTClaimsSet claims = login.finish(done);

            assertThat(claims.getSubject()).isEqualTo(accounts.id(username));
            assertThat(claims.getClaim("acr")).isEqualTo("0");
            assertThat(claims.getClaim("amr")).isEqualTo(List.of("mca"));
        }

        @Test
        void thenACancelOnTheFirstNodeIsGoneOnTheSecondAndALateApprovalLogsNobodyIn() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(176);
            subscribedCitizen("rs2-cancel", person);
            PortalLogin login = loginOnA();
            HttpResponse<String> waiting = waitingPage(login, person.cccd());
            assertThat(pollOn(cluster.second(), login.web, waiting).path("status").asText()).as("B sees it waiting")
                    .isEqualTo("pending");

            HttpResponse<String> cancelled = login.follow(login.web.submit(waiting, "#vneid-rs-form",
                    Map.of("vneidRs", "cancel"))).page();
            phone.approve(person.cccd());

            assertThat(cancelled.body()).contains("id=\"vneid-rs-start\"");
            assertThat(pollOn(cluster.second(), login.web, waiting).path("status").asText()).as("polled on B")
                    .isEqualTo("gone");
            PortalLogin.Outcome late = submitOn(cluster.second(), login, cancelled, "#vneid-rs-start",
                    Map.of("vneidRs", "finish", "vneidRsHandle", handle(waiting)));
            assertThat(late.callback()).as("the approval of a cancelled request, finished on B").isEmpty();
            assertThat(late.page().statusCode()).isEqualTo(401);
        }

        @Test
        void thenAHandleTakenOnTheFirstNodeIsUsedOnTheSecond() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(177);
            subscribedCitizen("rs2-used", person);
            phone.misbehave(Misbehaviour.SIGN_OTHER_HASH);
            PortalLogin login = loginOnA();
            HttpResponse<String> waiting = waitingPage(login, person.cccd());
            phone.approve(person.cccd());

            PortalLogin.Outcome onA = login.follow(login.web.submit(waiting, "#vneid-rs-form",
                    Map.of("vneidRs", "finish")));
            PortalLogin.Outcome onB = submitOn(cluster.second(), login, onA.page(), "#vneid-rs-again",
                    Map.of("vneidRs", "finish", "vneidRsHandle", handle(waiting)));

            assertThat(onA.callback()).isEmpty();
            assertThat(onA.page().statusCode()).isEqualTo(401);
            assertThat(refusal(onA.page())).contains("Chữ ký nhận được không khớp");
            assertThat(onB.callback()).isEmpty();
            assertThat(onB.page().statusCode()).as(onB.page().body()).isEqualTo(409);
            assertThat(refusal(onB.page())).contains("đã được dùng");
        }
    }

    @Nested
    class GivenAnAttackerSpreadingRequestsOverBothNodes {

        @Test
        void thenTenPollsAtOnceHalfOnEachNodeAskTheProviderOnce() throws Exception {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(178);
            subscribedCitizen("rs2-polls", person);
            PortalLogin login = loginOnA();
            HttpResponse<String> waiting = waitingPage(login, person.cccd());
            long before = phone.requests();
            long started = System.nanoTime();

            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<JsonNode>> polls = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    KeycloakServer node = i % 2 == 0 ? cluster.first() : cluster.second();
                    polls.add(pool.submit(() -> pollOn(node, login.web, waiting)));
                }
                for (Future<JsonNode> poll : polls) {
                    assertThat(poll.get().path("status").asText()).isEqualTo("pending");
                }
            } finally {
                pool.shutdownNow();
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            // one call every 2 s for the whole cluster: one, unless the ten took longer than that
            assertThat(phone.requests() - before).as("provider calls for ten polls on two nodes in " + seconds + " s")
                    .isBetween(1L, 1 + seconds / 2);
        }

        @Test
        void thenTheLimitPerNumberCountsTheRequestsMadeOnBothNodes() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(179);
            subscribedCitizen("rs2-limit", person);
            for (KeycloakServer node : List.of(cluster.first(), cluster.second(), cluster.first())) {
                PortalLogin login = new PortalLogin(node, PORTAL, new WebClient());
                assertThat(Jsoup.parse(waitingPage(login, person.cccd()).body()).select("#vneid-rs-code").text())
                        .as("a request on " + node.baseUri()).matches("\\d{4}");
            }
            long calls = phone.requests();
            PortalLogin login = new PortalLogin(cluster.second(), PORTAL, new WebClient());

            HttpResponse<String> fourth = waitingPage(login, person.cccd());

            assertThat(fourth.statusCode()).as("the fourth request, on B").isEqualTo(429);
            assertThat(refusal(fourth)).contains("quá nhiều yêu cầu");
            assertThat(phone.requests()).as("the provider was not asked").isEqualTo(calls);
            // the number's limit, not the address's: another citizen's number still goes through on B
            SyntheticPerson other = LegacyFixtures.syntheticPerson(166);
            subscribedCitizen("rs2-other", other);
            PortalLogin another = new PortalLogin(cluster.second(), PORTAL, new WebClient());
            assertThat(Jsoup.parse(waitingPage(another, other.cccd()).body()).select("#vneid-rs-code").text())
                    .matches("\\d{4}");
        }
    }
}

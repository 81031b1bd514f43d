package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloakCluster;
import vn.vneidbridge.it.support.VneidQrPages;
import vn.vneidbridge.it.support.VneidQrPages.App;
import vn.vneidbridge.it.support.VneidQrPages.WaitingPage;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.it.support.WebClient;

/**
 * QR login on a two-node cluster (one PostgreSQL, {@code --cache=ispn}), as behind a balancer that sends the
 * citizen's browser to node A and her phone's app to node B: the login page and its polling are served by A, the
 * QR's URL is opened, logged in and confirmed on B, and the waiting page on A then logs her in. A QR used through
 * one node is gone on the other.
 */
@ExtendWith(TestKeycloakCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidQrLoginOnTwoNodesIT {

    private TestKeycloakCluster.Cluster cluster;
    private AdminApi admin;
    private String citizen;

    @BeforeAll
    void cluster(TestKeycloakCluster.Cluster cluster) {
        this.cluster = cluster;
        this.admin = cluster.admin();
        // the stand-in VNeID (and so the login page with the QR) is reached on the first node
        VneidStandIn.pointDvcAt(cluster.first(), admin);
        citizen = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(117), 2);
    }

    @AfterAll
    void deleteAccounts() {
        for (JsonNode user : VneidUsers.createdFor(admin, citizen)) {
            admin.deleteUser("dvc", user.get("id").asText());
        }
        for (JsonNode user : admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + citizen)) {
            admin.deleteUser("vneid-sandbox", user.get("id").asText());
        }
    }

    private URI onB(URI uri) {
        return VneidQrPages.onNode(uri, cluster.second());
    }

    /** A waiting page on node A whose QR was confirmed in the app on node B. */
    private WaitingPage confirmedOnB(App app) {
        WaitingPage browser = new WaitingPage(cluster.first());
        assertThat(browser.page.uri().getPort()).as("the login page is served by A").isEqualTo(cluster.first().baseUri().getPort());
        URI qrOnB = onB(browser.qrUrl());
        assertThat(qrOnB.getPort()).isEqualTo(cluster.second().baseUri().getPort());
        app.open(qrOnB);
        assertThat(app.view()).isEqualTo("LOGIN");
        app.logIn(citizen, VneidStandIn.PASSWORD);
        assertThat(app.view()).isEqualTo("CONFIRM");
        assertThat(browser.status().get("inApp").asBoolean()).as("A sees the app login made on B").isTrue();
        app.answer("confirm");
        assertThat(app.view()).isEqualTo("ANSWERED");
        assertThat(app.page.uri().getPort()).as("the app's answer went to B").isEqualTo(cluster.second().baseUri().getPort());
        return browser;
    }

    @Nested
    class GivenTheAppConfirmsOnTheOtherNode {

        @Test
        void thenTheWaitingPageOnTheFirstNodeLogsTheCitizenIn() {
            WaitingPage browser = confirmedOnB(new App());

            assertThat(browser.status().get("status").asText()).as("polled on A").isEqualTo("confirmed");
            PortalLogin.Outcome done = browser.submitQr(browser.handle());

            JWTClaimsSet claims = browser.login.finish(done);
            assertThat(claims.getClaim("cccd")).isEqualTo(citizen);
            assertThat(claims.getClaim("acr")).isEqualTo("2");
        }
    }

    @Nested
    class GivenAQrUsedThroughTheFirstNode {

        @Test
        void thenItCannotBeUsedAgainOnTheSecondNode() {
            WaitingPage browser = confirmedOnB(new App());
            URI qrOnB = onB(browser.qrUrl());
            assertThat(browser.submitQr(browser.handle()).callback()).as("used on A").isPresent();

            assertThat(browser.status(onB(browser.statusUrl())).get("status").asText()).as("polled on B")
                    .isEqualTo("used");
            assertThat(browser.status().get("status").asText()).as("polled on A").isEqualTo("used");
            App again = new App().open(qrOnB);
            assertThat(again.view()).as("the QR opened again on B").isEqualTo("GONE");
            assertThat(again.text()).contains("không còn hiệu lực");
        }

        @Test
        void thenTheSecondNodeDoesNotAcceptItsHandleAgain() {
            WaitingPage browser = confirmedOnB(new App());
            String handle = browser.handle();
            assertThat(browser.submitQr(handle).callback()).as("used on A").isPresent();

            // the same login page's post, replayed to node B (a balancer switching nodes)
            HttpResponse<String> replay = browser.login.web.postForm(onB(URI.create(
                    browser.document.select("#vneid-qr-form").first().absUrl("action"))),
                    java.util.Map.of("vneid_qr_handle", handle));
            HttpResponse<String> end = browser.login.web.followWithin(replay, cluster.second().baseUri());
            boolean backAtPortal = WebClient.isRedirect(end)
                    && WebClient.location(end).toString().startsWith(browser.login.redirectUri);
            assertThat(backAtPortal).as("the replay on B logs nobody in: " + end.statusCode() + " " + end.body())
                    .isFalse();
        }
    }
}

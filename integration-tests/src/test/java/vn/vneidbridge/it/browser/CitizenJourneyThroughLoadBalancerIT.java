package vn.vneidbridge.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.TestCluster;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * The seeds' journey in a real browser against the cluster command's deployment: the demo portal, every Keycloak
 * page over HTTPS through HAProxy (the cluster's certificate checked against its generated authority), two nodes
 * behind it. Pages are captured and scanned with axe-core like the other journeys
 * ({@code target/screenshots/cluster-tothinga/}).
 */
@ExtendWith(TestCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenJourneyThroughLoadBalancerIT {

    private static final String PORTAL = "dvcqg-portal";
    private static final String NGA = "052189000123";

    private TestCluster.LoadBalancedCluster lb;

    @BeforeAll
    void cluster(TestCluster.LoadBalancedCluster lb) {
        this.lb = lb;
    }

    @Nested
    class GivenToThiNgaAtTheDemoPortalInFrontOfTheCluster {

        @Test
        void thenSheGoesFromHerPortalAccountThroughTheCccdFormToVneidOverHttpsAndIsLinked() {
            LinkFixtures fixtures = new LinkFixtures(lb.admin());
            fixtures.forget(LegacyPersonas.TOTHINGA);
            fixtures.forget(NGA);
            try (Browser browser = BrowserSupport.open("cluster-tothinga", lb.cluster().tls().caPem())) {
                DemoPortalPage home = new DemoPortalPage(browser, lb.cluster().portal().baseUri()).open();
                LoginPages dvc = new LoginPages(browser);
                VneidStandInPages vneid = new VneidStandInPages(browser);

                home.logIn(PORTAL);
                dvc.awaitChooser();
                URI chooser = URI.create(browser.driver().getCurrentUrl());
                assertThat(chooser.getScheme() + "://" + chooser.getAuthority())
                        .as("Keycloak's pages come through HAProxy over HTTPS").isEqualTo(lb.publicUri().toString());
                browser.capture("chooser");
                dvc.choosePortalAccount();
                dvc.logIn(LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);

                dvc.awaitCccdForm();
                assertThat(dvc.shownCmnd()).isEqualTo("164438056");
                browser.capture("cccd-form");
                dvc.updateCccd(NGA);

                browser.await("#dvc-link-notice-form");
                browser.capture("link-notice");
                browser.find("#kc-continue").click();

                vneid.awaitLogin();
                assertThat(browser.driver().getCurrentUrl()).startsWith(lb.publicUri() + "/realms/vneid-sandbox/");
                browser.captureStandIn("vneid-login");
                vneid.logIn(NGA);
                vneid.awaitOtp();
                vneid.enterOtp();

                home.awaitLoggedIn();
                assertThat(home.claim("legacy_account_id")).as("VNeID brought her to her portal account")
                        .isEqualTo(LegacyPersonas.TOTHINGA_ID);
                assertThat(home.claim("cccd")).isEqualTo(NGA);
                browser.capture("portal-linked");
            } finally {
                fixtures.forget(LegacyPersonas.TOTHINGA);
            }
        }
    }
}

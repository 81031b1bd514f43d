package vn.vneidbridge.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.CertificateLoginConnection;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * "Usb ký số" in a real browser: Chromium with the token's certificate in its NSS database presents it to the test
 * server's HTTPS listener (a managed policy picks it, as the citizen does in the browser's picker); the citizen sees
 * the confirmation page, presses "Đăng nhập", skips the linking notice and lands at the portal's callback with a code.
 * A revoked token gets its page. Each page is photographed and scanned with axe. Without NSS's tools or root (the
 * managed policy), the journey is skipped and says why; .ci/run installs the tools.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateLoginJourneyIT {

    private SandboxCertificateAuthority ca;
    private CitizenAccounts accounts;
    private URI https;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin, CertificateLoginConnection certificates) {
        this.ca = certificates.authority();
        this.accounts = new CitizenAccounts(admin);
        this.https = URI.create("https://localhost:" + keycloak.config().runtimeOptions().get("https-port"));
    }

    @AfterAll
    void cleanUp() {
        accounts.deleteAll();
    }

    private String authorizationUrl(PortalLogin login) {
        return login.authorizationUri(login.parameters()).toString();
    }

    @Test
    void thenTheCitizenConfirmsTheCertificateTheBrowserPresentedAndLandsAtThePortal() {
        Assumptions.assumeTrue(BrowserSupport.tokenBrowserMissing().isEmpty(),
                () -> "no browser with a token here: " + BrowserSupport.tokenBrowserMissing().orElse(""));
        SyntheticPerson person = LegacyFixtures.syntheticPerson(134);
        accounts.create("cert-browser", person, Map.of("cccd", person.cccd(), "cccd_verified", "true",
                "cccd_verified_source", "vneid"));
        String holder = person.fullName().toUpperCase(Locale.ROOT);
        PortalLogin login = new PortalLogin(https, "dvcqg-portal", new WebClient());
        try (Browser browser = BrowserSupport.withToken("certificate-login", ca.issue(holder, "CCCD:" + person.cccd()),
                ca.root(), https)) {
            browser.open(authorizationUrl(login));

            browser.await("#vneid-cert-login");
            assertThat(browser.find("#vneid-cert-holder").getText()).isEqualTo(holder);
            assertThat(browser.has("#try-another-way")).as("one way back, the page's own").isFalse();
            browser.capture("01-confirmation");
            browser.find("#vneid-cert-login").click();
            browser.await("[name=cancel-aia]");
            browser.capture("02-link-notice");
            browser.find("[name=cancel-aia]").click();

            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                    .until(driver -> driver.getCurrentUrl().startsWith(login.redirectUri));
            Map<String, String> answer = WebClient.query(URI.create(browser.driver().getCurrentUrl()));
            assertThat(answer.get("state")).isEqualTo(login.state);
            assertThat(answer.get("code")).as("the portal's code").isNotBlank();
        }
    }

    @Test
    void thenARevokedTokenGetsItsPageAndTheWayToAnotherLoginMeans() {
        Assumptions.assumeTrue(BrowserSupport.tokenBrowserMissing().isEmpty(),
                () -> "no browser with a token here: " + BrowserSupport.tokenBrowserMissing().orElse(""));
        PortalLogin login = new PortalLogin(https, "dvcqg-portal", new WebClient());
        try (Browser browser = BrowserSupport.withToken("certificate-login-revoked",
                vn.vneidbridge.it.support.TokenBrowsers.load(ca.file("an-revoked.p12")), ca.root(), https)) {
            browser.open(authorizationUrl(login));

            browser.await("#vneid-cert-refused");
            assertThat(browser.find("#vneid-cert-refused").getText()).contains("đã bị thu hồi");
            browser.capture("01-revoked");
            browser.find("#vneid-cert-other").click();
            browser.await("#kc-form-login");
            assertThat(browser.has("#dvc-login-tab-certificate")).isTrue();
        }
    }
}

package vn.vneidbridge.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.CertificateLoginConnection;
import vn.vneidbridge.sandbox.RemoteSigningConnection;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.remotesigning.SmartCaStandIn;

/**
 * VNPT SmartCA in a real browser: the chooser's card, the number, the waiting page with its code and countdown; the
 * phone (the stand-in) approves, the page's own poll notices and goes on without a click; the citizen skips the
 * linking notice and lands at the portal's callback with a code. Each page is photographed and scanned with axe.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteSigningJourneyIT {

    private KeycloakServer keycloak;
    private SmartCaStandIn phone;
    private CertificateLoginConnection certificates;
    private CitizenAccounts accounts;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin, CertificateLoginConnection certificates,
                RemoteSigningConnection remoteSigning) {
        this.keycloak = keycloak;
        this.certificates = certificates;
        this.phone = remoteSigning.standIn();
        this.accounts = new CitizenAccounts(admin);
    }

    @AfterAll
    void cleanUp() {
        accounts.deleteAll();
    }

    @Test
    void thenTheCitizenApprovesOnThePhoneAndThePageGoesOnByItselfToThePortal() {
        SyntheticPerson person = LegacyFixtures.syntheticPerson(163);
        accounts.create("rs-browser", person, Map.of("cccd", person.cccd(), "cccd_verified", "true",
                "cccd_verified_source", "vneid"));
        phone.subscribe(person.cccd(), certificates.authority().issue(person.fullName().toUpperCase(Locale.ROOT),
                "CCCD:" + person.cccd()));
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal", new WebClient());
        try (Browser browser = BrowserSupport.open("remote-signing")) {
            browser.open(login.authorizationUri(login.parameters()).toString());
            browser.await("#dvc-card-remote-signing-0");
            browser.find("#dvc-card-remote-signing-0").click();

            browser.await("#vneidRsNumber");
            browser.capture("start");
            browser.type("#vneidRsNumber", person.cccd());
            browser.find("#vneid-rs-send").click();

            browser.await("#vneid-rs-code");
            assertThat(browser.find("#vneid-rs-code").getText()).isEqualTo(phone.lastDocId(person.cccd()));
            assertThat(browser.has("#try-another-way")).as("the page's own ways back only").isFalse();
            browser.capture("waiting");
            assertThat(phone.approve(person.cccd())).isTrue();

            browser.await("[name=cancel-aia]");
            browser.find("[name=cancel-aia]").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(driver -> driver.getCurrentUrl().startsWith(login.redirectUri));
            Map<String, String> answer = WebClient.query(URI.create(browser.driver().getCurrentUrl()));
            assertThat(answer.get("state")).isEqualTo(login.state);
            assertThat(answer.get("code")).as("the portal's code").isNotBlank();
        }
    }
}

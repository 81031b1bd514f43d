package vn.vneidbridge.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.OutputType;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.portal.DemoPortal;
import vn.vneidbridge.sandbox.portal.DemoPortalConfig;

/**
 * QR login at the stand-in VNeID in real browsers: the citizen's browser shows the QR beside the id-number form;
 * the test reads the QR off the page with a real QR reader (ZXing: a screenshot of the image in Chromium, the
 * image's PNG in HtmlUnit), opens what it says in a second browser (the "VNeID app" stand-in), logs in and
 * confirms; the first browser goes on by itself to the portal as that citizen. No back door: only what a person
 * sees on the two screens.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidQrLoginJourneyIT {

    private static final String PORTAL = "dvcqg-portal";

    private AdminApi admin;
    private DemoPortal portal;
    private String citizen;

    @BeforeAll
    void start(KeycloakServer keycloak, AdminApi admin) throws Exception {
        this.admin = admin;
        JsonNode idp = admin.get("/admin/realms/dvc/identity-provider/instances/vneid");
        ((ObjectNode) idp.get("config")).put("sandboxIssuer", keycloak.realmUri("vneid-sandbox").toString());
        HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/identity-provider/instances/vneid",
                new ObjectMapper().convertValue(idp, Map.class));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        citizen = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(114), 2);
        portal = DemoPortal.start(DemoPortalConfig.sandbox("127.0.0.1", TestKeycloak.freePort(), keycloak.baseUri()));
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
        for (JsonNode user : VneidUsers.createdFor(admin, citizen)) {
            admin.deleteUser("dvc", user.get("id").asText());
        }
        for (JsonNode user : admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + citizen)) {
            admin.deleteUser("vneid-sandbox", user.get("id").asText());
        }
    }

    @Nested
    class GivenACitizenWhoScansTheQrWithTheApp {

        @Test
        void thenTheWaitingBrowserReachesThePortalAsHerAfterSheConfirms() {
            try (Browser browser = BrowserSupport.open("qr-login");
                    Browser phone = BrowserSupport.open("qr-login-app")) {
                DemoPortalPage home = new DemoPortalPage(browser, URI.create(portal.baseUri() + "/")).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().chooseProvider("vneid");

                new VneidStandInPages(browser).awaitLogin();
                browser.await("#vneid-qr-image");
                assertThat(browser.find("#vneid-qr-instruction").getText())
                        .isEqualTo("Hoặc quét mã QR bằng ứng dụng VNeID để đăng nhập.");
                assertThat(browser.find("#vneid-qr-countdown").getText()).matches("Mã QR còn hiệu lực \\d+ giây");
                browser.captureStandIn("vneid-login-qr");
                String scanned = scan(browser);
                assertThat(scanned).as("the QR holds the app's address").contains("/realms/vneid-sandbox/vneid-app/qr/");

                phone.open(scanned);
                phone.await("#vneid-app-login");
                assertThat(phone.find("#vneid-app-client").getText()).contains("Dịch vụ đề nghị đăng nhập:");
                phone.captureStandIn("app-login");
                phone.type("#vneid-app-username", citizen);
                phone.type("#vneid-app-password", VneidStandIn.PASSWORD);
                phone.find("#vneid-app-login-submit").click();
                phone.await("#vneid-app-confirm");
                assertThat(phone.text()).contains("Xác nhận đăng nhập", "Từ chối");
                phone.captureStandIn("app-confirm");
                phone.find("#vneid-app-confirm").click();
                phone.await("#vneid-app-result");
                assertThat(phone.text()).contains("Đã xác nhận đăng nhập");
                phone.captureStandIn("app-confirmed");

                // nothing typed in the first browser: its page polls, sees "confirmed" and goes on by itself
                home.awaitLoggedIn();
                assertThat(home.claim("cccd")).isEqualTo(citizen);
                assertThat(home.claim("acr")).isEqualTo("2");
                browser.capture("portal-after-qr");
            }
        }
    }

    /**
     * Reads the QR code shown on the page, as a phone's camera would: it keeps looking for a few seconds (right after
     * the page's accessibility capture the page is laid out again at desktop width, and a screenshot taken then once
     * held no readable code).
     */
    private static String scan(Browser browser) {
        AssertionError unreadable = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return scanOnce(browser);
            } catch (AssertionError e) {
                unreadable = e;
                try {
                    Thread.sleep(300);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw unreadable;
    }

    private static String scanOnce(Browser browser) {
        byte[] png;
        if (browser.isChromium()) {
            png = browser.find("#vneid-qr-image").getScreenshotAs(OutputType.BYTES);
        } else {
            String src = browser.find("#vneid-qr-image").getAttribute("src");
            assertThat(src).startsWith("data:image/png;base64,");
            png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            return new QRCodeReader().decode(bitmap).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code on the page", e);
        }
    }
}

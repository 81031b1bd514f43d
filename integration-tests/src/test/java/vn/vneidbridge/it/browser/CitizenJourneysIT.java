package vn.vneidbridge.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CutoffSettings;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.portal.DemoPortal;
import vn.vneidbridge.sandbox.portal.DemoPortalConfig;

/**
 * The personas' journeys of the sandbox in a real browser, from the demo portal: every page of realm {@code dvc}
 * and of the stand-in VNeID is captured at desktop and phone width and scanned with axe-core (WCAG 2.1 AA, no
 * serious or critical violation). Each journey starts from the persona's seeded state (the Keycloak user a previous
 * test may have imported, linked or verified is removed first, the legacy row brings it back) and leaves it so.
 * Screenshots: {@code integration-tests/target/screenshots/<journey>/<nn>-<page>-<desktop|phone>.png}.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenJourneysIT {

    private static final String PORTAL = "dvcqg-portal";
    private static final String NGA = "052189000123";
    private static final String AN = "001090001234";
    private static final String HOA = "079195004567";
    private static final String BINH = "042085007890";
    /** Công ty TNHH ABC's tax code: in the legacy row of congtyabc, the business registry and the stand-in VNeID. */
    private static final String ABC_TAX_CODE = "0312345673";
    private static final String DATE = "\\d{2}/\\d{2}/\\d{4}";
    private static final String REVIEW = "/admin/realms/dvc/vneid-bridge/review-entries";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private DemoPortal portal;

    @BeforeAll
    void start(KeycloakServer keycloak, AdminApi admin) throws Exception {
        this.keycloak = keycloak;
        this.admin = admin;
        JsonNode idp = admin.get("/admin/realms/dvc/identity-provider/instances/vneid");
        ((ObjectNode) idp.get("config")).put("sandboxIssuer", keycloak.realmUri("vneid-sandbox").toString());
        HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/identity-provider/instances/vneid",
                new ObjectMapper().convertValue(idp, Map.class));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        portal = DemoPortal.start(DemoPortalConfig.sandbox("127.0.0.1", TestKeycloak.freePort(), keycloak.baseUri()));
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Nested
    class GivenToThiNgaWithAPortalAccountAndNoCccd {

        @Test
        void thenSheGoesFromTheChooserThroughTheCccdFormToVneidAndSeesHerLinkedAccount() {
            forget(LegacyPersonas.TOTHINGA);
            try (Browser browser = BrowserSupport.open("tothinga")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                VneidStandInPages vneid = new VneidStandInPages(browser);

                home.logIn(PORTAL);
                dvc.awaitChooser();
                assertThat(dvc.headerName()).isEqualTo("CỔNG DỊCH VỤ CÔNG QUỐC GIA");
                assertThat(dvc.cardTitles()).containsExactly("Tài khoản cấp bởi Cổng dịch vụ công quốc gia",
                        "Tài khoản Định danh điện tử cấp bởi Bộ Công an", "Tài khoản cấp bởi Bưu điện Việt Nam",
                        "VNPT SmartCA");
                assertThat(dvc.cardNote("vneid")).isEqualTo("Chưa áp dụng với tài khoản quản trị của Cổng DVCQG");
                assertThat(dvc.notice()).contains("THÔNG BÁO TỪ HỆ THỐNG", "05/09/2022", "01/07/2024", "Bước 1:", "Bước 2:");
                browser.capture("chooser");

                dvc.choosePortalAccount();
                browser.capture("legacy-form");
                dvc.logIn(LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);

                dvc.awaitCccdForm();
                assertThat(dvc.shownCmnd()).isEqualTo("164438056");
                assertThat(browser.text()).contains("Cập nhật thông tin từ CSDL dân cư", "Bỏ qua", "Cập nhật");
                browser.capture("cccd-form");
                dvc.updateCccd(NGA);

                // the linking notice after a verified CCCD (seed 003): "Đăng nhập bằng VNeID" links this account
                browser.await("#dvc-link-notice-form");
                assertThat(browser.text()).contains("THÔNG BÁO TỪ HỆ THỐNG", "Nghị định số 59/2022/NĐ-CP", "01/07/2024",
                        "Yêu cầu:", "Đăng nhập bằng VNeID", "Bỏ qua");
                browser.capture("link-notice");
                browser.find("#kc-continue").click();

                vneid.awaitLogin();
                browser.captureStandIn("vneid-login");
                vneid.logIn(NGA);
                vneid.awaitOtp();
                browser.captureStandIn("vneid-otp");
                vneid.enterOtp();

                home.awaitLoggedIn();
                assertThat(home.claim("legacy_account_id")).as("VNeID brought her to her portal account")
                        .isEqualTo(LegacyPersonas.TOTHINGA_ID);
                assertThat(home.claim("cccd")).isEqualTo(NGA);
                browser.capture("portal-linked");

                home.logInWith(PORTAL, "kc_action=vneid-identity-info");
                dvc.awaitIdentityPage();
                assertThat(dvc.identityValue("vneidIdentityFullName")).isEqualTo("Tô Thị Nga");
                assertThat(dvc.identityValue("vneidIdentityCccd")).isEqualTo(NGA);
                assertThat(dvc.identityVerified("vneidIdentityCccd")).isEqualTo("✓");
                assertThat(dvc.identityValue("vneidIdentityBirthdate")).isEqualTo("15/03/1989").matches(DATE);
                assertThat(browser.find("#vneid-linked-accounts").getText()).contains("Danh sách tài khoản liên kết",
                        "Tài khoản liên kết: " + NGA, "Tài khoản định danh điện tử cấp bởi Bộ Công an",
                        "Ngày liên kết: " + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                // the ten rows of seed 002; the phone VNeID vouched for is verified, the places not yet given
                assertThat(dvc.identityRowLabels()).containsExactly("Họ tên", "Số CMT (9 số)", "Số CMT/CCCD (12 số)",
                        "Ngày sinh", "Số điện thoại", "Giới tính", "Nơi sinh", "Email", "Quê quán",
                        "Địa chỉ thường trú");
                assertThat(dvc.identityVerified("vneidIdentityPhone")).isEqualTo("✓");
                assertThat(dvc.identityVerified("vneidIdentityHomeTown")).isEqualTo("✗");
                assertThat(dvc.identityValue("vneidIdentityHomeTown")).isEmpty();
                browser.capture("identity");

                dvc.refreshIdentity();
                assertThat(dvc.message()).contains("Đã cập nhật thông tin từ Cơ sở dữ liệu Quốc gia về Dân cư");
                assertThat(dvc.identityChanged()).contains("Nơi sinh", "Quê quán", "Địa chỉ thường trú")
                        .doesNotContain("Họ tên", "Ngày sinh");
                for (String place : List.of("vneidIdentityPlaceOfBirth", "vneidIdentityHomeTown",
                        "vneidIdentityPermanentAddress")) {
                    assertThat(dvc.identityValue(place)).as(place).contains("Bình Định");
                    assertThat(dvc.identityVerified(place)).as(place).isEqualTo("✓");
                }
                assertThat(dvc.identityVerified("vneidIdentityEmail")).isEqualTo("✗");
                assertThat(dvc.identityRowLabels()).hasSize(10);
                browser.capture("identity-updated");

                // "Sửa": her e-mail and phone, nothing verified
                dvc.editIdentity();
                assertThat(browser.has("#vneid-identity-edit-form input[name=cccd]")).isFalse();
                browser.capture("identity-edit");
                dvc.saveContactDetails("nga.moi@example.vn", "0912000444");
                assertThat(dvc.message()).contains("Đã lưu thông tin liên hệ");
                assertThat(dvc.identityValue("vneidIdentityEmail")).isEqualTo("nga.moi@example.vn");
                assertThat(dvc.identityValue("vneidIdentityPhone")).isEqualTo("0912000444");
                assertThat(dvc.identityVerified("vneidIdentityFullName")).isEqualTo("✓");
                browser.capture("identity-edited");
                dvc.leaveIdentityPage();
                home.awaitLoggedIn();
            } finally {
                forget(LegacyPersonas.TOTHINGA);
            }
        }

        @Test
        void thenGoingStraightToVneidSheConfirmsHerPortalAccountWithItsPasswordAndItIsLinked() {
            forget(LegacyPersonas.TOTHINGA);
            forget(NGA);
            try (Browser browser = BrowserSupport.open("tothinga-vneid-first")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                VneidStandInPages vneid = new VneidStandInPages(browser);

                home.logIn(PORTAL);
                dvc.awaitChooser();
                dvc.chooseProvider("vneid");
                vneid.awaitLogin();
                vneid.logIn(NGA);
                vneid.awaitOtp();
                vneid.enterOtp();

                // her portal account knows her only by the CMND the population database gives for her CCCD
                browser.await("#vneid-link-confirm-form");
                assertThat(browser.text()).contains("Xác nhận tài khoản cổng dịch vụ công", "Xác nhận và liên kết",
                        "Không phải tài khoản của tôi");
                assertThat(browser.find("#username").getAttribute("value")).isEqualTo(LegacyPersonas.TOTHINGA);
                browser.capture("link-confirm");
                browser.type("#password", "Sai@" + LegacyPersonas.PASSWORD);
                browser.find("#vneid-link-confirm-submit").click();
                browser.await("#dvc-message");
                assertThat(dvc.message()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
                browser.capture("link-confirm-wrong-password");
                browser.type("#password", LegacyPersonas.PASSWORD);
                browser.find("#vneid-link-confirm-submit").click();

                home.awaitLoggedIn();
                assertThat(home.claim("legacy_account_id")).as("VNeID brought her to her portal account")
                        .isEqualTo(LegacyPersonas.TOTHINGA_ID);
                assertThat(home.claim("cccd")).as("verified on the way").isEqualTo(NGA);
                browser.capture("portal-linked-after-confirm");
            } finally {
                forget(LegacyPersonas.TOTHINGA);
                forget(NGA);
            }
        }
    }

    @Nested
    class GivenNguyenVanAnWhosePortalAccountHasHisVerifiedCccd {

        @Test
        void thenVneidLogsHimInAsTheSameUserAsHisPortalAccount() {
            forget(LegacyPersonas.NGUYENVANAN);
            try (Browser browser = BrowserSupport.open("nguyenvanan")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyPersonas.NGUYENVANAN, LegacyPersonas.PASSWORD);
                // his CCCD is verified and not linked yet: the notice; he skips it ("Bỏ qua") and links later
                browser.await("#dvc-link-notice-form");
                browser.find("#kc-cancel").click();
                home.awaitLoggedIn();
                String legacySubject = home.claim("sub");
                home.logOut();

                home.logIn(PORTAL);
                dvc.awaitChooser().chooseProvider("vneid");
                VneidStandInPages vneid = new VneidStandInPages(browser).awaitLogin();
                vneid.logIn(AN);
                vneid.awaitOtp().enterOtp();

                // before anything is linked, VNeID's holder is shown the account (masked) and says it is his
                browser.await("#vneid-shown-account-form");
                assertThat(browser.text()).contains("ng*******an", "Đây là tài khoản của tôi")
                        .doesNotContain("Nguyễn Văn An");
                browser.capture("shown-account");
                browser.find("#vneid-shown-account-mine").click();

                home.awaitLoggedIn();
                assertThat(home.claim("sub")).as("the same user through either door").isEqualTo(legacySubject);
                assertThat(home.claim("legacy_account_id")).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
                browser.capture("portal-linked");

                // right after a VNeID login, "Hủy liên kết" on the identity page only asks for a confirmation
                home.logInWith(PORTAL, "kc_action=vneid-identity-info");
                dvc.awaitIdentityPage();
                browser.find("#vneid-unlink-0").click();
                browser.await("#vneid-unlink-confirm-form");
                assertThat(browser.text()).contains(AN, "Xác nhận hủy liên kết");
                browser.capture("unlink-confirm");
                browser.find("#vneid-unlink-confirm").click();
                browser.await("#vneid-linked-none");
                assertThat(dvc.message()).contains("Đã hủy liên kết tài khoản VNeID");
                browser.capture("unlinked");
                dvc.leaveIdentityPage();
                home.awaitLoggedIn();
            } finally {
                forget(LegacyPersonas.NGUYENVANAN);
            }
        }
    }

    @Nested
    class GivenLeThiHoaWithALevel1VneidAccountAndNoPortalAccount {

        @Test
        void thenALevel2ServiceRefusesHerAndAnOrdinaryLoginCreatesHerUser() {
            forget(HOA);
            try (Browser browser = BrowserSupport.open("lethihoa")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                VneidStandInPages vneid = new VneidStandInPages(browser);

                // the criminal-record service's minimum is VNeID level 2: straight to VNeID, no portal-account form
                home.logIn("dvc-lylichtuphap-web");
                vneid.awaitLogin().logIn(HOA);
                vneid.awaitOtp().enterOtp();
                browser.await("#kc-info-message");
                assertThat(browser.find("#kc-info-message").getText()).as("the refusal is explained").contains(
                        "Tài khoản VNeID của bạn ở mức độ 1; dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2");
                browser.capture("level-too-low");
                browser.find("#kc-info-message a").click();
                browser.await("#message");
                assertThat(browser.find("#message").getText()).as("the portal got the error and says why")
                        .contains("mức cao hơn");

                new DemoPortalPage(browser, home()).open().logInWithVneid(PORTAL);
                String where = browser.awaitAny("#kc-form-login", "#vneid-sandbox-otp-form", "#claims");
                if (where.equals("#kc-form-login")) {
                    vneid.logIn(HOA);
                    where = browser.awaitAny("#vneid-sandbox-otp-form", "#claims");
                }
                if (where.equals("#vneid-sandbox-otp-form")) {
                    vneid.enterOtp();
                }
                home.awaitLoggedIn();
                assertThat(home.claim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, HOA));
                assertThat(home.claim("full_name")).isEqualTo("Lê Thị Hoa");
                assertThat(home.claim("acr")).isEqualTo("1");
                browser.capture("portal-created");
                assertThat(dvc).isNotNull();
            } finally {
                forget(HOA);
            }
        }
    }

    @Nested
    class GivenLeThiHoaAndANamesakeWhoTypedHerNumber {

        @Test
        void thenHoaIsShownTheNamesakesAccountSaysItIsNotHersAndGetsHerOwnUser() {
            forget(LegacyPersonas.HOA_LE95);
            forget(HOA);
            try (Browser namesakeBrowser = BrowserSupport.open("namesake-hoa-le95")) {
                // the namesake (same name, birth date and gender) types Hoa's number on her own portal account
                DemoPortalPage home = new DemoPortalPage(namesakeBrowser, home()).open();
                LoginPages dvc = new LoginPages(namesakeBrowser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyPersonas.HOA_LE95, LegacyPersonas.PASSWORD);
                dvc.awaitCccdForm();
                dvc.updateCccd(HOA);
                namesakeBrowser.await("#dvc-link-notice-form");
                namesakeBrowser.find("#kc-cancel").click();
                home.awaitLoggedIn();
                String namesakeSubject = home.claim("sub");
                home.logOut();

                try (Browser browser = BrowserSupport.open("lethihoa-namesake")) {
                    DemoPortalPage hoasHome = new DemoPortalPage(browser, home()).open();
                    VneidStandInPages vneid = new VneidStandInPages(browser);
                    hoasHome.logInWithVneid(PORTAL);
                    vneid.awaitLogin().logIn(HOA);
                    vneid.awaitOtp().enterOtp();

                    browser.await("#vneid-shown-account-form");
                    assertThat(browser.text()).contains("Tài khoản Cổng dịch vụ công có số định danh của bạn",
                            "ho****95", "Công dân", "Không phải tài khoản của tôi")
                            .doesNotContain(LegacyPersonas.HOA_LE95, "20/11/1995");
                    browser.capture("shown-namesake-account");
                    browser.find("#vneid-shown-account-not-mine").click();

                    hoasHome.awaitLoggedIn();
                    assertThat(hoasHome.claim("sub")).as("her own user, not the namesake's").isNotEqualTo(namesakeSubject);
                    assertThat(hoasHome.claim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, HOA));
                    browser.capture("portal-own-user");
                }
                JsonNode namesake = admin.get("/admin/realms/dvc/users/" + namesakeSubject);
                assertThat(namesake.path("attributes").path("cccd_verified").get(0).asText()).isEqualTo("false");
                assertThat(admin.get(REVIEW + "?status=OPEN").toString()).contains(namesakeSubject);
            } finally {
                forget(LegacyPersonas.HOA_LE95);
                forget(HOA);
            }
        }
    }

    @Nested
    class GivenTranVanBinhWhoseCccdIsOnTwoPortalAccounts {

        @Test
        void thenVneidShowsTheConflictPageLinksNothingAndOpensAReview() {
            try (Browser browser = BrowserSupport.open("tranvanbinh")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logInWithVneid(PORTAL);
                VneidStandInPages vneid = new VneidStandInPages(browser).awaitLogin();
                vneid.logIn(BINH);
                vneid.awaitOtp().enterOtp();

                browser.await("#kc-error-message");
                assertThat(dvc.headerName()).isEqualTo("CỔNG DỊCH VỤ CÔNG QUỐC GIA");
                assertThat(dvc.alert()).as("the error is announced").contains("nhiều tài khoản", "hỗ trợ");
                browser.capture("conflict");
                assertThat(VneidUsers.createdFor(admin, BINH).size()).isZero();
                List<JsonNode> reviews = openReviewsOf(BINH);
                assertThat(reviews).as("an operator gets one review entry").hasSize(1);
                assertThat(reviews.get(0).path("candidates").findValuesAsText("username")).as("listing both accounts")
                        .containsExactlyInAnyOrder(LegacyPersonas.TRANVANBINH, LegacyPersonas.TRANVANBINH_HCM);
            } finally {
                for (JsonNode entry : openReviewsOf(BINH)) {
                    admin.send("POST", REVIEW + "/" + entry.path("id").asText() + "/resolve",
                            Map.of("action", "dismiss", "note", "browser journey clean-up"));
                }
            }
        }
    }

    @Nested
    class GivenPhamMinhDucTypingSomeoneElsesCccd {

        @Test
        void thenTheCccdFormRefusesItAndHeCanStillSkip() {
            forget(LegacyPersonas.PHAMMINHDUC);
            try (Browser browser = BrowserSupport.open("phamminhduc")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyPersonas.PHAMMINHDUC, LegacyPersonas.PASSWORD);
                dvc.awaitCccdForm();
                assertThat(dvc.shownCmnd()).isEqualTo("025678901");
                dvc.updateCccd(NGA);

                dvc.awaitCccdForm();
                assertThat(dvc.message()).contains("không khớp giới tính/năm sinh");
                assertThat(browser.text()).doesNotContain("Tô Thị Nga", "15/03/1989");
                browser.capture("cccd-refused");
                dvc.skipCccd();

                home.awaitLoggedIn();
                assertThat(home.hasClaim("cccd")).as("nothing was stored").isFalse();
            } finally {
                forget(LegacyPersonas.PHAMMINHDUC);
            }
        }
    }

    @Nested
    class GivenThePortalAdministrator {

        @Test
        void thenHeLogsInWithHisPasswordWithoutTheCccdFormAndLogsOutWithAConfirmation() {
            try (Browser browser = BrowserSupport.open("quantri")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyPersonas.QUANTRI, "wrong-password");
                browser.await("#input-error-username");
                assertThat(browser.find("#username").getAttribute("aria-invalid")).isEqualTo("true");
                browser.capture("legacy-form-error");
                dvc.logIn(LegacyPersonas.QUANTRI, LegacyPersonas.PASSWORD);
                home.awaitLoggedIn();
                assertThat(home.claim("legacy_account_id")).isEqualTo(LegacyPersonas.QUANTRI_ID);

                browser.open(keycloak.realmUri("dvc") + "/protocol/openid-connect/logout");
                browser.await("#kc-logout");
                browser.capture("logout-confirm");
                browser.find("#kc-logout").click();
                browser.await("#kc-page-title");
                browser.capture("logged-out");
            }
        }

        @Test
        void thenAfterEveryCutoffHeStillLogsInWithHisPasswordAndVneidNeverLinksHisAccount() {
            CutoffSettings.set(admin, "01/07/2024", "closed", "30/06/2025", "closed");
            forget(LegacyPersonas.QUANTRI);
            // an administrator whose account holds a verified CCCD, and that person's VNeID account (synthetic
            // person 170, used by no other test): the one way VNeID could reach an administrator's account
            SyntheticPerson person = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(170)
                    .findFirst().orElseThrow();
            String idNumber = VneidStandIn.account(admin, person, 2);
            try (Browser browser = BrowserSupport.open("quantri-after-cutoff")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyPersonas.QUANTRI, LegacyPersonas.PASSWORD);
                home.awaitLoggedIn();
                assertThat(home.claim("legacy_account_id")).as("administrators are exempt from the cutoff")
                        .isEqualTo(LegacyPersonas.QUANTRI_ID);
                home.logOut();

                giveVerifiedCccd(LegacyPersonas.QUANTRI, idNumber);
                home.logInWithVneid(PORTAL);
                VneidStandInPages vneid = new VneidStandInPages(browser).awaitLogin();
                vneid.logIn(idNumber);
                vneid.awaitOtp().enterOtp();

                browser.await("#kc-error-message");
                assertThat(dvc.headerName()).isEqualTo("CỔNG DỊCH VỤ CÔNG QUỐC GIA");
                assertThat(dvc.alert()).as("the refusal is announced")
                        .contains("Chưa áp dụng với tài khoản quản trị của Cổng DVCQG");
                browser.capture("vneid-refused");
                String userId = admin.get("/admin/realms/dvc/users?exact=true&username=" + LegacyPersonas.QUANTRI)
                        .get(0).get("id").asText();
                assertThat(admin.get("/admin/realms/dvc/users/" + userId + "/federated-identity").size())
                        .as("nothing linked").isZero();
                assertThat(VneidUsers.createdFor(admin, idNumber).size())
                        .as("nobody created").isZero();
            } finally {
                CutoffSettings.sandbox(admin);
                forget(LegacyPersonas.QUANTRI);
                for (JsonNode user : admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + idNumber)) {
                    admin.deleteUser("vneid-sandbox", user.get("id").asText());
                }
            }
        }

        private void giveVerifiedCccd(String username, String cccd) {
            JsonNode user = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username="
                    + username).get(0);
            ObjectNode attributes = (ObjectNode) user.get("attributes");
            attributes.putArray("cccd").add(cccd);
            attributes.putArray("cccd_verified").add("true");
            HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/users/" + user.get("id").asText(),
                    new ObjectMapper().convertValue(user, Map.class));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        }
    }

    @Nested
    class GivenTheOrganisationAccountCongtyabc {

        @AfterEach
        void backToTheSandboxPolicy() {
            CutoffSettings.sandbox(admin);
            forget(LegacyPersonas.CONGTYABC);
            VneidUsers.deleteCreatedForOrganisation(admin, ABC_TAX_CODE);
            forget(LegacyPersonas.TOTHINGA);
        }

        @Test
        void thenItVerifiesItsTaxCodeLinksItsVneidOrganisationAccountAndComesBackThroughVneidAsTheSameAccount() {
            forget(LegacyPersonas.CONGTYABC);
            try (Browser browser = BrowserSupport.open("congtyabc")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser();
                assertThat(dvc.notice()).contains("THÔNG BÁO TỪ HỆ THỐNG", "Nghị định số 59/2022/NĐ-CP", "Bước 1:",
                        "Bước 2:");
                dvc.choosePortalAccount();
                dvc.logIn(LegacyPersonas.CONGTYABC, LegacyPersonas.PASSWORD);

                // mode notice (the sandbox's, and before 30/06/2025): an organisation is identified by its tax code,
                // never by a person's 12-digit id; the code the old portal held is there, to be checked
                dvc.awaitTaxCodeForm();
                assertThat(browser.has("#vneid-cccd-form")).isFalse();
                assertThat(dvc.taxCodeValue()).isEqualTo(ABC_TAX_CODE);
                assertThat(dvc.organisationName()).isEqualTo("Công ty TNHH ABC");
                assertThat(browser.has("#vneid-tax-code-skip")).isTrue();
                browser.capture("tax-code-form");
                dvc.updateTaxCode(ABC_TAX_CODE);

                // matched by the business registry: the notice sends it to its VNeID organisation account
                browser.await("#dvc-link-notice-form");
                browser.capture("notice");
                browser.find("#kc-continue").click();
                VneidStandInPages vneid = new VneidStandInPages(browser).awaitLogin();
                vneid.logIn(ABC_TAX_CODE);
                vneid.awaitOtp();
                // the code goes to the legal representative's phone (Phạm Minh Đức's)
                assertThat(browser.text()).contains("******588").doesNotContain("0986050588");
                browser.captureStandIn("vneid-organisation-otp");
                vneid.enterOtp();

                home.awaitLoggedIn();
                String portalAccount = home.claim("sub");
                assertThat(home.claim("legacy_account_id")).isEqualTo(LegacyPersonas.CONGTYABC_ID);
                assertThat(home.claim("legacy_account_type")).isEqualTo("ORGANISATION");
                assertThat(home.claim("account_type")).isEqualTo("ORGANISATION");
                assertThat(home.claim("tax_code")).isEqualTo(ABC_TAX_CODE);
                assertThat(home.claim("organisation_name")).isEqualTo("Công ty TNHH ABC");
                assertThat(home.hasClaim("cccd")).isFalse();
                browser.capture("portal-linked");
                home.logOut();

                // from now on: VNeID's organisation account, and the same account at the portal
                home.logIn(PORTAL);
                dvc.awaitChooser().chooseProvider("vneid");
                vneid.awaitLogin();
                vneid.logIn(ABC_TAX_CODE);
                vneid.awaitOtp().enterOtp();
                home.awaitLoggedIn();
                assertThat(home.claim("sub")).as("the same account through either door").isEqualTo(portalAccount);
                assertThat(home.claim("legacy_account_id")).isEqualTo(LegacyPersonas.CONGTYABC_ID);
                assertThat(home.claim("tax_code")).isEqualTo(ABC_TAX_CODE);
                browser.capture("portal-through-vneid");
            }
            JsonNode company = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username="
                    + LegacyPersonas.CONGTYABC).get(0);
            assertThat(admin.get("/admin/realms/dvc/users/" + company.get("id").asText() + "/federated-identity")
                    .findValuesAsText("identityProvider")).containsExactly("vneid");
            assertThat(company.path("attributes").path("tax_code_registry_matched_at").isArray())
                    .as("matched by the business registry first").isTrue();
            assertThat(company.path("attributes").path("tax_code_verified_source").get(0).asText())
                    .as("then vouched for by the organisation's VNeID account").isEqualTo("vneid");
            assertThat(VneidUsers.createdForOrganisation(admin, ABC_TAX_CODE)).as("no second organisation user")
                    .isEmpty();
        }

        @Test
        void thenClosedForOrganisationsPointsItToVneidInItsLanguageAndGivesNoPortalSession() {
            CutoffSettings.set(admin, "01/07/2024", "notice", "30/06/2025", "closed");
            try (Browser browser = BrowserSupport.open("congtyabc-closed")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyPersonas.CONGTYABC, LegacyPersonas.PASSWORD);
                dvc.awaitCutoffPage();
                assertThat(dvc.pageTitle()).isEqualTo("Thông báo từ hệ thống");
                assertThat(dvc.cutoffMessage()).contains("từ ngày 30/06/2025", "VNeID");
                assertThat(browser.find("#vneid-cutoff-vneid").getText()).isEqualTo("Đăng nhập bằng VNeID");
                assertThat(browser.has("#claims")).isFalse();
                browser.capture("closed");

                home.open();
                assertThat(home.status()).startsWith("Chưa đăng nhập");
                home.logInWith(PORTAL, "ui_locales=en");
                dvc.awaitChooser().choosePortalAccount(); // the chooser again: no session to sign on with
                dvc.logIn(LegacyPersonas.CONGTYABC, LegacyPersonas.PASSWORD);
                dvc.awaitCutoffPage();
                assertThat(dvc.pageTitle()).isEqualTo("System notice");
                assertThat(dvc.cutoffMessage()).contains("from 30/06/2025", "VNeID");
                browser.capture("closed-en");
            }
            for (JsonNode user : admin.get("/admin/realms/dvc/users?exact=true&username=" + LegacyPersonas.CONGTYABC)) {
                assertThat(admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/sessions").size())
                        .as("no session for the organisation account").isZero();
            }
        }

        @Test
        void thenClosingItForOrganisationsLeavesACitizensPortalLoginAsItWas() {
            CutoffSettings.set(admin, "01/07/2024", "notice", "30/06/2025", "closed");
            forget(LegacyPersonas.TOTHINGA);
            try (Browser browser = BrowserSupport.open("citizen-while-organisations-closed")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);
                dvc.awaitCccdForm();
                assertThat(browser.has("#vneid-cccd-skip")).isTrue();
                dvc.skipCccd();
                home.awaitLoggedIn();
                assertThat(home.claim("legacy_account_id")).isEqualTo(LegacyPersonas.TOTHINGA_ID);
                assertThat(home.claim("legacy_account_type")).isEqualTo("CITIZEN");
                browser.capture("portal");
            }
        }
    }

    @Nested
    class GivenTheCutoffDateHasPassed {

        @AfterEach
        void backToTheSandboxPolicy() {
            CutoffSettings.sandbox(admin);
        }

        @Test
        void thenLinkOnlyLeadsFromTheCccdFormToVneidAndClosedPointsToVneid() {
            CutoffSettings.set(admin, "01/07/2024", "link-only", "30/06/2025", "link-only");
            try (Browser browser = BrowserSupport.open("cutoff")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyFixtures.CUTOFF_PAGES, LegacyFixtures.PASSWORD);
                dvc.awaitCccdForm();
                assertThat(browser.has("#vneid-cccd-skip")).as("no 'Bỏ qua' in link-only mode").isFalse();
                browser.capture("cccd-form-link-only");
                dvc.updateCccd(LegacyFixtures.person(LegacyFixtures.CUTOFF_PAGES).cccd());
                browser.await("#vneid-cutoff-form");
                assertThat(browser.text()).contains("chỉ còn dùng để liên kết", "Đăng nhập bằng VNeID");
                browser.capture("link-only");

                CutoffSettings.set(admin, "01/07/2024", "closed", "30/06/2025", "closed");
                home.open();
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                dvc.logIn(LegacyFixtures.CUTOFF_PAGES, LegacyFixtures.PASSWORD);
                browser.await("#vneid-cutoff-form");
                assertThat(browser.text()).contains("từ ngày 01/07/2024", "VNeID");
                browser.capture("closed");
            }
        }
    }

    @Nested
    class GivenSomeoneGuessingPasswords {

        @Test
        void thenAfterThreeFailuresTheFormAsksForTheCaptchaAndChecksItBeforeThePassword() {
            String username = "captcha-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            String id = admin.createUser("dvc", username, LegacyPersonas.PASSWORD, Map.of("firstName", "Thị Mai",
                    "lastName", "Đỗ", "email", username + "@example.vn", "emailVerified", true));
            try (Browser browser = BrowserSupport.open("captcha")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                for (int attempt = 1; attempt <= 3; attempt++) {
                    assertThat(browser.has("#captcha")).as("no captcha before failure " + attempt).isFalse();
                    dvc.logIn(username, "wrong-" + attempt);
                    browser.await("#input-error-username");
                }

                assertThat(browser.find("label[for=captcha]").getText()).contains("Mã xác thực");
                assertThat(browser.find("#vneid-captcha-image").getAttribute("alt")).contains("Hình mã xác thực");
                assertThat(browser.find("#vneid-captcha-image").getAttribute("src")).startsWith("data:image/png;base64,");
                browser.capture("captcha");
                String first = browser.find("#vneid-captcha-image").getAttribute("src");
                browser.find("#vneid-captcha-reload").click();
                browser.await("#vneid-captcha-image");
                assertThat(browser.find("#vneid-captcha-image").getAttribute("src")).as("a new picture").isNotEqualTo(first);
                assertThat(browser.find("#username").getAttribute("value")).isEqualTo(username);

                browser.type("#captcha", "00000");
                dvc.logIn(username, LegacyPersonas.PASSWORD);
                browser.await("#input-error-captcha");
                assertThat(browser.find("#input-error-captcha").getText()).contains("Mã xác thực không đúng");
                assertThat(browser.find("#captcha").getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(browser.has("#claims")).as("the right password alone does not log in").isFalse();
                browser.capture("captcha-wrong");
            } finally {
                admin.deleteUser("dvc", id);
            }
        }
    }

    @Nested
    class GivenTheOperatorAllowsPasswordReset {

        @Test
        void thenThePortalAccountFormOffersQuenMatKhau() {
            setResetPasswordAllowed(true);
            try (Browser browser = BrowserSupport.open("password-reset")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logIn(PORTAL);
                dvc.awaitChooser().choosePortalAccount();
                assertThat(browser.find("#kc-form-login a[href*=reset-credentials]").getText()).isEqualTo("Quên mật khẩu?");
                browser.capture("legacy-form-with-reset");
            } finally {
                setResetPasswordAllowed(false);
            }
        }

        private void setResetPasswordAllowed(boolean allowed) {
            HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc",
                    Map.of("realm", "dvc", "resetPasswordAllowed", allowed));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        }
    }

    @Nested
    class GivenTheProvincialPortals {

        @Test
        void thenEachShowsItsOwnHeaderAndOneLoginServesThemAll() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("dvc-hatinh-web", "CỔNG DỊCH VỤ CÔNG TỈNH HÀ TĨNH");
            headers.put("dvc-binhduong-web", "CỔNG DỊCH VỤ CÔNG TỈNH BÌNH DƯƠNG");
            headers.put("dvc-binhdinh-web", "CỔNG DỊCH VỤ CÔNG TỈNH BÌNH ĐỊNH");
            try (Browser browser = BrowserSupport.open("provinces")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                for (Map.Entry<String, String> province : headers.entrySet()) {
                    home.open().logIn(province.getKey());
                    dvc.awaitChooser();
                    assertThat(dvc.headerName()).isEqualTo(province.getValue());
                    assertThat(dvc.cardTitles()).contains("Tài khoản cấp bởi Cổng dịch vụ công quốc gia");
                    browser.capture("chooser-" + province.getKey().replace("-web", ""));
                }

                dvc.choosePortalAccount();
                dvc.logIn(LegacyPersonas.QUANTRI, LegacyPersonas.PASSWORD);
                home.awaitLoggedIn();
                assertThat(home.claim("azp")).isEqualTo("dvc-binhdinh-web");
                home.startLogin("dvc-hatinh-web");
                home.awaitLoggedIn();
                assertThat(home.claim("azp")).as("single sign-on across the portals").isEqualTo("dvc-hatinh-web");

                // an error in a provincial portal's request keeps that portal's header (error.ftl is inherited)
                browser.open(keycloak.realmUri("dvc") + "/protocol/openid-connect/auth?client_id=dvc-hatinh-web"
                        + "&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Fportal.invalid%2Fcb");
                browser.await("#kc-error-message");
                assertThat(dvc.headerName()).isEqualTo("CỔNG DỊCH VỤ CÔNG TỈNH HÀ TĨNH");
                assertThat(dvc.alert()).isNotBlank();
                browser.capture("error-hatinh");
            }
        }
    }

    @Nested
    class GivenACitizenReadingEnglishOrMeetingAnError {

        @Test
        void thenTheChooserIsInEnglishAndTheErrorPageKeepsThePortalsLook() {
            try (Browser browser = BrowserSupport.open("english-and-errors")) {
                DemoPortalPage home = new DemoPortalPage(browser, home()).open();
                LoginPages dvc = new LoginPages(browser);
                home.logInWith(PORTAL, "ui_locales=en");
                dvc.awaitChooser();
                assertThat(dvc.headerName()).isEqualTo("NATIONAL PUBLIC SERVICE PORTAL");
                assertThat(dvc.notice()).contains("SYSTEM NOTICE", "05/09/2022", "01/07/2024");
                browser.capture("chooser-en");

                browser.open(keycloak.realmUri("dvc") + "/protocol/openid-connect/auth?client_id=no-such-portal"
                        + "&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb");
                browser.await("#kc-error-message");
                assertThat(dvc.headerName()).isNotBlank();
                assertThat(dvc.alert()).as("the error is announced").isNotBlank();
                browser.capture("error");
            }
        }
    }

    private List<JsonNode> openReviewsOf(String idNumber) {
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode entry : admin.get(REVIEW + "?status=OPEN")) {
            if (idNumber.equals(entry.path("idNumber").asText())) {
                open.add(entry);
            }
        }
        return open;
    }

    private URI home() {
        return URI.create(portal.baseUri() + "/");
    }

    /**
     * Removes the persona's Keycloak user if a test imported, created, verified or linked it; its legacy row brings
     * it back, with the same id, at the next login.
     */
    private void forget(String username) {
        for (JsonNode user : admin.get("/admin/realms/dvc/users?exact=true&username=" + username)) {
            admin.deleteUser("dvc", user.get("id").asText());
        }
        // a user created from VNeID is not named by the number (VneidUsers)
        if (username.matches("\\d{12}")) {
            for (JsonNode user : VneidUsers.createdFor(admin, username)) {
                admin.deleteUser("dvc", user.get("id").asText());
            }
        }
    }
}

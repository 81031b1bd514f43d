package vn.vneidbridge.it.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * The operators' pages ({@code /realms/dvc/vneid-operations/}, client {@code vneid-operations-console}): the migration
 * dashboard and the review queue in Chromium at desktop and phone width, axe-scanned, with Trần Văn Bình's conflict
 * (his id number on two legacy accounts) as the open entry. Who sees what: the reader role reads and cannot resolve
 * (no button, 403), the resolver resolves with a reason (audited) and of two resolvers only the first succeeds, an
 * admin with only {@code view-users} and a citizen get no data, and a cross-origin request carrying the Keycloak
 * session cookies but no bearer token changes nothing. Screenshots:
 * {@code integration-tests/target/screenshots/operator-*}.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorPagesIT {

    private static final String BINH = "042085007890";
    private static final String BINH_MASKED = "042*******90";
    private static final String PASSWORD = "Operator@123";
    private static final String REVIEW = "/admin/realms/dvc/vneid-bridge/review-entries";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private LinkFixtures fixtures;
    private OperatorConsole console;
    private final List<String> users = new ArrayList<>();
    private String reader;
    private String resolver;
    private String secondResolver;
    private String viewUsersOnly;
    private String citizen;
    private String realmAdmin;

    @BeforeAll
    void start(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.fixtures = new LinkFixtures(admin);
        this.console = new OperatorConsole(keycloak);
        fixtures.useThisServersStandIn(keycloak);
        reader = operator("it-ops-reader", true, "vneid-operations-reader");
        resolver = operator("it-ops-resolver", true, "vneid-operations-resolver");
        secondResolver = operator("it-ops-resolver-2", true, "vneid-operations-resolver");
        viewUsersOnly = operator("it-ops-view-users", true, "view-users");
        citizen = operator("it-ops-citizen", false);
        realmAdmin = operator("it-ops-realm-admin", true, "realm-admin");
    }

    @AfterAll
    void stop() {
        dismissBinhsOpenEntries();
        fixtures.forget(LegacyPersonas.TRANVANBINH);
        fixtures.forget(LegacyPersonas.TRANVANBINH_HCM);
        for (String id : users) {
            admin.deleteUser("dvc", id);
        }
    }

    @Nested
    class GivenAResolver {

        @Test
        void thenTheDashboardAndTheQueueShowAtDesktopAndPhoneWidthInVietnameseAndEnglish() {
            assumeTrue(BrowserSupport.chromiumAvailable(), "the pages' script needs a real browser");
            String entry = openEntryForBinh();
            try (Browser browser = console.openAs("operator-dashboard", resolver, PASSWORD)) {
                browser.await("#ops-total-linked");
                assertThat(browser.find("h1").getText()).isEqualTo("Tổng quan chuyển đổi tài khoản");
                assertThat(browser.text()).contains("Đã liên kết VNeID", "Đã xác thực CCCD, chưa liên kết",
                        "Chưa xác thực", "Xung đột chờ xét duyệt", "Không được xác nhận", "Theo loại tài khoản",
                        "Theo tỉnh, thành phố", "Diễn biến theo thời gian",
                        "Xác minh hàng loạt với CSDL quốc gia về dân cư", "Người vận hành: " + resolver);
                assertThat(browser.find("#ops-total-conflicts .value").getText()).as("Bình's open entry")
                        .isNotEqualTo("0");
                assertThat(browser.has("#ops-history svg[role=img] path.series-linked")).isTrue();
                assertThat(browser.has("#ops-by-type")).isTrue();
                assertThat(browser.has("#ops-start-job")).as("starting a job needs manage-realm").isFalse();
                browser.capture("dashboard");

                // keyboard: the first focusable element is the skip link; the navigation is followed by keys
                assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "return document.querySelector('a[href], button:not([hidden]), input, select, textarea,"
                                + " [tabindex]:not([tabindex=\"-1\"])').className;")).isEqualTo("skip");
                browser.find("#nav-review").sendKeys(Keys.ENTER);
                browser.await("#ops-entry-" + entry);
                assertThat(browser.find("h1").getText()).isEqualTo("Hàng chờ xét duyệt");
                String shown = browser.find("#ops-entry-" + entry).getText();
                assertThat(shown).contains("Số định danh " + BINH_MASKED, "tr*******nh", "tr***********cm",
                        LegacyPersonas.TRANVANBINH_ID, LegacyPersonas.TRANVANBINH_HCM_ID);
                assertThat(browser.text()).as("no full id number without view-users").doesNotContain(BINH);
                assertThat(browser.has("#ops-entry-" + entry + " button[data-action=link]")).isTrue();
                assertThat(browser.has("#ops-entry-" + entry + " button[data-action=dismiss]")).isTrue();
                browser.capture("review-queue");

                browser.find("#ops-language").click();
                browser.await("#ops-total-linked");
                assertThat(browser.find("h1").getText()).isEqualTo("Account migration overview");
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
                assertThat(browser.text()).contains("Linked to VNeID", "By province", "Tiếng Việt");
                browser.capture("dashboard-en");
            }
        }

        @Test
        void thenAReasonIsRequiredTheLinkIsAuditedAndTheSecondOperatorIsToldItIsDone() {
            assumeTrue(BrowserSupport.chromiumAvailable(), "the pages' script needs a real browser");
            String entry = openEntryForBinh();
            try (Browser first = console.openAs("operator-resolve", resolver, PASSWORD);
                 Browser second = console.openAs("operator-resolve-second", secondResolver, PASSWORD)) {
                for (Browser browser : List.of(first, second)) {
                    browser.find("#nav-review").click();
                    browser.await("#ops-entry-" + entry + " textarea");
                }
                String card = "#ops-entry-" + entry;

                first.find(card + " button[data-action=link]").click();
                assertThat(first.find(card + "-message").getText()).isEqualTo("Hãy ghi lý do trước khi xử lý.");
                assertThat(first.find(card + " textarea").getAttribute("aria-invalid")).isEqualTo("true");
                first.capture("reason-required");

                first.find(card + " textarea").sendKeys("Phiếu hỗ trợ 42: công dân đến trực tiếp");
                WebElement account = first.findAll(card + " input[type=radio]").stream()
                        .filter(radio -> first.find("label[for=" + radio.getAttribute("id") + "]").getText()
                                .contains(LegacyPersonas.TRANVANBINH_ID))
                        .findFirst().orElseThrow();
                account.sendKeys(Keys.SPACE);
                first.find(card + " button[data-action=link]").sendKeys(Keys.ENTER);
                first.await("#ops-review-done");
                assertThat(first.find("#ops-review-done").getText()).isEqualTo("Đã liên kết tài khoản cho số định danh "
                        + BINH_MASKED + ".");
                assertThat(first.has(card)).as("no longer among the open entries").isFalse();

                second.find(card + " textarea").sendKeys("Đã gọi điện cho công dân");
                second.find(card + " button[data-action=dismiss]").click();
                new org.openqa.selenium.support.ui.WebDriverWait(second.driver(), java.time.Duration.ofSeconds(20))
                        .until(d -> !second.find(card + "-message").getText().isBlank());
                assertThat(second.find(card + "-message").getText()).startsWith(
                        "Mục này đã được một người vận hành khác xử lý. Hãy tải lại hàng chờ để xem kết quả.");
                second.capture("already-resolved");
                second.find(card + "-message button").click();
                second.awaitAny("#ops-review-empty", ".entry:not(" + card + ")");
                assertThat(second.has(card)).as("reloaded: the entry is no longer open").isFalse();
            }
            JsonNode resolved = admin.get(REVIEW + "/" + entry);
            assertThat(resolved.path("status").asText()).isEqualTo("LINKED");
            assertThat(resolved.path("resolvedBy").asText()).isEqualTo(resolver);
            assertThat(resolved.path("note").asText()).isEqualTo("Phiếu hỗ trợ 42: công dân đến trực tiếp");
            List<JsonNode> events = adminEvents(entry);
            assertThat(events).anySatisfy(event -> {
                assertThat(event.path("resourcePath").asText()).endsWith("/link");
                assertThat(event.path("error").isMissingNode() || event.path("error").isNull()).isTrue();
            });
            assertThat(events).anySatisfy(event -> {
                assertThat(event.path("resourcePath").asText()).endsWith("/dismiss");
                assertThat(event.path("error").asText()).isEqualTo("vneid_review_already_resolved");
            });
            fixtures.forget(LegacyPersonas.TRANVANBINH);
        }

        @Test
        void thenOfTwoClientsResolvingAtOnceOnlyOneSucceeds() throws Exception {
            String entry = openEntryForBinh();
            List<String> tokens = List.of(console.logIn(resolver, PASSWORD).accessToken(),
                    console.logIn(secondResolver, PASSWORD).accessToken());
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (String token : tokens) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return console.call(token, "POST", "console/review-entries/" + entry + "/resolve",
                                Map.of("action", "dismiss", "reason", "race"));
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<String> errors = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    errors.add(OperatorConsole.read(response.body()).path("error").asText());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(errors).containsAnyOf("vneid_review_resolved_concurrently", "vneid_review_already_resolved");
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void thenAResolutionWithoutAReasonIsRefused() {
            String entry = openEntryForBinh();
            String token = console.logIn(resolver, PASSWORD).accessToken();

            HttpResponse<String> answer = console.call(token, "POST", "console/review-entries/" + entry + "/resolve",
                    Map.of("action", "dismiss", "reason", "  "));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(OperatorConsole.read(answer.body()).path("error").asText())
                    .isEqualTo("vneid_console_reason_required");
            assertThat(admin.get(REVIEW + "/" + entry).path("status").asText()).isEqualTo("OPEN");
        }
    }

    @Nested
    class GivenTheRoles {

        @Test
        void thenARealmCreatedLaterHasThemAndTheResolverHoldsTheReader() {
            String realm = "it-ops-roles-" + PortalLogin.random(4).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
            assertThat(admin.send("POST", "/admin/realms", Map.of("realm", realm, "enabled", true)).statusCode())
                    .isEqualTo(201);
            try {
                String client = admin.get("/admin/realms/" + realm + "/clients?clientId=realm-management").get(0)
                        .path("id").asText();
                JsonNode resolverRole = admin.get("/admin/realms/" + realm + "/clients/" + client
                        + "/roles/vneid-operations-resolver");
                assertThat(resolverRole.path("composite").asBoolean()).isTrue();
                assertThat(admin.get("/admin/realms/" + realm + "/clients/" + client
                        + "/roles/vneid-operations-resolver/composites").findValuesAsText("name"))
                        .containsExactly("vneid-operations-reader");
                String master = admin.get("/admin/realms/master/clients?clientId=" + realm + "-realm").get(0)
                        .path("id").asText();
                assertThat(admin.get("/admin/realms/master/clients/" + master + "/roles").findValuesAsText("name"))
                        .as("for operators of the master realm").contains("vneid-operations-reader",
                                "vneid-operations-resolver");
            } finally {
                admin.send("DELETE", "/admin/realms/" + realm, null);
            }
        }

        @Test
        void thenAnOperatorOfTheMasterRealmHoldingTheReaderRoleReadsButDoesNotResolve() {
            String entry = openEntryForBinh();
            try (vn.vneidbridge.it.support.Operator operator = vn.vneidbridge.it.support.Operator.withDvcRoles(keycloak,
                    admin, "vneid-operations-reader")) {
                JsonNode me = OperatorConsole.read(operator.send("GET", "/admin/realms/dvc/vneid-bridge/console/me",
                        null).body());
                assertThat(me.path("access").path("read").asBoolean()).isTrue();
                assertThat(me.path("access").path("resolve").asBoolean()).isFalse();
                assertThat(operator.send("GET", "/admin/realms/dvc/vneid-bridge/console/review-entries/" + entry, null)
                        .body()).contains(BINH_MASKED).doesNotContain(BINH);
                assertThat(operator.send("POST", "/admin/realms/dvc/vneid-bridge/console/review-entries/" + entry
                        + "/resolve", Map.of("action", "dismiss", "reason", "no")).statusCode()).isEqualTo(403);
            }
        }
    }

    @Nested
    class GivenARealmAdmin {

        /** The start form sends the bulk REST's filters; a refused one shows the REST's own text (no job starts). */
        @Test
        void thenTheStartFormShowsTheBulkRestsRefusalInTheOperatorsLanguage() {
            assumeTrue(BrowserSupport.chromiumAvailable(), "the pages' script needs a real browser");
            int jobsBefore = admin.get("/admin/realms/dvc/vneid-bridge/bulk-verification/jobs").size();
            try (Browser browser = console.openAs("operator-start-job", realmAdmin, PASSWORD)) {
                browser.await("#ops-start-job");
                assertThat(browser.text()).contains("Bắt đầu tác vụ xác minh hàng loạt", "Mã tỉnh (3 chữ số đầu của CCCD)");
                browser.type("#ops-provinces", "999");
                browser.find("#ops-type-organisation").sendKeys(Keys.SPACE);
                browser.find("#ops-start").click();
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                        .until(d -> !browser.find("#ops-start-message").getText().isBlank());
                assertThat(browser.find("#ops-start-message").getText()).contains("999");
                assertThat(browser.find("#ops-start-message").getAttribute("class")).isEqualTo("error");
                browser.capture("start-refused");
            }
            assertThat(admin.get("/admin/realms/dvc/vneid-bridge/bulk-verification/jobs").size()).isEqualTo(jobsBefore);
        }
    }

    @Nested
    class GivenAReader {

        @Test
        void thenTheQueueShowsNoButtonAndTheRestRefusesTheResolution() {
            String entry = openEntryForBinh();
            if (BrowserSupport.chromiumAvailable()) {
                try (Browser browser = console.openAs("operator-reader", reader, PASSWORD)) {
                    browser.await("#ops-total-linked");
                    browser.find("#nav-review").click();
                    browser.await("#ops-entry-" + entry);
                    assertThat(browser.has("#ops-entry-" + entry + " button")).isFalse();
                    assertThat(browser.has("#ops-entry-" + entry + " textarea")).isFalse();
                    assertThat(browser.find("#ops-entry-" + entry).getText()).contains("Bạn chỉ có quyền xem mục này.");
                    browser.capture("review-read-only");
                }
            }
            String token = console.logIn(reader, PASSWORD).accessToken();

            assertThat(console.call(token, "GET", "console/dashboard", null).statusCode()).isEqualTo(200);
            JsonNode me = OperatorConsole.read(console.call(token, "GET", "console/me", null).body());
            assertThat(me.path("access").path("read").asBoolean()).isTrue();
            assertThat(me.path("access").path("resolve").asBoolean()).isFalse();
            assertThat(console.call(token, "POST", "console/review-entries/" + entry + "/resolve",
                    Map.of("action", "dismiss", "reason", "not allowed")).statusCode()).isEqualTo(403);
            assertThat(console.call(token, "POST", "review-entries/" + entry + "/resolve",
                    Map.of("action", "dismiss", "note", "not allowed")).statusCode())
                    .as("the review REST asks manage-users").isEqualTo(403);
            assertThat(admin.get(REVIEW + "/" + entry).path("status").asText()).isEqualTo("OPEN");
        }
    }

    @Nested
    class GivenNoOperationsRole {

        @Test
        void thenAnAdminWithOnlyViewUsersIsToldSoAndGetsNoData() {
            openEntryForBinh();
            if (BrowserSupport.chromiumAvailable()) {
                try (Browser browser = console.openAs("operator-no-access", viewUsersOnly, PASSWORD)) {
                    browser.await("#ops-no-access");
                    assertThat(browser.text()).contains("không có quyền xem trang vận hành").doesNotContain(BINH)
                            .doesNotContain(BINH_MASKED);
                    assertThat(browser.find("#ops-nav").isDisplayed()).isFalse();
                    browser.capture("no-access");
                }
            }
            assertNoData(console.logIn(viewUsersOnly, PASSWORD).accessToken());
        }

        @Test
        void thenACitizenGetsNoData() {
            openEntryForBinh();
            assertNoData(console.logIn(citizen, PASSWORD).accessToken());
        }

        private void assertNoData(String token) {
            JsonNode me = OperatorConsole.read(console.call(token, "GET", "console/me", null).body());
            assertThat(me.path("access").path("read").asBoolean()).isFalse();
            for (String path : List.of("console/dashboard", "console/review-entries",
                    "console/review-entries?status=OPEN")) {
                HttpResponse<String> answer = console.call(token, "GET", path, null);
                assertThat(answer.statusCode()).as(path).isEqualTo(403);
                assertThat(answer.body()).as(path).doesNotContain(BINH).doesNotContain("042*");
            }
        }
    }

    @Nested
    class GivenAForgedCrossOriginRequest {

        @Test
        void thenTheSessionCookiesWithoutABearerTokenResolveNothing() {
            String entry = openEntryForBinh();
            OperatorConsole.Session session = console.logIn(resolver, PASSWORD);
            URI realm = URI.create(keycloak.baseUri() + "/realms/dvc/");
            StringBuilder cookies = new StringBuilder();
            for (String name : List.of("KEYCLOAK_IDENTITY", "KEYCLOAK_SESSION", "AUTH_SESSION_ID")) {
                session.web().cookie(realm, name).ifPresent(value -> cookies.append(name).append('=').append(value)
                        .append("; "));
            }
            assertThat(cookies).as("the operator has a Keycloak session").contains("KEYCLOAK_IDENTITY=");

            for (String type : List.of("text/plain", "application/json")) {
                HttpResponse<String> forged = console.call(null, "POST", "console/review-entries/" + entry + "/resolve",
                        Map.of("action", "dismiss", "reason", "forged"), Map.of("Origin", "https://attacker.example",
                                "Cookie", cookies.toString(), "Content-Type", type));
                assertThat(forged.statusCode()).as(type).isEqualTo(401);
                assertThat(forged.headers().firstValue("Access-Control-Allow-Origin")).as(type).isEmpty();
            }
            HttpResponse<String> withToken = console.call(session.accessToken(), "GET", "console/me", null,
                    Map.of("Origin", "https://attacker.example"));
            assertThat(withToken.headers().firstValue("Access-Control-Allow-Origin"))
                    .as("the admin REST never lets another origin read an answer").isEmpty();
            assertThat(admin.get(REVIEW + "/" + entry).path("status").asText()).isEqualTo("OPEN");
        }

        @Test
        void thenThePageItselfForbidsFramingAndInlineScript() {
            HttpResponse<String> page = new vn.vneidbridge.it.support.WebClient().get(URI.create(console.pageUrl()));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().allValues("Content-Security-Policy")).as("one policy, the page's own").hasSize(1);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(page.body()).doesNotContain("access_token").doesNotContain(BINH);
        }
    }

    /** Bình's VNeID login is refused (his number is on two accounts): the open entry's id. */
    private String openEntryForBinh() {
        for (JsonNode entry : admin.get(REVIEW + "?status=OPEN")) {
            if (BINH.equals(entry.path("idNumber").asText())) {
                return entry.path("id").asText();
            }
        }
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        PortalLogin.Outcome refused = login.vneidLogin(BINH, LegacyPersonas.PASSWORD, "123456", Map.of());
        assertThat(refused.callback()).as("Bình is refused").isEmpty();
        for (JsonNode entry : admin.get(REVIEW + "?status=OPEN")) {
            if (BINH.equals(entry.path("idNumber").asText())) {
                return entry.path("id").asText();
            }
        }
        throw new AssertionError("no open entry for Bình");
    }

    private void dismissBinhsOpenEntries() {
        for (JsonNode entry : admin.get(REVIEW + "?status=OPEN")) {
            if (BINH.equals(entry.path("idNumber").asText())) {
                admin.send("POST", REVIEW + "/" + entry.path("id").asText() + "/resolve",
                        Map.of("action", "dismiss", "note", "test clean-up"));
            }
        }
    }

    private List<JsonNode> adminEvents(String entryId) {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/dvc/admin-events?max=500")) {
            if ("VNEID_REVIEW_ENTRY".equals(event.path("resourceType").asText())
                    && event.path("resourcePath").asText().startsWith("vneid-bridge/review-entries/" + entryId + "/")) {
                events.add(event);
            }
        }
        return events;
    }

    /** A user of realm dvc with these roles of realm-management (an operator: also portal-admin, so no CCCD step). */
    private String operator(String username, boolean portalAdmin, String... managementRoles) {
        for (JsonNode old : admin.get("/admin/realms/dvc/users?exact=true&username=" + username)) {
            admin.deleteUser("dvc", old.path("id").asText());
        }
        String id = admin.createUser("dvc", username, PASSWORD, Map.of());
        users.add(id);
        ObjectMapper json = new ObjectMapper();
        if (portalAdmin) {
            Object role = json.convertValue(admin.get("/admin/realms/dvc/roles/portal-admin"), Map.class);
            assertThat(admin.send("POST", "/admin/realms/dvc/users/" + id + "/role-mappings/realm", List.of(role))
                    .statusCode()).isEqualTo(204);
        }
        if (managementRoles.length > 0) {
            String client = admin.get("/admin/realms/dvc/clients?clientId=realm-management").get(0).path("id").asText();
            List<Object> roles = new ArrayList<>();
            for (String name : managementRoles) {
                roles.add(json.convertValue(admin.get("/admin/realms/dvc/clients/" + client + "/roles/" + name),
                        Map.class));
            }
            HttpResponse<String> mapped = admin.send("POST", "/admin/realms/dvc/users/" + id
                    + "/role-mappings/clients/" + client, roles);
            assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
        }
        return username;
    }
}

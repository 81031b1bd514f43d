package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.SmartCaSubscribers;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.CertificateLoginConnection;
import vn.vneidbridge.sandbox.RemoteSigningConnection;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.remotesigning.Misbehaviour;
import vn.vneidbridge.sandbox.remotesigning.Mode;
import vn.vneidbridge.sandbox.remotesigning.SmartCaStandIn;

/**
 * "Sim ký số" and VNPT SmartCA (issue 20, part 2) against the sandbox's stand-in of SmartCA, which speaks its SP769
 * wire format over HTTPS and plays the phone: realm {@code dvc}'s step {@code vneid-remote-signing-login}, reached by
 * the chooser's card or the form's tab, sends a challenge's hash to the phone, polls, and verifies the signature, the
 * certificate's chain and revocation and its id before logging in the one account holding that id verified. Each
 * browser ({@link WebClient}) has an address of its own; each test a synthetic person of its own (150-164), whose
 * certificate the sandbox CA issues and the stand-in holds for their number.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteSigningLoginIT {

    private static final String PORTAL = "dvcqg-portal";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakServer keycloak;
    private SmartCaStandIn phone;
    private SandboxCertificateAuthority ca;
    private CitizenAccounts accounts;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin, CertificateLoginConnection certificates,
                RemoteSigningConnection remoteSigning) {
        this.keycloak = keycloak;
        this.ca = certificates.authority();
        this.phone = remoteSigning.standIn();
        this.accounts = new CitizenAccounts(admin);
    }

    @AfterEach
    void normalPhone() {
        phone.mode(Mode.NORMAL);
        phone.misbehave(Misbehaviour.NONE);
    }

    @AfterAll
    void cleanUp() {
        phone.reset();
        accounts.deleteAll();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** An account holding {@code person}'s CCCD verified, and the person subscribed to SmartCA with a certificate. */
    private String subscribedCitizen(String prefix, SyntheticPerson person) {
        return new SmartCaSubscribers(accounts, phone, ca).subscribed(prefix, person);
    }

    private PortalLogin login() {
        return new PortalLogin(keycloak, PORTAL, new WebClient());
    }

    /** The portal's login page, then the chooser's card "VNPT SmartCA": the page asking for the number. */
    private static HttpResponse<String> throughTheCard(PortalLogin login) {
        HttpResponse<String> chooser = login.open(Map.of());
        Element card = Jsoup.parse(chooser.body()).selectFirst("#dvc-card-remote-signing-0");
        assertThat(card).as("the chooser's card:\n" + chooser.body()).isNotNull();
        assertThat(card.text()).contains("VNPT SmartCA");
        return login.follow(login.web.submit(chooser, "#dvc-card-remote-signing-0-form",
                Map.of("authenticationExecution", card.attr("value")))).page();
    }

    /** The portal-account form's tab "Sim ký số": the page asking for the number. */
    private static HttpResponse<String> throughTheTab(PortalLogin login) {
        HttpResponse<String> chooser = login.open(Map.of());
        Element tab = Jsoup.parse(chooser.body()).selectFirst("#dvc-login-tab-sim");
        assertThat(tab).as("the form's tab:\n" + chooser.body()).isNotNull();
        assertThat(tab.text()).isEqualTo("Sim ký số");
        return login.follow(login.web.submit(chooser, "#dvc-login-tabs",
                Map.of("authenticationExecution", tab.attr("value")))).page();
    }

    private static HttpResponse<String> send(PortalLogin login, HttpResponse<String> start, String number) {
        assertThat(start.body()).as(start.body()).contains("id=\"vneid-rs-start\"");
        return login.follow(login.web.submit(start, "#vneid-rs-start",
                Map.of("vneidRsNumber", number, "vneidRs", "send"))).page();
    }

    private static PortalLogin.Outcome finish(PortalLogin login, HttpResponse<String> waiting) {
        return login.follow(login.web.submit(waiting, "#vneid-rs-form", Map.of("vneidRs", "finish")));
    }

    private static String code(HttpResponse<String> waiting) {
        return Jsoup.parse(waiting.body()).select("#vneid-rs-code").text();
    }

    private static String handle(HttpResponse<String> waiting) {
        return Jsoup.parse(waiting.body()).select("input[name=vneidRsHandle]").val();
    }

    private static String refusal(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("#vneid-rs-refused").text();
    }

    /** The waiting page's poll, as its script asks it, with {@code browser}'s cookies. */
    private static JsonNode poll(WebClient browser, HttpResponse<String> waiting) {
        Document page = Jsoup.parse(waiting.body(), waiting.uri().toString());
        String url = page.select("#vneid-rs-wait").attr("data-status-url");
        HttpResponse<String> answer = browser.get(URI.create(url));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static JsonNode pollUntilAnswered(WebClient browser, HttpResponse<String> waiting) {
        JsonNode status = poll(browser, waiting);
        for (int i = 0; i < 20 && "pending".equals(status.path("status").asText()); i++) {
            sleep(300);
            status = poll(browser, waiting);
        }
        return status;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static SyntheticPerson person(int index) {
        return LegacyFixtures.syntheticPerson(index);
    }

    // ---- journeys --------------------------------------------------------------------------------------------

    @Nested
    class GivenACitizenWhoseVerifiedCccdHasASmartCaCertificate {

        @Test
        void thenTheCardShowsTheCodeThePhoneShowsAndTheApprovalLogsThatAccountIn() {
            SyntheticPerson person = person(151);
            String username = subscribedCitizen("rs-card", person);
            PortalLogin login = login();

            HttpResponse<String> waiting = send(login, throughTheCard(login), person.cccd());

            assertThat(waiting.statusCode()).isEqualTo(200);
            assertThat(code(waiting)).matches("\\d{4}").isEqualTo(phone.lastDocId(person.cccd()));
            assertThat(phone.lastDescription(person.cccd())).contains(code(waiting));
            assertThat(waiting.body()).as("the page never names the number or the account")
                    .doesNotContain(person.cccd()).doesNotContain(username);
            assertThat(poll(login.web, waiting).path("status").asText()).isEqualTo("pending");

            assertThat(phone.approve(person.cccd())).isTrue();
            assertThat(pollUntilAnswered(login.web, waiting).path("status").asText()).isEqualTo("ready");
            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(finish(login, waiting)));

            assertThat(claims.getSubject()).isEqualTo(accounts.id(username));
            assertThat(claims.getClaim("acr")).as("not a VNeID level: docs/levels-of-assurance.md").isEqualTo("0");
            assertThat(claims.getClaim("amr")).as("RFC 8176: approved on a second device").isEqualTo(List.of("mca"));
        }

        @Test
        void thenTheSimTabWorksWithoutScriptTooSayingNotYetUntilThePhoneApproves() {
            SyntheticPerson person = person(152);
            String username = subscribedCitizen("rs-tab", person);
            PortalLogin login = login();
            HttpResponse<String> waiting = send(login, throughTheTab(login), person.cccd());

            // "I have approved" pressed before the phone answered: the same request, still waiting
            HttpResponse<String> early = finish(login, waiting).page();
            assertThat(early.body()).contains("id=\"vneid-rs-notice\"").contains("id=\"vneid-rs-form\"");
            assertThat(code(early)).isEqualTo(code(waiting));

            assertThat(phone.approve(person.cccd())).isTrue();
            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(finish(login, early)));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(username));
        }

        @Test
        void thenRefusingOnThePhoneLogsNobodyInAndANewRequestStillWorks() {
            SyntheticPerson person = person(153);
            String username = subscribedCitizen("rs-refuse", person);
            PortalLogin login = login();
            HttpResponse<String> waiting = send(login, throughTheCard(login), person.cccd());

            assertThat(phone.refuse(person.cccd())).isTrue();
            assertThat(pollUntilAnswered(login.web, waiting).path("status").asText()).isEqualTo("refused");
            PortalLogin.Outcome refused = finish(login, waiting);

            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().statusCode()).isEqualTo(401);
            assertThat(refusal(refused.page())).contains("Bạn đã từ chối trên điện thoại");

            HttpResponse<String> again = login.follow(login.web.submit(refused.page(), "#vneid-rs-again",
                    Map.of("vneidRs", "again"))).page();
            HttpResponse<String> second = send(login, again, person.cccd());
            assertThat(phone.approve(person.cccd())).isTrue();
            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(finish(login, second)));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(username));
        }

        @Test
        void thenCancellingForgetsTheRequestItsPollIsGoneAndItsApprovalLogsNobodyIn() {
            SyntheticPerson person = person(154);
            subscribedCitizen("rs-cancel", person);
            PortalLogin login = login();
            HttpResponse<String> waiting = send(login, throughTheCard(login), person.cccd());

            HttpResponse<String> cancelled = login.follow(login.web.submit(waiting, "#vneid-rs-form",
                    Map.of("vneidRs", "cancel"))).page();
            phone.approve(person.cccd());

            assertThat(cancelled.body()).contains("id=\"vneid-rs-start\"");
            assertThat(Jsoup.parse(cancelled.body()).select("#vneid-rs-notice").text()).contains("Đã huỷ");
            assertThat(poll(login.web, waiting).path("status").asText()).isEqualTo("gone");
            PortalLogin.Outcome late = login.follow(login.web.submit(cancelled, "#vneid-rs-start",
                    Map.of("vneidRs", "finish", "vneidRsHandle", handle(waiting))));
            assertThat(late.callback()).isEmpty();
            assertThat(late.page().statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class GivenAnAttacker {

        @Test
        void thenAnotherBrowserPollingTheHandleGetsGoneAndPostingItIntoItsOwnLoginIsForeign() {
            SyntheticPerson person = person(156);
            subscribedCitizen("rs-foreign", person);
            PortalLogin victim = login();
            HttpResponse<String> waiting = send(victim, throughTheCard(victim), person.cccd());
            phone.approve(person.cccd());
            PortalLogin attacker = login();
            HttpResponse<String> attackersStart = throughTheCard(attacker);

            assertThat(poll(attacker.web, waiting).path("status").asText()).isEqualTo("gone");
            PortalLogin.Outcome posted = attacker.follow(attacker.web.submit(attackersStart, "#vneid-rs-start",
                    Map.of("vneidRs", "finish", "vneidRsHandle", handle(waiting))));

            assertThat(posted.callback()).as("no login with another browser's approval").isEmpty();
            assertThat(posted.page().statusCode()).isEqualTo(401);
            assertThat(refusal(posted.page())).contains("không thuộc lần đăng nhập này");
            // the victim's own login is untouched
            assertThat(poll(victim.web, waiting).path("status").asText()).isEqualTo("ready");
        }

        @Test
        void thenASignatureOverAnotherHashIsRefusedAndTheSameFinishPostedAgainIsUsed() {
            SyntheticPerson person = person(157);
            subscribedCitizen("rs-hash", person);
            phone.misbehave(Misbehaviour.SIGN_OTHER_HASH);
            PortalLogin login = login();
            HttpResponse<String> waiting = send(login, throughTheCard(login), person.cccd());
            phone.approve(person.cccd());

            PortalLogin.Outcome first = finish(login, waiting);
            // the handle posted again through a fresh form of the same login (a replay Keycloak's own page code
            // does not stop)
            PortalLogin.Outcome second = login.follow(login.web.submit(first.page(), "#vneid-rs-again",
                    Map.of("vneidRs", "finish", "vneidRsHandle", handle(waiting))));

            assertThat(first.callback()).isEmpty();
            assertThat(first.page().statusCode()).isEqualTo(401);
            assertThat(refusal(first.page())).contains("Chữ ký nhận được không khớp");
            assertThat(second.callback()).isEmpty();
            assertThat(second.page().statusCode()).isEqualTo(409);
            assertThat(refusal(second.page())).contains("đã được dùng");
        }

        @Test
        void thenAProviderOfferingOnlyAnotherPersonsCertificateForTheNumberPushesNothingToAnyPhone() {
            SyntheticPerson person = person(158);
            subscribedCitizen("rs-other", person);
            phone.misbehave(Misbehaviour.certificateOf("binh.p12"));
            PortalLogin login = login();

            HttpResponse<String> refused = send(login, throughTheCard(login), person.cccd());

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refusal(refused)).as("the text of a number without subscription: no oracle")
                    .contains("Không gửi được yêu cầu ký số tới VNPT SmartCA");
            assertThat(phone.pending(person.cccd())).as("no request reached a phone").isZero();
        }

        @Test
        void thenManyPollsAtOnceAskTheProviderOnce() throws Exception {
            SyntheticPerson person = person(164);
            subscribedCitizen("rs-polls", person);
            PortalLogin login = login();
            HttpResponse<String> waiting = send(login, throughTheCard(login), person.cccd());
            long before = phone.requests();

            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
            try {
                List<java.util.concurrent.Future<JsonNode>> polls = new java.util.ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    polls.add(pool.submit(() -> poll(login.web, waiting)));
                }
                for (java.util.concurrent.Future<JsonNode> poll : polls) {
                    assertThat(poll.get().path("status").asText()).isEqualTo("pending");
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(phone.requests() - before).as("provider calls for ten polls at once").isLessThanOrEqualTo(1);
        }

        @Test
        void thenTheFourthRequestForOneNumberWithinTenMinutesIsRefusedWithoutAskingTheProvider() {
            SyntheticPerson person = person(159);
            subscribedCitizen("rs-limit", person);
            for (int i = 0; i < 3; i++) {
                PortalLogin login = login();
                assertThat(code(send(login, throughTheCard(login), person.cccd()))).matches("\\d{4}");
            }
            long calls = phone.requests();
            PortalLogin login = login();

            HttpResponse<String> fourth = send(login, throughTheCard(login), person.cccd());

            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(refusal(fourth)).contains("quá nhiều yêu cầu");
            assertThat(phone.requests()).as("the provider was not asked").isEqualTo(calls);
        }
    }

    @Nested
    class GivenACertificateTheStepMustRefuse {

        @Test
        void thenTheRevokedCertificateOfThePersonaAnIsRefusedAsRevoked() {
            phone.subscribe("001090001234", "an-revoked.p12");
            try {
                PortalLogin login = login();
                HttpResponse<String> waiting = send(login, throughTheCard(login), "001090001234");
                phone.approve("001090001234");

                PortalLogin.Outcome outcome = finish(login, waiting);

                assertThat(outcome.callback()).isEmpty();
                assertThat(outcome.page().statusCode()).isEqualTo(401);
                assertThat(refusal(outcome.page())).contains("thu hồi");
            } finally {
                phone.subscribe("001090001234", "an.p12");
            }
        }

        @Test
        void thenANumberWithoutSubscriptionGetsOneTextAndNoRequestReachesAPhone() {
            SyntheticPerson person = person(161);
            accounts.create("rs-none", person, Map.of("cccd", person.cccd(), "cccd_verified", "true"));
            PortalLogin login = login();

            HttpResponse<String> refused = send(login, throughTheCard(login), person.cccd());

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refusal(refused)).contains("Không gửi được yêu cầu ký số tới VNPT SmartCA");
            assertThat(phone.pending(person.cccd())).isZero();
        }

        @Test
        void thenAMalformedNumberIsAFieldErrorAndNothingIsAsked() {
            long calls = phone.requests();
            PortalLogin login = login();

            HttpResponse<String> page = send(login, throughTheCard(login), "<script>0012</script>");

            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(page.body()).select("#input-error-vneidRsNumber").text())
                    .contains("12 chữ số");
            assertThat(page.body()).doesNotContain("<script>0012");
            assertThat(phone.requests()).isEqualTo(calls);
        }
    }

    @Nested
    class GivenTheProviderDown {

        @Test
        void thenTheCitizenIsToldTheServiceIsNotAnsweringAndNothingChanges() {
            SyntheticPerson person = person(162);
            subscribedCitizen("rs-down", person);
            phone.mode(Mode.DOWN);
            PortalLogin login = login();

            HttpResponse<String> refused = send(login, throughTheCard(login), person.cccd());

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refusal(refused)).contains("VNPT SmartCA đang không phản hồi");
            assertThat(phone.pending(person.cccd())).isZero();
        }

        @Test
        void thenARequestWhoseCertificateLookUpFailedDoesNotCountAgainstTheNumber() {
            SyntheticPerson person = person(150);
            subscribedCitizen("rs-down-count", person);
            phone.mode(Mode.DOWN);
            PortalLogin during = login();
            assertThat(send(during, throughTheCard(during), person.cccd()).statusCode()).isEqualTo(503);
            phone.mode(Mode.NORMAL);

            // the limit is three requests per number: all three are still the citizen's
            for (int i = 0; i < 3; i++) {
                PortalLogin login = login();
                assertThat(code(send(login, throughTheCard(login), person.cccd()))).as("request " + (i + 1))
                        .matches("\\d{4}");
            }
            PortalLogin fourth = login();
            assertThat(send(fourth, throughTheCard(fourth), person.cccd()).statusCode()).isEqualTo(429);
        }
    }
}

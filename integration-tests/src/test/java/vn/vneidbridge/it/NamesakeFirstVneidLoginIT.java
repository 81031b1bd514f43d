package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.OpenReviewEntries;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * A first VNeID login never lands unseen in an account whose number only the population database vouched for.
 * Lê Thị Hoa's namesake ({@code hoa.le95}: same name, birth date and gender, another person) can get Hoa's number
 * verified on her own portal account — the population database cannot tell them apart. Hoa's first VNeID login
 * then shows her that account (masked, no personal data) and asks; "not mine" links nothing, creates Hoa's own
 * user, and the namesake's account loses the verified mark for good. Nguyễn Văn An, whose account it is, says
 * "mine" and is linked; a replayed or foreign answer links nothing.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamesakeFirstVneidLoginIT {

    private static final String HOA = "079195004567";
    private static final String AN = "001090001234";
    private static final String SHOWN_FORM = "#vneid-shown-account-form";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private LinkFixtures fixtures;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.fixtures = new LinkFixtures(admin);
        VneidStandIn.pointDvcAt(keycloak, admin);
        forgetPersonas();
    }

    @AfterAll
    void forgetPersonas() {
        // an entry for Hoa's number left open (here, or by another class's "not mine") would have her first VNeID
        // login asked for the namesake's password instead of shown the account (BV-12)
        OpenReviewEntries.dismiss(admin, List.of(HOA), "test clean-up");
        fixtures.forget(LegacyPersonas.HOA_LE95);
        fixtures.forget(HOA);
        fixtures.forget(LegacyPersonas.NGUYENVANAN);
    }

    private PortalLogin.Outcome vneid(PortalLogin login, String idNumber) {
        return login.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
    }

    private List<String> links(String userId) {
        return admin.get("/admin/realms/dvc/users/" + userId + "/federated-identity").findValuesAsText("identityProvider");
    }

    private List<JsonNode> events(String type, String userId) {
        List<JsonNode> found = new ArrayList<>();
        admin.get("/admin/realms/dvc/events?max=500&type=" + type + "&user=" + userId).forEach(found::add);
        return found;
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    @Nested
    class GivenANamesakeWhoVerifiedHoasNumberOnHerOwnAccount {

        @Test
        void thenHoaIsShownTheAccountSaysNotMineAndGetsHerOwnUserWhileTheNamesakeLosesTheMark() {
            // the namesake types Hoa's number: name, birth date and gender all match Hoa's record
            PortalLogin namesake = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = namesake.submitPassword(LegacyPersonas.HOA_LE95, LegacyPersonas.PASSWORD);
            JWTClaimsSet namesakeClaims = namesake.finish(namesake.skipLinkNoticeIfShown(
                    namesake.submitCccd(form, HOA)));
            String namesakeId = namesakeClaims.getSubject();
            assertThat(attribute(admin.get("/admin/realms/dvc/users/" + namesakeId), "cccd_verified"))
                    .as("the population database could not tell the namesakes apart").isEqualTo("true");

            // Hoa's first VNeID login: the account is shown, nothing is linked yet
            PortalLogin hoa = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = vneid(hoa, HOA);
            assertThat(PortalLogin.isShownAccount(shown)).as(shown.page().body()).isTrue();
            String text = Jsoup.parse(shown.page().body()).text();
            assertThat(text).contains("ho****95", "Công dân", "Đây là tài khoản của tôi", "Không phải tài khoản của tôi");
            assertThat(shown.page().body()).as("nothing Hoa did not type")
                    .doesNotContain(LegacyPersonas.HOA_LE95, "20/11/1995", "1995-11-20", "0915201195", "example.vn");
            assertThat(links(namesakeId)).as("nothing linked before the answer").isEmpty();

            JWTClaimsSet own = hoa.finish(hoa.answerShownAccount(shown, false));

            assertThat(own.getSubject()).as("Hoa's own user, not the namesake's").isNotEqualTo(namesakeId);
            assertThat(own.getClaim("legacy_account_id")).isNull();
            assertThat(links(own.getSubject())).containsExactly("vneid");
            assertThat(links(namesakeId)).isEmpty();
            JsonNode disowned = admin.get("/admin/realms/dvc/users/" + namesakeId);
            assertThat(attribute(disowned, "cccd_verified")).isEqualTo("false");
            assertThat(attribute(disowned, "cccd_disputed_at")).isNotBlank();
            assertThat(events("UPDATE_PROFILE_ERROR", namesakeId)).as("recorded, not silent")
                    .anyMatch(event -> "vneid_cccd_disputed_by_holder".equals(event.path("error").asText()));
            assertThat(admin.get("/admin/realms/dvc/vneid-bridge/review-entries?status=OPEN").toString())
                    .as("a review entry for operators").contains(namesakeId);

            // the namesake keeps her password login, but cannot pass as verified for Hoa's number again
            PortalLogin again = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome cccdForm = again.submitPassword(LegacyPersonas.HOA_LE95, LegacyPersonas.PASSWORD);
            assertThat(cccdForm.page().body()).as("asked for a CCCD again").contains("vneid-cccd-form");
            PortalLogin.Outcome refused = again.submitCccd(cccdForm, HOA);
            assertThat(refused.callback()).isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text()).contains("Vui lòng liên hệ bộ phận hỗ trợ");
            assertThat(attribute(admin.get("/admin/realms/dvc/users/" + namesakeId), "cccd_verified")).isEqualTo("false");

            // Hoa's next VNeID login lands on her own user, with no question
            PortalLogin next = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(next.finish(vneid(next, HOA)).getSubject()).isEqualTo(own.getSubject());
        }
    }

    @Nested
    class GivenNguyenVanAnWhoseAccountItIs {

        @Test
        void thenMineLinksHisLegacyAccountAndAReplayedAnswerChangesNothing() {
            PortalLogin an = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = vneid(an, AN);
            assertThat(Jsoup.parse(shown.page().body()).text()).contains("ng*******an");
            assertThat(shown.page().body()).doesNotContain("Nguyễn Văn An", LegacyPersonas.NGUYENVANAN);

            JWTClaimsSet linked = an.finish(an.confirmShownAccount(shown));

            assertThat(linked.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
            assertThat(links(linked.getSubject())).containsExactly("vneid");
            List<JsonNode> linkEvents = events("FEDERATED_IDENTITY_LINK", linked.getSubject());
            assertThat(linkEvents).anyMatch(e -> "verified_cccd".equals(e.path("details").path("link_method").asText()));

            // the same answer posted again: the login is over, nothing happens
            PortalLogin.Outcome replayed = an.follow(an.web.submit(shown.page(), SHOWN_FORM, Map.of("action", "mine")));
            assertThat(replayed.callback().map(WebClient::query).map(answer -> answer.containsKey("code"))
                    .orElse(false)).as("no authorization code for a replayed answer").isFalse();
            assertThat(events("FEDERATED_IDENTITY_LINK", linked.getSubject())).hasSameSizeAs(linkEvents);

            PortalLogin next = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(next.finish(vneid(next, AN)).getSubject()).as("no question the next time")
                    .isEqualTo(linked.getSubject());
        }

        @Test
        void thenAnAnswerPostedFromAnotherBrowserLinksNothing() {
            fixtures.forget(LegacyPersonas.NGUYENVANAN);
            PortalLogin an = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = vneid(an, AN);
            assertThat(PortalLogin.isShownAccount(shown)).isTrue();

            PortalLogin stranger = new PortalLogin(keycloak, "dvcqg-portal");
            stranger.web.get(stranger.authorizationUri(stranger.parameters()));
            PortalLogin.Outcome forged = stranger.follow(stranger.web.submit(shown.page(), SHOWN_FORM,
                    Map.of("action", "mine")));

            assertThat(forged.callback()).as("another browser's answer does not finish the login").isEmpty();
            JsonNode account = fixtures.user(LegacyPersonas.NGUYENVANAN);
            assertThat(account == null || links(account.get("id").asText()).isEmpty()).as("nothing linked").isTrue();

            // An's own answer still works
            JWTClaimsSet linked = an.finish(an.confirmShownAccount(shown));
            assertThat(linked.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
            fixtures.forget(LegacyPersonas.NGUYENVANAN);
        }
    }
}

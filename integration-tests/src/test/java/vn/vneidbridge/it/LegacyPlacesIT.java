package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import vn.vneidbridge.it.support.TestKeycloak;

/**
 * The legacy view's optional place columns ({@code place_of_birth}, {@code home_town}, {@code permanent_address}):
 * brought into the account at its first login as the old portal had them — normalised, a blank value left out — and
 * shown on the identity page as not verified, until the population database gives them.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyPlacesIT {

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
    }

    @Nested
    class GivenALegacyRowWithItsPlaces {

        @Test
        void thenTheyAreImportedUnverifiedAndTheIdentityPageMarksThemSo() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            login.finish(login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(
                    login.submitPassword(LegacyFixtures.PLACES, LegacyFixtures.PASSWORD))));

            JsonNode user = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username="
                    + LegacyFixtures.PLACES).get(0);
            assertThat(CitizenAccounts.attribute(user, "place_of_birth")).isEqualTo("Bệnh viện Phụ sản Hà Nội");
            assertThat(CitizenAccounts.attribute(user, "home_town")).isEqualTo(LegacyFixtures.PLACES_HOME_TOWN);
            assertThat(CitizenAccounts.attribute(user, "permanent_address")).as("blank: left out").isNull();

            PortalLogin identity = new PortalLogin(keycloak, "dvcqg-portal", login.web);
            Map<String, String> params = identity.parameters();
            params.put("kc_action", "vneid-identity-info");
            HttpResponse<String> page = identity.web.followWithin(identity.web.get(identity.authorizationUri(params)),
                    keycloak.baseUri());
            Document table = Jsoup.parse(page.body());
            assertThat(table.select("#vneid-identity tr[data-field=vneidIdentityHomeTown] .vneid-value").text())
                    .isEqualTo(LegacyFixtures.PLACES_HOME_TOWN);
            assertThat(table.select("#vneid-identity tr[data-field=vneidIdentityHomeTown] .vneid-verified").text())
                    .as("the old portal's word, not the population database's").isEqualTo("✗");
            assertThat(table.select("#vneid-identity tr[data-field=vneidIdentityPlaceOfBirth] .vneid-verified").text())
                    .isEqualTo("✗");
        }
    }
}

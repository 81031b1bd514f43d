package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.core.id.Province;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.TestKeycloakOnPostgres;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;

/**
 * The operators' migration progress counts the legacy database — here PostgreSQL, the operator's production
 * case — with one aggregate query: the numbers are those SQL gives, by account type and by province code.
 * (On H2 the legacy file is Keycloak's alone while it runs; {@code VneidLinkEventsIT} covers progress there.)
 */
@ExtendWith(TestKeycloakOnPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationProgressOnPostgresIT {

    private AdminApi admin;
    private LegacyDatabaseConnection legacy;

    @BeforeAll
    void server(AdminApi admin, LegacyDatabaseConnection legacy) {
        this.admin = admin;
        this.legacy = legacy;
    }

    @Nested
    class GivenTheSeededLegacyDatabase {

        @Test
        void thenTheLegacyCountsAreThoseOfTheDatabaseByTypeAndProvince() throws Exception {
            Map<String, Long> byType = new HashMap<>();
            Map<String, Long> byProvince = new HashMap<>();
            long total = 0;
            try (Connection connection = legacy.open(); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT account_type, cccd FROM vneid_legacy_account")) {
                while (rows.next()) {
                    total++;
                    byType.merge(rows.getString(1).toUpperCase(java.util.Locale.ROOT), 1L, Long::sum);
                    String cccd = rows.getString(2);
                    String province = cccd != null && cccd.length() >= 3
                            && Province.byCode(cccd.substring(0, 3)).isPresent() ? cccd.substring(0, 3) : "none";
                    byProvince.merge(province, 1L, Long::sum);
                }
            }

            JsonNode progress = admin.get("/admin/realms/dvc/vneid-bridge/progress");

            assertThat(progress.path("legacyDatabase").asText()).isEqualTo("available");
            assertThat(progress.path("totals").path("legacy").asLong()).isEqualTo(total);
            byType.forEach((type, count) -> assertThat(progress.path("byAccountType").path(type).path("legacy")
                    .asLong()).as(type).isEqualTo(count));
            byProvince.forEach((province, count) -> assertThat(progress.path("byProvince").path(province)
                    .path("legacy").asLong()).as(province).isEqualTo(count));
            assertThat(progress.path("totals").path("legacyOnly").asLong())
                    .isEqualTo(total - progress.path("totals").path("imported").asLong());
        }
    }
}

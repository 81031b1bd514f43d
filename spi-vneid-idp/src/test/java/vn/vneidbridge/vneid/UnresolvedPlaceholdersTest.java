package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UnresolvedPlaceholdersTest {

    @Nested
    class GivenARealmImportedWithEveryVariableSet {

        @Test
        void thenNothingIsFound() {
            assertThat(UnresolvedPlaceholders.in(Map.of(
                    "client dvcqg-portal secret", "s3cret-from-the-vault",
                    "client dvcqg-portal redirect URI", "https://dichvucong.gov.vn/callback",
                    "identity provider vneid clientSecret", "${vault.vneid-client-secret}",
                    "client account name", "${client_account}",
                    "role description", "${role_view-profile}",
                    "user profile", "{\"displayName\": \"${username}\"}"))).isEmpty();
        }
    }

    @Nested
    class GivenAVariableThatWasNotSet {

        @Test
        void thenItsNameIsFoundOnceWhereverItIs() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("client dvcqg-portal secret", "${DVC_PORTAL_DVCQG_SECRET}");
            values.put("client dvcqg-portal baseUrl", "${DVC_PORTAL_DVCQG_BASE_URL}");
            values.put("client dvcqg-portal redirect URI", "${DVC_PORTAL_DVCQG_BASE_URL}callback");
            values.put("identity provider vneid clientId", "${DVC_VNEID_CLIENT_ID}");
            values.put("client account rootUrl", null);

            assertThat(UnresolvedPlaceholders.in(values)).containsExactly("DVC_PORTAL_DVCQG_BASE_URL",
                    "DVC_PORTAL_DVCQG_SECRET", "DVC_VNEID_CLIENT_ID");
        }

        @Test
        void thenADefaultLeftByAnImportWithoutReplacementIsFoundToo() {
            assertThat(UnresolvedPlaceholders.in(Map.of("authenticator config dvc cutoff citizenModeAfterCutoff",
                    "${DVC_CUTOFF_CITIZEN_MODE:closed}",
                    "identity provider vneid clientSecret", "${DVC_VNEID_CLIENT_SECRET:${vault.vneid-client-secret}}")))
                    .containsExactly("DVC_CUTOFF_CITIZEN_MODE", "DVC_VNEID_CLIENT_SECRET");
        }

        @Test
        void thenTheRefusalNamesTheVariablesAndTheGuideButNoValue() {
            String refusal = UnresolvedPlaceholders.refusal("dvc",
                    UnresolvedPlaceholders.in(Map.of("secret", "${DVC_PORTAL_HATINH_SECRET}")));

            assertThat(refusal).contains("Realm dvc not imported", "DVC_PORTAL_HATINH_SECRET",
                    "realm-export/README.md").doesNotContain("${");
        }
    }

    @Nested
    class GivenTheEnvironmentsVariables {

        @Test
        void thenSafeValuesAndOtherVariablesPass() {
            assertThat(UnresolvedPlaceholders.unsafe(Map.of(
                    "DVC_PORTAL_DVCQG_SECRET", "k3P9-xQ2_vR7.wL5~mN8",
                    "DVC_PORTAL_DVCQG_REDIRECT_URI", "https://dichvucong.gov.vn/oidc/callback?x=1&y=2",
                    "DVC_PORTAL_DVCQG_POST_LOGOUT_REDIRECT_URIS", "https://a.example/##https://b.example/",
                    "PATH", "", "KC_DB_PASSWORD", "with\"quote"))).isEmpty();
        }

        @Test
        void thenAnEmptyValueIsRefusedForItWouldReplaceTheDefaultToo() {
            assertThat(UnresolvedPlaceholders.unsafe(Map.of("DVC_PORTAL_DVCQG_SECRET", "",
                    "DVC_VNEID_ENVIRONMENT", "  ", "DVC_VNEID_CLIENT_ID", "ok")))
                    .containsExactly("DVC_PORTAL_DVCQG_SECRET", "DVC_VNEID_ENVIRONMENT");
        }

        @Test
        void thenAValueThatWouldChangeTheJsonOrBeExpandedAgainIsRefused() {
            assertThat(UnresolvedPlaceholders.unsafe(Map.of(
                    "DVC_A", "x\"},\"publicClient\":true,\"z\":{\"a\":\"",
                    "DVC_B", "https://x/${KC_DB_PASSWORD}",
                    "DVC_C", "back\\slash",
                    "DVC_D", "line\nbreak",
                    "DVC_E", "https://fine.example/")))
                    .containsExactly("DVC_A", "DVC_B", "DVC_C", "DVC_D");
        }

        @Test
        void thenTheRefusalNamesTheVariablesButNoValue() {
            String refusal = UnresolvedPlaceholders.unsafeRefusal("dvc", new java.util.TreeSet<>(
                    java.util.Set.of("DVC_PORTAL_DVCQG_SECRET")));
            assertThat(refusal).contains("Realm dvc not imported", "DVC_PORTAL_DVCQG_SECRET", "realm-export/README.md");
        }
    }
}

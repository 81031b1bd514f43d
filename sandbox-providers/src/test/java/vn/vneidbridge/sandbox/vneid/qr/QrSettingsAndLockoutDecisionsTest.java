package vn.vneidbridge.sandbox.vneid.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import vn.vneidbridge.sandbox.vneid.qr.QrLoginDecisions.AppView;

class QrSettingsAndLockoutDecisionsTest {

    private static AuthenticatorConfigModel config(String validity) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(validity == null ? Map.of() : Map.of(VneidQrPasswordFormFactory.VALIDITY_SECONDS, validity));
        return model;
    }

    @Nested
    class GivenTheFormsValiditySetting {

        @Test
        void thenAnUnconfiguredExecutionGivesTheDefault() {
            assertThat(VneidQrPasswordForm.validitySeconds(null)).isEqualTo(120);
            assertThat(VneidQrPasswordForm.validitySeconds(config(null))).isEqualTo(120);
            assertThat(VneidQrPasswordForm.validitySeconds(config("  "))).isEqualTo(120);
        }

        @Test
        void thenAValueInTheRangeIsTaken() {
            assertThat(VneidQrPasswordForm.validitySeconds(config("30"))).isEqualTo(30);
            assertThat(VneidQrPasswordForm.validitySeconds(config(" 300 "))).isEqualTo(300);
            assertThat(VneidQrPasswordForm.validitySeconds(config("600"))).isEqualTo(600);
        }

        @Test
        void thenAValueOutsideIsBroughtToTheNearestLimit() {
            assertThat(VneidQrPasswordForm.validitySeconds(config("5"))).isEqualTo(30);
            assertThat(VneidQrPasswordForm.validitySeconds(config("0"))).isEqualTo(30);
            assertThat(VneidQrPasswordForm.validitySeconds(config("-100"))).isEqualTo(30);
            assertThat(VneidQrPasswordForm.validitySeconds(config("86400"))).isEqualTo(600);
            assertThat(VneidQrPasswordForm.validitySeconds(config("99999999999999"))).isEqualTo(600);
        }

        @Test
        void thenSomethingNotAWholeNumberGivesTheDefault() {
            assertThat(VneidQrPasswordForm.validitySeconds(config("2m"))).isEqualTo(120);
            assertThat(VneidQrPasswordForm.validitySeconds(config("30.5"))).isEqualTo(120);
        }

        @Test
        void thenTheConsoleOffersItWithTheDefault() {
            VneidQrPasswordFormFactory factory = new VneidQrPasswordFormFactory();
            assertThat(factory.isConfigurable()).isTrue();
            assertThat(factory.getConfigProperties()).singleElement().satisfies(property -> {
                assertThat(property.getName()).isEqualTo(VneidQrPasswordFormFactory.VALIDITY_SECONDS);
                assertThat(property.getDefaultValue()).isEqualTo(120);
                assertThat(property.getLabel()).isEqualTo("vneidSandboxQrValidity");
                assertThat(property.getHelpText()).isEqualTo("vneidSandboxQrValidityHelp");
            });
        }
    }

    @Nested
    class GivenAPageStoredWithItsValidity {

        @Test
        void thenItsRenewalsKeepIt() {
            QrPage page = new QrPage("token-token-token-1", "root", "tab", "client", 1_000L, 45);
            assertThat(QrPage.fromNotes(page.toNotes())).isEqualTo(page);
        }

        @Test
        void thenAPageStoredBeforeTheSettingExistedHasTheDefault() {
            Map<String, String> notes = new java.util.HashMap<>(
                    new QrPage("token-token-token-1", "root", "tab", "client", 1_000L, 45).toNotes());
            notes.remove("validitySeconds");
            assertThat(QrPage.fromNotes(notes).validitySeconds()).isEqualTo(120);
        }
    }

    @Nested
    class GivenARefusedAppLogin {

        @Test
        void thenAWrongPasswordOfAnEnabledAccountCountsForKeycloaksBruteForceDetection() {
            assertThat(QrLoginDecisions.countsAsFailedLogin(true, true, true, false)).isTrue();
        }

        @Test
        void thenNothingCountsWhenTheRealmHasItOffOrThereIsNoAccountToCount() {
            assertThat(QrLoginDecisions.countsAsFailedLogin(false, true, true, false)).isFalse();
            assertThat(QrLoginDecisions.countsAsFailedLogin(true, false, false, false)).isFalse();
            assertThat(QrLoginDecisions.countsAsFailedLogin(true, true, false, false)).isFalse();
        }

        @Test
        void thenTriesAgainstALockedAccountDoNotLengthenTheLock() {
            assertThat(QrLoginDecisions.countsAsFailedLogin(true, true, true, true)).isFalse();
        }

        @Test
        void thenTheAppSaysLockedWrongOrCancelled() {
            assertThat(QrLoginDecisions.appLoginError(AppView.LOGIN, true)).isEqualTo("vneidSandboxAppLocked");
            assertThat(QrLoginDecisions.appLoginError(AppView.LOGIN, false))
                    .isEqualTo("vneidSandboxAppInvalidCredentials");
            assertThat(QrLoginDecisions.appLoginError(AppView.ANSWERED, true))
                    .isEqualTo("vneidSandboxAppTooManyAttempts");
        }
    }
}

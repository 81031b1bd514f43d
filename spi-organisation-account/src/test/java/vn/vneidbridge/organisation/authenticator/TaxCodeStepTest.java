package vn.vneidbridge.organisation.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.user.AccountKind;

class TaxCodeStepTest {

    @Nested
    class GivenAnOrganisationsAccount {

        @Test
        void thenItIsAskedForItsTaxCodeUntilTheCodeIsVerified() {
            assertThat(TaxCodeStep.decide(AccountKind.ORGANISATION, false, false)).isEqualTo(TaxCodeStep.ASK);
            assertThat(TaxCodeStep.decide(AccountKind.ORGANISATION, true, false)).isEqualTo(TaxCodeStep.PASS);
        }

        @Test
        void thenAnAdministratorsAccountIsNeverAsked() {
            assertThat(TaxCodeStep.decide(AccountKind.ORGANISATION, false, true)).isEqualTo(TaxCodeStep.PASS);
        }
    }

    @Nested
    class GivenACitizensAccount {

        @Test
        void thenItIsNeverAskedForATaxCode() {
            assertThat(TaxCodeStep.decide(AccountKind.CITIZEN, false, false)).isEqualTo(TaxCodeStep.PASS);
            assertThat(TaxCodeStep.decide(AccountKind.CITIZEN, false, true)).isEqualTo(TaxCodeStep.PASS);
        }
    }

    @Nested
    class GivenTheSkipButton {

        @Test
        void thenItIsOfferedWhileTheSettingAllowsItAndNeverInLinkOnlyMode() {
            assertThat(TaxCodeStep.skipAllowed(true, false)).isTrue();
            assertThat(TaxCodeStep.skipAllowed(false, false)).isFalse();
            assertThat(TaxCodeStep.skipAllowed(true, true)).isFalse();
        }
    }
}

package vn.vneidbridge.cccd.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.user.AccountKind;

class CccdCheckAuthenticatorTest {

    @Nested
    class GivenACitizensAccount {

        @Test
        void thenItIsAskedForItsCccdUntilOneIsVerified() {
            assertThat(CccdCheckAuthenticator.asksForCccd(AccountKind.CITIZEN, false, false)).isTrue();
            assertThat(CccdCheckAuthenticator.asksForCccd(AccountKind.CITIZEN, true, false)).isFalse();
        }

        @Test
        void thenAnAdministratorIsNeverAsked() {
            assertThat(CccdCheckAuthenticator.asksForCccd(AccountKind.CITIZEN, false, true)).isFalse();
        }
    }

    @Nested
    class GivenAnOrganisationsAccount {

        @Test
        void thenItIsNeverAskedForAPersonsIdNumber() {
            assertThat(CccdCheckAuthenticator.asksForCccd(AccountKind.ORGANISATION, false, false)).isFalse();
            assertThat(CccdCheckAuthenticator.asksForCccd(AccountKind.ORGANISATION, false, true)).isFalse();
        }
    }
}

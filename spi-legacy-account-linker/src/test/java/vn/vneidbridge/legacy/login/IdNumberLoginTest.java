package vn.vneidbridge.legacy.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.legacy.login.IdNumberHolders.Holder;

class IdNumberLoginTest {

    private static Holder citizen(String id, String username, boolean trusted) {
        return new Holder(id, username, AccountKind.CITIZEN, trusted);
    }

    @Nested
    class GivenOneCitizensAccountHoldingTheNumberVerified {

        @Test
        void thenTheNumberStandsForItsUsername() {
            assertThat(IdNumberLogin.username(List.of(citizen("u1", "to.thi.nga", true)))).contains("to.thi.nga");
        }

        @Test
        void thenOtherAccountsHoldingItUnverifiedDoNotMatter() {
            assertThat(IdNumberLogin.username(List.of(citizen("u1", "to.thi.nga", true),
                    citizen("u2", "someone.else", false)))).contains("to.thi.nga");
        }

        @Test
        void thenTheSameAccountFoundTwiceIsStillOne() {
            // a Keycloak user found by its attribute and again as its imported legacy row
            assertThat(IdNumberLogin.username(List.of(citizen("u1", "to.thi.nga", true),
                    citizen("u1", "to.thi.nga", true)))).contains("to.thi.nga");
        }
    }

    @Nested
    class GivenNoAccountOrSeveral {

        @Test
        void thenNoAccountAtAllIsNone() {
            assertThat(IdNumberLogin.username(List.of())).isEmpty();
        }

        @Test
        void thenOnlyUnverifiedHoldersAreNone() {
            assertThat(IdNumberLogin.username(List.of(citizen("u1", "to.thi.nga", false)))).isEmpty();
        }

        @Test
        void thenTwoVerifiedHoldersAreNone() {
            assertThat(IdNumberLogin.username(List.of(citizen("u1", "a", true), citizen("u2", "b", true)))).isEmpty();
        }

        @Test
        void thenAnOrganisationsAccountIsNeverNamedByItsRepresentativesNumber() {
            assertThat(IdNumberLogin.username(List.of(new Holder("u1", "congtyabc", AccountKind.ORGANISATION, true))))
                    .isEmpty();
        }
    }

    @Test
    void thenTheTabIsTheIdNumbersOnlyWhenSaidExactly() {
        assertThat(IdNumberLogin.tab("id_number")).isEqualTo(IdNumberLogin.BY_ID_NUMBER);
        assertThat(IdNumberLogin.tab(null)).isEqualTo(IdNumberLogin.BY_USERNAME);
        assertThat(IdNumberLogin.tab("ID_NUMBER")).isEqualTo(IdNumberLogin.BY_USERNAME);
        assertThat(IdNumberLogin.tab("<script>")).isEqualTo(IdNumberLogin.BY_USERNAME);
        assertThat(IdNumberLogin.tab("certificate")).isEqualTo(IdNumberLogin.BY_CERTIFICATE);
        assertThat(IdNumberLogin.tab("CERTIFICATE")).isEqualTo(IdNumberLogin.BY_USERNAME);
    }
}

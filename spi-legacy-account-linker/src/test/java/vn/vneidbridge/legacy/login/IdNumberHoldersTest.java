package vn.vneidbridge.legacy.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.legacy.login.IdNumberHolders.Holder;

/** What the certificate login learns besides "one": "several" (support decides) is not "none" (verify first). */
class IdNumberHoldersTest {

    private static Holder citizen(String id, String username, boolean trusted) {
        return new Holder(id, username, AccountKind.CITIZEN, trusted);
    }

    @Test
    void thenTwoTrustedHoldersAreSeveralNotNone() {
        assertThat(IdNumberHolders.of(List.of(citizen("u1", "a", true), citizen("u2", "b", true))))
                .isInstanceOf(IdNumberHolders.Several.class);
    }

    @Test
    void thenAnUntrustedHolderBesideATrustedOneLeavesOne() {
        assertThat(IdNumberHolders.of(List.of(citizen("u1", "a", false), citizen("u2", "b", true))))
                .isEqualTo(new IdNumberHolders.One("u2", "b", java.util.Optional.empty()));
    }

    @Test
    void thenOnlyAnOrganisationHoldingItIsNone() {
        assertThat(IdNumberHolders.of(List.of(new Holder("u1", "congtyabc", AccountKind.ORGANISATION, true))))
                .isInstanceOf(IdNumberHolders.None.class);
    }

    @Test
    void thenTheOneHoldersNumberAndNameStayOutOfItsText() {
        assertThat(new IdNumberHolders.One("u1", "nguyenvanan", java.util.Optional.empty()).toString())
                .doesNotContain("nguyenvanan").doesNotContain("u1");
        assertThat(citizen("u1", "nguyenvanan", true).toString()).doesNotContain("nguyenvanan").doesNotContain("u1");
    }
}

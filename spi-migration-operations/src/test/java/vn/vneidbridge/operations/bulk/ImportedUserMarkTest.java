package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.operations.bulk.ImportedUserMark.Decision;
import vn.vneidbridge.operations.bulk.ImportedUserMark.UserFacts;

class ImportedUserMarkTest {

    private static final String NUMBER = "001185000123";
    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    private static Decision decide(UserFacts user) {
        return ImportedUserMark.decide(NUMBER, "Tô Thị Nga", BORN, user);
    }

    @Test
    void aUserHoldingTheCheckedNumberAndProfileIsMarked() {
        assertThat(decide(new UserFacts(NUMBER, false, false, "Tô Thị Nga", "1985-03-14", false)))
                .isEqualTo(Decision.APPLY);
    }

    @Test
    void aUserWhoseNumberOrProfileChangedSinceIsNotMarked() {
        assertThat(decide(new UserFacts("079185000999", false, false, "Tô Thị Nga", "1985-03-14", false)))
                .isEqualTo(Decision.PROFILE_CHANGED);
        assertThat(decide(new UserFacts(NUMBER, false, false, "Tô Thị Hoa", "1985-03-14", false)))
                .isEqualTo(Decision.PROFILE_CHANGED);
        assertThat(decide(new UserFacts(NUMBER, false, false, "Tô Thị Nga", null, false)))
                .isEqualTo(Decision.PROFILE_CHANGED);
    }

    @Test
    void aDisputedNumberOrOneVerifiedOnAnotherUserIsNotMarked() {
        assertThat(decide(new UserFacts(NUMBER, false, true, "Tô Thị Nga", "1985-03-14", false)))
                .isEqualTo(Decision.DISPUTED);
        assertThat(decide(new UserFacts(NUMBER, false, false, "Tô Thị Nga", "1985-03-14", true)))
                .isEqualTo(Decision.VERIFIED_ELSEWHERE);
    }

    @Test
    void anAlreadyVerifiedUserKeepsItsOwnSource() {
        assertThat(decide(new UserFacts(NUMBER, true, false, "Tô Thị Nga", "1985-03-14", false)))
                .isEqualTo(Decision.ALREADY_VERIFIED);
    }
}

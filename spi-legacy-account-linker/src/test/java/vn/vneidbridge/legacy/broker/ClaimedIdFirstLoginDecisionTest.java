package vn.vneidbridge.legacy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.legacy.broker.ClaimedIdFirstLoginDecision.Offered;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Account;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.ConfirmByPassword;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Conflict;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Facts;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Outcome;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Refuse;

/**
 * A first login through a provider whose number is its own word (Vietnam Post's account): VNeID's first decision on
 * the same facts, made stricter. Each case takes the facts through {@link FirstVneidLoginDecision#decide} first, as
 * the login does, so a change in VNeID's rules that would loosen this path shows here.
 */
class ClaimedIdFirstLoginDecisionTest {

    private static final Account AN = new Account("an-id", false, true, false, Optional.of("nguyenvanan"));
    private static final Account BINH = new Account("binh-id", false, true, false, Optional.of("tranvanbinh"));
    private static final Account BINH_HCM = new Account("binh-hcm-id", false, true, false,
            Optional.of("tranvanbinh.hcm"));
    private static final Account ADMIN = new Account("quantri-id", true, true, false, Optional.of("quantri"));
    private static final Account OFFICIAL = new Account("canbo-id", false, true, false, Optional.of("canbo.hatinh"));
    private static final Account FROM_VNEID = new Account("vneid-user-id", false, true, false,
            Optional.of("vneid-7f3a"));
    private static final Account NO_USERNAME = new Account("row-id", false, true, false);

    private static final Map<String, Offered> ACCOUNTS = Map.of(
            "nguyenvanan", new Offered(false, true),
            "tranvanbinh", new Offered(false, true),
            "canbo.hatinh", new Offered(true, true),
            "vneid-7f3a", new Offered(false, false),
            "tothinga", new Offered(false, true),
            "phamminhduc", new Offered(false, true));
    private static final Function<String, Optional<Offered>> OFFERED = username ->
            Optional.ofNullable(ACCOUNTS.get(username));

    private static Facts verified(Account... accounts) {
        return new Facts(true, List.of(accounts), List.of(), List.of(), Optional.empty(), false);
    }

    private static Outcome first(Facts facts) {
        return ClaimedIdFirstLoginDecision.adapt(FirstVneidLoginDecision.decide(facts), facts, OFFERED);
    }

    @Nested
    class GivenOneAccountHoldingTheNumberVerified {

        @Test
        void thenItsPasswordIsAskedNeverAOneClickConfirmation() {
            assertThat(first(verified(AN))).isEqualTo(new ConfirmByPassword(List.of("nguyenvanan")));
        }

        @Test
        void thenAStateOfficialsAccountIsRefusedWithTheCardsOwnWords() {
            assertThat(first(verified(OFFICIAL))).isEqualTo(new Refuse(FirstLoginRefusal.STATE_STAFF));
            assertThat(FirstLoginRefusal.STATE_STAFF.messageKey()).isEqualTo("dvcClaimedIdNotForStateStaff");
        }

        @Test
        void thenAnAdministratorsAccountIsRefusedAsTheStatesStaff() {
            assertThat(first(verified(ADMIN))).isEqualTo(new Refuse(FirstLoginRefusal.STATE_STAFF));
        }

        @Test
        void thenAUserCreatedFromVneidWithoutAPasswordIsSentToVneid() {
            Facts facts = new Facts(true, List.of(), List.of(), List.of(), Optional.of(FROM_VNEID), true);
            assertThat(first(facts)).isEqualTo(new Refuse(FirstLoginRefusal.VNEID_ONLY_ACCOUNT));
            assertThat(first(verified(FROM_VNEID))).isEqualTo(new Refuse(FirstLoginRefusal.VNEID_ONLY_ACCOUNT));
        }

        @Test
        void thenAnAccountWhoseUsernameIsNotKnownIsNotOffered() {
            assertThat(first(verified(NO_USERNAME))).isEqualTo(new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID));
        }

        @Test
        void thenAnAccountThatCannotBeReadIsNotOffered() {
            Account gone = new Account("gone-id", false, true, false, Optional.of("gone"));
            assertThat(first(verified(gone))).isEqualTo(new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID));
        }

        @Test
        void thenADisabledOrAlreadyLinkedAccountKeepsVneidsRefusal() {
            Account disabled = new Account("an-id", false, false, false, Optional.of("nguyenvanan"));
            Account linked = new Account("an-id", false, true, true, Optional.of("nguyenvanan"));
            assertThat(first(verified(disabled))).isEqualTo(new Refuse(FirstLoginRefusal.ACCOUNT_DISABLED));
            assertThat(first(verified(linked))).isEqualTo(new Refuse(FirstLoginRefusal.ACCOUNT_LINKED_ELSEWHERE));
        }
    }

    @Nested
    class GivenNoAccountHoldingTheNumber {

        @Test
        void thenNoUserIsCreatedFromTheProvidersWord() {
            Facts none = new Facts(true, List.of(), List.of(), List.of(), Optional.empty(), false);
            assertThat(first(none)).isEqualTo(new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID));
        }

        @Test
        void thenAnAccountItsHolderUnlinkedIsNeverDisputedOnTheProvidersWord() {
            // VNeID would create the holder's user and take the mark off the unlinked account
            Facts unlinked = new Facts(true, List.of(), List.of(), List.of("an-id"), Optional.empty(), false);
            assertThat(FirstVneidLoginDecision.decide(unlinked)).isInstanceOf(FirstVneidLoginDecision.Create.class);
            assertThat(first(unlinked)).isEqualTo(new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID));
        }

        @Test
        void thenAnIdentityWithoutAValidNumberIsRefused() {
            Facts invalid = new Facts(false, List.of(), List.of(), List.of(), Optional.empty(), false);
            assertThat(first(invalid)).isEqualTo(new Refuse(FirstLoginRefusal.INVALID_ID_NUMBER));
        }
    }

    @Nested
    class GivenAccountsToConfirm {

        @Test
        void thenAccountsHoldingTheNumberUnverifiedOrOnlyTheCmndAreNeverOffered() {
            // VNeID would ask their passwords (the registry confirmed them for the number VNeID vouched for)
            Facts facts = new Facts(true, List.of(), List.of("tothinga", "phamminhduc"), List.of(), Optional.empty(),
                    false);
            assertThat(FirstVneidLoginDecision.decide(facts))
                    .isEqualTo(new ConfirmByPassword(List.of("tothinga", "phamminhduc")));
            assertThat(first(facts)).isEqualTo(new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID));
        }

        @Test
        void thenTheOneVerifiedAccountInReviewIsAskedForItsPassword() {
            Facts inReview = new Facts(true, List.of(AN), List.of(), List.of(), Optional.empty(), false, true);
            assertThat(first(inReview)).isEqualTo(new ConfirmByPassword(List.of("nguyenvanan")));
        }

        @Test
        void thenTheOneVerifiedAccountInReviewIsRefusedWhenItIsAStateOfficials() {
            Facts inReview = new Facts(true, List.of(OFFICIAL), List.of(), List.of(), Optional.empty(), false, true);
            assertThat(first(inReview)).isEqualTo(new Refuse(FirstLoginRefusal.STATE_STAFF));
        }

        @Test
        void thenDecliningThePasswordCreatesNothingAndDisputesNothing() {
            // VNeID's answer would create the holder's user and take the mark off the unlinked account
            assertThat(FirstVneidLoginDecision.onPasswordDeclined(
                    new Facts(true, List.of(), List.of("tothinga"), List.of("an-id"), Optional.empty(), false),
                    List.of("tothinga"))).isInstanceOf(FirstVneidLoginDecision.Create.class);
            assertThat(ClaimedIdFirstLoginDecision.onPasswordDeclined())
                    .isEqualTo(new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID));
        }
    }

    @Nested
    class GivenSeveralAccountsHoldingTheNumberVerified {

        @Test
        void thenItIsAConflictAsForVneid() {
            assertThat(first(verified(BINH, BINH_HCM))).isEqualTo(new Conflict(List.of("binh-id", "binh-hcm-id")));
        }
    }
}

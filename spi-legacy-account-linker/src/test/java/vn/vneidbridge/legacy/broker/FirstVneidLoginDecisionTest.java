package vn.vneidbridge.legacy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Account;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.ConfirmByPassword;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Conflict;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Create;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Facts;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Link;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.LinkMethod;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Refuse;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.ShowAccount;

class FirstVneidLoginDecisionTest {

    private static final Account AN = new Account("an", false, true, false);
    private static final Account NAMESAKE = new Account("hoa.le95", false, true, false);

    private static final Account AN_WITH_USERNAME = new Account("an", false, true, false, Optional.of("nguyenvanan"));

    /** The one verified account of a number with an open review entry. */
    private static Facts inReview(Account verified) {
        return new Facts(true, List.of(verified), List.of(), List.of(), Optional.empty(), false, true);
    }

    private static Facts found(List<Account> verified, List<String> toConfirm) {
        return new Facts(true, verified, toConfirm, List.of(), Optional.empty(), false);
    }

    @Nested
    class GivenTheFirstDecision {

        @Test
        void thenAnIdentityWithoutAValidNumberIsRefusedWithItsOwnMessage() {
            var outcome = FirstVneidLoginDecision.decide(
                    new Facts(false, List.of(), List.of(), List.of(), Optional.empty(), false));
            assertThat(outcome).isEqualTo(new Refuse(FirstLoginRefusal.INVALID_ID_NUMBER));
            assertThat(FirstLoginRefusal.INVALID_ID_NUMBER.messageKey())
                    .isNotEqualTo(FirstLoginRefusal.SEVERAL_ACCOUNTS.messageKey());
        }

        @Test
        void thenOneVerifiedAccountIsShownToTheHolderNeverLinkedUnseen() {
            assertThat(FirstVneidLoginDecision.decide(found(List.of(AN), List.of()))).isEqualTo(new ShowAccount("an"));
        }

        @Test
        void thenSeveralVerifiedAccountsAreAConflictForOperators() {
            assertThat(FirstVneidLoginDecision.decide(found(List.of(AN, NAMESAKE), List.of())))
                    .isEqualTo(new Conflict(List.of("an", "hoa.le95")));
        }

        @Test
        void thenAnAdministratorsAccountIsRefusedBeforeItIsShown() {
            var admin = new Account("quantri", true, true, false);
            assertThat(FirstVneidLoginDecision.decide(found(List.of(admin), List.of())))
                    .isEqualTo(new Refuse(FirstLoginRefusal.ADMINISTRATOR));
        }

        @Test
        void thenADisabledAccountIsRefused() {
            var locked = new Account("locked", false, false, false);
            assertThat(FirstVneidLoginDecision.decide(found(List.of(locked), List.of())))
                    .isEqualTo(new Refuse(FirstLoginRefusal.ACCOUNT_DISABLED));
        }

        @Test
        void thenAnAccountLinkedToAnotherVneidIdentityIsRefusedWithItsOwnMessage() {
            var linked = new Account("linked", false, true, true);
            assertThat(FirstVneidLoginDecision.decide(found(List.of(linked), List.of())))
                    .isEqualTo(new Refuse(FirstLoginRefusal.ACCOUNT_LINKED_ELSEWHERE));
            assertThat(FirstLoginRefusal.ACCOUNT_LINKED_ELSEWHERE.messageKey())
                    .isNotEqualTo(FirstLoginRefusal.SEVERAL_ACCOUNTS.messageKey());
        }

        @Test
        void thenTheOneVerifiedAccountOfANumberOperatorsAreReviewingIsNotShownButItsPasswordAsked() {
            assertThat(FirstVneidLoginDecision.decide(inReview(AN_WITH_USERNAME)))
                    .as("a job found the number on another account after it marked this one (BV-12)")
                    .isEqualTo(new ConfirmByPassword(List.of("nguyenvanan")));
        }

        @Test
        void thenTheHoldersOwnUserFromAnInterruptedVneidLoginIsShownAsBeforeWhileInReview() {
            // review 2026-12-05 (BV-12 fix), F1: "not mine" opened the entry, the holder's user was created from
            // VNeID and the link never stored; it has no password to ask, and asking would lock the holder out
            var own = new Account("vneid-7f3a", false, true, false, Optional.of("vneid-7f3a"));
            var facts = new Facts(true, List.of(own), List.of(), List.of(), Optional.of(own), true, true);
            assertThat(FirstVneidLoginDecision.decide(facts)).isEqualTo(new ShowAccount("vneid-7f3a"));
        }

        @Test
        void thenAnotherAccountInReviewIsAskedForEvenWhenTheHolderHasAUserFromAnInterruptedLogin() {
            var own = new Account("vneid-7f3a", false, true, false, Optional.of("vneid-7f3a"));
            var facts = new Facts(true, List.of(AN_WITH_USERNAME), List.of(), List.of(), Optional.of(own), true, true);
            assertThat(FirstVneidLoginDecision.decide(facts)).isEqualTo(new ConfirmByPassword(List.of("nguyenvanan")));
        }

        @Test
        void thenAnAccountInReviewIsStillRefusedForWhatWouldRefuseItShown() {
            var admin = new Account("quantri", true, true, false, Optional.of("quantri"));
            assertThat(FirstVneidLoginDecision.decide(inReview(admin)))
                    .isEqualTo(new Refuse(FirstLoginRefusal.ADMINISTRATOR));
        }

        @Test
        void thenAnAccountInReviewWhoseUsernameIsUnknownGoesToOperators() {
            assertThat(FirstVneidLoginDecision.decide(inReview(AN))).isEqualTo(new Conflict(List.of("an")));
        }

        @Test
        void thenAReviewOfTheNumberDoesNotStopTheAccountsOnlyItsPasswordProves() {
            var facts = new Facts(true, List.of(), List.of("tothinga"), List.of(), Optional.empty(), false, true);
            assertThat(FirstVneidLoginDecision.decide(facts)).isEqualTo(new ConfirmByPassword(List.of("tothinga")));
        }

        @Test
        void thenUnprovenAccountsAskForTheirPassword() {
            assertThat(FirstVneidLoginDecision.decide(found(List.of(), List.of("tothinga"))))
                    .isEqualTo(new ConfirmByPassword(List.of("tothinga")));
        }

        @Test
        void thenNoAccountCreatesTheHoldersUser() {
            assertThat(FirstVneidLoginDecision.decide(found(List.of(), List.of()))).isEqualTo(new Create(List.of()));
        }

        @Test
        void thenAnAccountThatHasTheNumberAsUsernameBlocksCreation() {
            var facts = new Facts(true, List.of(), List.of(), List.of(), Optional.empty(), true);
            assertThat(FirstVneidLoginDecision.decide(facts)).isEqualTo(new Refuse(FirstLoginRefusal.USERNAME_TAKEN));
        }

        @Test
        void thenAnAccountTheHolderUnlinkedThatIsNotOfferedLosesTheMarkBeforeTheUserIsCreated() {
            // verified and unlinked by the holder, but the population database no longer confirms it, so it is not
            // offered: the created user's link would fail on the number verified there and leave an orphan
            var facts = new Facts(true, List.of(), List.of(), List.of("unlinked"), Optional.empty(), false);
            assertThat(FirstVneidLoginDecision.decide(facts)).isEqualTo(new Create(List.of("unlinked")));
        }

        @Test
        void thenAUserLeftByAnInterruptedCreationFromVneidIsShownNotRefused() {
            var orphan = new Account("orphan", false, true, false);
            var facts = new Facts(true, List.of(), List.of(), List.of(), Optional.of(orphan), true);
            assertThat(FirstVneidLoginDecision.decide(facts)).isEqualTo(new ShowAccount("orphan"));
        }
    }

    @Nested
    class GivenTheHoldersAnswerOnTheShownAccount {

        @Test
        void thenMineLinksTheVeryAccountShown() {
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("an", true, found(List.of(AN), List.of())))
                    .isEqualTo(new Link("an", LinkMethod.SHOWN_AND_CONFIRMED));
        }

        @Test
        void thenNotMineCreatesTheHoldersUserAndDisputesTheAccount() {
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("hoa.le95", false,
                    found(List.of(NAMESAKE), List.of()))).isEqualTo(new Create(List.of("hoa.le95")));
        }

        @Test
        void thenNotMineAlsoDisputesAnAccountTheHolderUnlinkedSoNoOrphanIsLeft() {
            var facts = new Facts(true, List.of(NAMESAKE), List.of(), List.of("unlinked"), Optional.empty(), false);
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("hoa.le95", false, facts))
                    .isEqualTo(new Create(List.of("hoa.le95", "unlinked")));
        }

        @Test
        void thenMineForAnAccountNoLongerFoundLinksNothing() {
            var now = found(List.of(), List.of());
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("an", true, now)).isEqualTo(new Create(List.of()));
        }

        @Test
        void thenMineForAnotherAccountThanTheOneShownIsRefused() {
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("an", true, found(List.of(NAMESAKE), List.of())))
                    .isEqualTo(new Refuse(FirstLoginRefusal.ACCOUNT_CHANGED));
        }

        @Test
        void thenMineWhenTheNumberWentToReviewMeanwhileAsksForTheAccountsPassword() {
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("an", true, inReview(AN_WITH_USERNAME)))
                    .isEqualTo(new ConfirmByPassword(List.of("nguyenvanan")));
        }

        @Test
        void thenMineWhenASecondAccountAppearedMeanwhileIsAConflict() {
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("an", true,
                    found(List.of(AN, NAMESAKE), List.of()))).isInstanceOf(Conflict.class);
        }

        @Test
        void thenMineForAnAccountMadeAdministratorMeanwhileIsRefused() {
            var nowAdmin = new Account("an", true, true, false);
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("an", true, found(List.of(nowAdmin), List.of())))
                    .isEqualTo(new Refuse(FirstLoginRefusal.ADMINISTRATOR));
        }

        @Test
        void thenNotMineForAUserCreatedFromVneidCannotCreateASecondOne() {
            var orphan = new Account("orphan", false, true, false);
            var facts = new Facts(true, List.of(), List.of(), List.of(), Optional.of(orphan), true);
            assertThat(FirstVneidLoginDecision.onShownAccountAnswer("orphan", false, facts))
                    .isEqualTo(new Refuse(FirstLoginRefusal.USERNAME_TAKEN));
        }
    }

    @Nested
    class GivenNotMineOnThePasswordPage {

        @Test
        void thenAnUnverifiedAccountIsLeftAsItIsAndTheUserCreated() {
            assertThat(FirstVneidLoginDecision.onPasswordDeclined(found(List.of(), List.of("tothinga")),
                    List.of("tothinga")))
                    .isEqualTo(new Create(List.of()));
        }

        @Test
        void thenAnUnlinkedAccountHoldingTheNumberVerifiedLosesTheMarkSoNoOrphanIsLeft() {
            var facts = new Facts(true, List.of(), List.of("nguyenvanan"), List.of("an"), Optional.empty(), false);
            assertThat(FirstVneidLoginDecision.onPasswordDeclined(facts, List.of("nguyenvanan")))
                    .isEqualTo(new Create(List.of("an")));
        }

        @Test
        void thenAnAccountWithTheNumberAsUsernameStillBlocksCreation() {
            var facts = new Facts(true, List.of(), List.of("001090001234"), List.of(), Optional.empty(), true);
            assertThat(FirstVneidLoginDecision.onPasswordDeclined(facts, List.of("001090001234")))
                    .isEqualTo(new Refuse(FirstLoginRefusal.USERNAME_TAKEN));
        }

        @Test
        void thenTheAccountAskedForBecauseItsNumberIsInReviewIsDisputedAsOnTheShownPage() {
            assertThat(FirstVneidLoginDecision.onPasswordDeclined(inReview(AN_WITH_USERNAME),
                    List.of("nguyenvanan"))).isEqualTo(new Create(List.of("an")));
        }

        @Test
        void thenAnotherAccountThanTheOneAskedForIsNeverDisputedByTheAnswer() {
            assertThat(FirstVneidLoginDecision.onPasswordDeclined(inReview(AN_WITH_USERNAME), List.of("tothinga")))
                    .as("the facts changed since the page: ask again, dispute nothing")
                    .isEqualTo(new ConfirmByPassword(List.of("nguyenvanan")));
        }

        @Test
        void thenAVerifiedAccountThatAppearedMeanwhileIsShownFirst() {
            assertThat(FirstVneidLoginDecision.onPasswordDeclined(found(List.of(AN), List.of("tothinga")),
                    List.of("tothinga")))
                    .isEqualTo(new ShowAccount("an"));
        }
    }
}

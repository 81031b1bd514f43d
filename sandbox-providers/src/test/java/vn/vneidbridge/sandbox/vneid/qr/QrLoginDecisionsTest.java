package vn.vneidbridge.sandbox.vneid.qr;

import static org.assertj.core.api.Assertions.assertThat;

import vn.vneidbridge.sandbox.vneid.qr.QrLoginDecisions.AppView;
import vn.vneidbridge.sandbox.vneid.qr.QrLoginDecisions.Outcome;
import vn.vneidbridge.sandbox.vneid.qr.QrLoginDecisions.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QrLoginDecisionsTest {

    private static final long NOW = 1_000_000L;
    private static final long EXPIRES = NOW + 60;
    private static final QrPage PAGE = new QrPage("token-token-token-1", "root-A", "tab-A", "client", EXPIRES);
    private static final QrLogin PENDING = QrLogin.pending("root-A", "tab-A", "handle", "client", EXPIRES, "csrf");
    private static final QrLogin IN_APP = PENDING.withAppUser("user-1", "app-csrf");
    private static final QrLogin CONFIRMED = IN_APP.confirmed();
    private static final QrLogin REFUSED = IN_APP.refused();

    @Nested
    class GivenTheLoginFormReceivesAHandle {

        @Test
        void thenAConfirmedQrOfThisVerySessionIsAccepted() {
            assertThat(QrLoginDecisions.atLoginForm(PAGE, CONFIRMED, "root-A", "tab-A", NOW)).isEqualTo(Outcome.ACCEPT);
        }

        @Test
        void thenAConfirmedQrOfAnotherBrowserIsForeign() {
            assertThat(QrLoginDecisions.atLoginForm(PAGE, CONFIRMED, "root-B", "tab-A", NOW)).isEqualTo(Outcome.FOREIGN);
        }

        @Test
        void thenAConfirmedQrOfAnotherTabOfTheSameBrowserIsForeign() {
            assertThat(QrLoginDecisions.atLoginForm(PAGE, CONFIRMED, "root-A", "tab-B", NOW)).isEqualTo(Outcome.FOREIGN);
        }

        @Test
        void thenALoginRecordBoundElsewhereIsForeignEvenUnderThisPage() {
            QrLogin elsewhere = QrLogin.pending("root-B", "tab-B", "h", "client", EXPIRES, "c").withAppUser("u", "a")
                    .confirmed();
            assertThat(QrLoginDecisions.atLoginForm(PAGE, elsewhere, "root-A", "tab-A", NOW)).isEqualTo(Outcome.FOREIGN);
        }

        @Test
        void thenAPendingQrIsNotConfirmed() {
            assertThat(QrLoginDecisions.atLoginForm(PAGE, PENDING, "root-A", "tab-A", NOW))
                    .isEqualTo(Outcome.NOT_CONFIRMED);
            assertThat(QrLoginDecisions.atLoginForm(PAGE, IN_APP, "root-A", "tab-A", NOW))
                    .isEqualTo(Outcome.NOT_CONFIRMED);
        }

        @Test
        void thenARefusedQrIsRefused() {
            assertThat(QrLoginDecisions.atLoginForm(PAGE, REFUSED, "root-A", "tab-A", NOW)).isEqualTo(Outcome.REFUSED);
        }

        @Test
        void thenAConfirmedQrPastItsExpiryIsExpired() {
            assertThat(QrLoginDecisions.atLoginForm(PAGE, CONFIRMED, "root-A", "tab-A", EXPIRES))
                    .isEqualTo(Outcome.EXPIRED);
        }

        @Test
        void thenAQrTakenBeforeItExpiredIsUsed() {
            assertThat(QrLoginDecisions.atLoginForm(PAGE, null, "root-A", "tab-A", NOW)).isEqualTo(Outcome.USED);
        }

        @Test
        void thenAQrGoneAfterItsExpiryIsExpired() {
            assertThat(QrLoginDecisions.atLoginForm(PAGE, null, "root-A", "tab-A", EXPIRES + 1))
                    .isEqualTo(Outcome.EXPIRED);
            assertThat(QrLoginDecisions.atLoginForm(null, null, "root-A", "tab-A", NOW)).isEqualTo(Outcome.EXPIRED);
        }

        @Test
        void thenEveryRefusalHasAMessageAndAnEventError() {
            for (Outcome outcome : Outcome.values()) {
                if (outcome != Outcome.ACCEPT) {
                    assertThat(outcome.messageKey()).startsWith("vneidSandboxQr");
                    assertThat(outcome.eventError()).startsWith("vneid_qr_");
                }
            }
            assertThat(Outcome.ACCEPT.messageKey()).isNull();
        }
    }

    @Nested
    class GivenTheWaitingPagePolls {

        @Test
        void thenItSeesEachState() {
            assertThat(QrLoginDecisions.status(PAGE, PENDING, NOW)).isEqualTo(Status.PENDING);
            assertThat(QrLoginDecisions.status(PAGE, CONFIRMED, NOW)).isEqualTo(Status.CONFIRMED);
            assertThat(QrLoginDecisions.status(PAGE, REFUSED, NOW)).isEqualTo(Status.REFUSED);
            assertThat(QrLoginDecisions.status(PAGE, CONFIRMED, EXPIRES)).isEqualTo(Status.EXPIRED);
            assertThat(QrLoginDecisions.status(PAGE, null, NOW)).isEqualTo(Status.USED);
            assertThat(QrLoginDecisions.status(PAGE, null, EXPIRES)).isEqualTo(Status.EXPIRED);
            assertThat(QrLoginDecisions.status(null, null, NOW)).isEqualTo(Status.EXPIRED);
        }
    }

    @Nested
    class GivenTheAppOpensAQr {

        @Test
        void thenItAsksForTheLoginThenTheAnswer() {
            assertThat(QrLoginDecisions.inApp(PENDING, NOW)).isEqualTo(AppView.LOGIN);
            assertThat(QrLoginDecisions.inApp(IN_APP, NOW)).isEqualTo(AppView.CONFIRM);
        }

        @Test
        void thenOpeningTheUrlAgainAsksForTheAppLoginNotTheAnswer() {
            assertThat(QrLoginDecisions.onOpen(PENDING, NOW)).isEqualTo(AppView.LOGIN);
            assertThat(QrLoginDecisions.onOpen(IN_APP, NOW)).as("the confirm form only after one's own app login")
                    .isEqualTo(AppView.LOGIN);
            assertThat(QrLoginDecisions.onOpen(CONFIRMED, NOW)).isEqualTo(AppView.ANSWERED);
            assertThat(QrLoginDecisions.onOpen(IN_APP, EXPIRES)).isEqualTo(AppView.EXPIRED);
            assertThat(QrLoginDecisions.onOpen(null, NOW)).isEqualTo(AppView.GONE);
            assertThat(QrLoginDecisions.takesAppLogin(AppView.LOGIN)).isTrue();
            assertThat(QrLoginDecisions.takesAppLogin(AppView.CONFIRM)).isTrue();
            assertThat(QrLoginDecisions.takesAppLogin(AppView.ANSWERED)).isFalse();
            assertThat(QrLoginDecisions.takesAppLogin(AppView.GONE)).isFalse();
        }

        @Test
        void thenAnAnsweredExpiredOrUsedQrCannotBeAnsweredAgain() {
            assertThat(QrLoginDecisions.inApp(CONFIRMED, NOW)).isEqualTo(AppView.ANSWERED);
            assertThat(QrLoginDecisions.inApp(REFUSED, NOW)).isEqualTo(AppView.ANSWERED);
            assertThat(QrLoginDecisions.inApp(IN_APP, EXPIRES)).isEqualTo(AppView.EXPIRED);
            assertThat(QrLoginDecisions.inApp(null, NOW)).isEqualTo(AppView.GONE);
        }

        @Test
        void thenTooManyWrongPasswordsCancelTheQr() {
            QrLogin login = PENDING;
            for (int i = 1; i < QrLoginDecisions.MAX_APP_LOGIN_FAILURES; i++) {
                login = login.withFailedAppLogin();
                assertThat(QrLoginDecisions.inApp(login, NOW)).isEqualTo(AppView.LOGIN);
            }
            login = login.withFailedAppLogin();
            assertThat(login.state()).isEqualTo(QrLoginState.REFUSED);
            assertThat(QrLoginDecisions.inApp(login, NOW)).isEqualTo(AppView.ANSWERED);
        }

        @Test
        void thenOnlyTheStoredCsrfTokenMatches() {
            assertThat(QrLoginDecisions.csrfMatches("abc", "abc")).isTrue();
            assertThat(QrLoginDecisions.csrfMatches("abc", "abd")).isFalse();
            assertThat(QrLoginDecisions.csrfMatches("abc", null)).isFalse();
            assertThat(QrLoginDecisions.csrfMatches(null, null)).isFalse();
        }

        @Test
        void thenTheConfirmFormTokenIsNotTheLoginFormToken() {
            assertThat(CONFIRMED.confirmedUserId()).isEqualTo("user-1");
            assertThat(CONFIRMED.appCsrf()).isNull();
            assertThat(IN_APP.appCsrf()).isNotEqualTo(IN_APP.csrf());
        }
    }

    @Nested
    class GivenTheStore {

        @Test
        void thenNotesRoundTrip() {
            assertThat(QrLogin.fromNotes(CONFIRMED.toNotes())).isEqualTo(CONFIRMED);
            assertThat(QrPage.fromNotes(PAGE.toNotes())).isEqualTo(PAGE);
            assertThat(QrLogin.fromNotes(java.util.Map.of("state", "BOGUS", "rootId", "r"))).isNull();
            assertThat(QrLogin.fromNotes(null)).isNull();
        }

        @Test
        void thenOnlyBase64UrlTokensAreLookedUp() {
            assertThat(QrLoginStore.validToken(QrLoginStore.randomToken(16))).isTrue();
            assertThat(QrLoginStore.validToken("short")).isFalse();
            assertThat(QrLoginStore.validToken("abcdefghijklmnop:other")).isFalse();
            assertThat(QrLoginStore.validToken(null)).isFalse();
        }

        @Test
        void thenEntriesOutliveTheirExpiryAWhile() {
            assertThat(QrLoginDecisions.keepFor(NOW + 120, NOW)).isEqualTo(180);
            assertThat(QrLoginDecisions.keepFor(NOW - 500, NOW)).isEqualTo(1);
        }
    }
}

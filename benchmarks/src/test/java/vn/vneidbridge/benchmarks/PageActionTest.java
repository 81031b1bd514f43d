package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PageActionTest {

    private static PageAction on(Journey journey, String... forms) {
        java.util.Set<String> shown = java.util.Set.of(forms);
        return PageAction.on(journey, shown.contains("sms"), shown.contains("cccd"), shown.contains("login"),
                shown.contains("notice"), shown.contains("account"), shown.contains("checked"));
    }

    @Nested
    class GivenAMigratedCitizensPasswordLogin {

        @Test
        void thenTheLoginFormIsFilledIn() {
            assertThat(on(Journey.MIGRATED_PASSWORD, "login")).isEqualTo(PageAction.LOGIN_FORM);
            assertThat(on(Journey.STEP_UP_FROM_PASSWORD, "login")).isEqualTo(PageAction.LOGIN_FORM);
        }

        @Test
        void thenTheCccdFormOrTheLinkingNoticeFailsTheLogin() {
            for (Journey journey : new Journey[] {Journey.MIGRATED_PASSWORD, Journey.STEP_UP_FROM_PASSWORD}) {
                assertThat(on(journey, "cccd")).as(journey + " at the CCCD form").isEqualTo(PageAction.UNEXPECTED);
                assertThat(on(journey, "notice")).as(journey + " at the notice").isEqualTo(PageAction.UNEXPECTED);
                assertThat(on(journey, "account")).as(journey + " shown an account to link")
                        .isEqualTo(PageAction.UNEXPECTED);
            }
        }

        @Test
        void thenTheStandInsSmsCodeOfTheStepUpIsAnswered() {
            assertThat(on(Journey.STEP_UP_FROM_PASSWORD, "sms")).isEqualTo(PageAction.SMS_CODE);
        }
    }

    @Nested
    class GivenTheJourneysThatSkipExtraPages {

        @Test
        void thenAnUnlinkedCitizenSkipsTheNoticeAndTheCccdForm() {
            assertThat(on(Journey.PASSWORD, "notice")).isEqualTo(PageAction.LINK_NOTICE_SKIP);
            assertThat(on(Journey.PASSWORD, "cccd")).isEqualTo(PageAction.CCCD_SKIP);
            assertThat(on(Journey.VNEID, "cccd")).isEqualTo(PageAction.CCCD_SKIP);
        }

        @Test
        void thenAFirstVneidLoginThatLinksSaysTheShownAccountIsMine() {
            assertThat(on(Journey.VNEID, "account")).isEqualTo(PageAction.SHOWN_ACCOUNT_MINE);
            assertThat(on(Journey.STEP_UP_FROM_LEVEL_ONE, "account")).as("linked already").isEqualTo(PageAction.UNEXPECTED);
        }

        @Test
        void thenTheCccdJourneysCheckANumberOnceThenSkip() {
            assertThat(on(Journey.CCCD_MISS, "cccd")).isEqualTo(PageAction.CCCD_CHECK);
            assertThat(on(Journey.CCCD_HIT, "cccd")).isEqualTo(PageAction.CCCD_CHECK);
            assertThat(on(Journey.CCCD_HIT, "cccd", "checked")).isEqualTo(PageAction.CCCD_SKIP);
        }

        @Test
        void thenAPageWithoutAKnownFormFails() {
            assertThat(on(Journey.VNEID)).isEqualTo(PageAction.UNEXPECTED);
            assertThat(PageAction.UNEXPECTED.requestName()).isNull();
        }

        @Test
        void thenEachActionIsARequestOfTheContractsNames() {
            assertThat(PageAction.SMS_CODE.requestName()).isEqualTo("sms code");
            assertThat(PageAction.CCCD_CHECK.requestName()).isEqualTo("cccd check");
            assertThat(PageAction.CCCD_SKIP.requestName()).isEqualTo("cccd skip");
            assertThat(PageAction.LOGIN_FORM.requestName()).isEqualTo("login form");
            assertThat(PageAction.LINK_NOTICE_SKIP.requestName()).isEqualTo("link notice skip");
            assertThat(PageAction.SHOWN_ACCOUNT_MINE.requestName()).isEqualTo("shown account mine");
        }
    }

    @Nested
    class GivenALoginForm {

        private static final String DVC = "http://127.0.0.1:8080/realms/dvc/login-actions/authenticate?session_code=x";
        private static final String STAND_IN =
                "http://127.0.0.1:8080/realms/vneid-sandbox/login-actions/authenticate?session_code=y";

        @Test
        void thenAPortalAccountTypesItsUsernameAtDvcAndItsCccdAtTheStandIn() {
            assertThat(PageAction.loginName(DVC, "vneid-sandbox", "nguyenvana.1990", "001090001234"))
                    .isEqualTo("nguyenvana.1990");
            assertThat(PageAction.loginName(STAND_IN, "vneid-sandbox", "nguyenvana.1990", "001090001234"))
                    .isEqualTo("001090001234");
        }

        @Test
        void thenAVneidLoginTypesItsUsernameWhichIsTheIdNumber() {
            assertThat(PageAction.loginName(STAND_IN, "vneid-sandbox", "079195004567", null)).isEqualTo("079195004567");
        }
    }
}

package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsoleAccessTest {

    private static ConsoleAccess of(boolean reader, boolean resolver, boolean manageRealm, boolean manageUsers,
                                    boolean viewUsers) {
        return ConsoleAccess.of(new ConsoleAccess.Facts(reader, resolver, manageRealm, manageUsers, viewUsers));
    }

    @Nested
    class GivenAnAdminWithoutAnOperationsRole {

        @Test
        void thenViewUsersAloneShowsNothing() {
            assertThat(of(false, false, false, false, true)).isEqualTo(ConsoleAccess.NONE);
        }

        @Test
        void thenManageUsersAloneShowsNothingEither() {
            assertThat(of(false, false, false, true, true)).isEqualTo(ConsoleAccess.NONE);
        }

        @Test
        void thenManageRealmImpliesReadingAndResolvingAndTheJobs() {
            ConsoleAccess access = of(false, false, true, false, false);

            assertThat(access.read()).isTrue();
            assertThat(access.resolve()).isTrue();
            assertThat(access.startJobs()).isTrue();
            assertThat(access.resumeAndCancelJobs()).isTrue();
            assertThat(access.pauseJobs()).isTrue();
            assertThat(access.downloadReports()).isTrue();
            assertThat(access.fullNumbers()).as("numbers need view-users").isFalse();
        }
    }

    @Nested
    class GivenTheReaderRole {

        @Test
        void thenItReadsButNeitherResolvesNorTouchesJobsAndSeesMaskedNumbers() {
            assertThat(of(true, false, false, false, false))
                    .isEqualTo(new ConsoleAccess(true, false, false, false, false, false, false));
        }

        @Test
        void thenViewUsersBesideItShowsFullNumbers() {
            assertThat(of(true, false, false, false, true).fullNumbers()).isTrue();
        }

        @Test
        void thenManageUsersBesideItPausesAndDownloadsReportsButDoesNotStart() {
            ConsoleAccess access = of(true, false, false, true, false);

            assertThat(access.pauseJobs()).isTrue();
            assertThat(access.downloadReports()).isTrue();
            assertThat(access.startJobs()).isFalse();
            assertThat(access.resumeAndCancelJobs()).isFalse();
            assertThat(access.fullNumbers()).as("manage-users implies view-users").isTrue();
        }
    }

    @Nested
    class GivenTheResolverRole {

        @Test
        void thenItReadsAndResolvesEvenWithoutTheReaderRoleItself() {
            ConsoleAccess access = of(false, true, false, false, false);

            assertThat(access.read()).isTrue();
            assertThat(access.resolve()).isTrue();
            assertThat(access.startJobs()).isFalse();
        }
    }
}

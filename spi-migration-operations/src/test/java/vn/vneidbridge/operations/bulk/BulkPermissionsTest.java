package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkPermissionsTest {

    @Test
    void startingResumingCancellingAJobAndWithdrawingItsResultsNeedManageRealm() {
        for (BulkPermissions action : new BulkPermissions[] {BulkPermissions.START, BulkPermissions.RESUME,
                BulkPermissions.CANCEL, BulkPermissions.WITHDRAW}) {
            assertThat(action.allowed(false, true)).as(action + " with manage-users only").isFalse();
            assertThat(action.allowed(true, false)).as(action + " with manage-realm").isTrue();
            assertThat(action.allowed(false, false)).isFalse();
        }
    }

    @Test
    void pausingIsABrakeManageUsersMayPullToo() {
        assertThat(BulkPermissions.PAUSE.allowed(false, true)).isTrue();
        assertThat(BulkPermissions.PAUSE.allowed(true, false)).isTrue();
        assertThat(BulkPermissions.PAUSE.allowed(false, false)).isFalse();
    }

    @Test
    void theReportNeedsManageUsersOrManageRealmNeverViewUsersAlone() {
        assertThat(BulkPermissions.REPORT.allowed(false, true)).isTrue();
        assertThat(BulkPermissions.REPORT.allowed(true, false)).isTrue();
        assertThat(BulkPermissions.REPORT.allowed(false, false)).as("view-users only").isFalse();
    }

    @Test
    void everyCommandHasItsRule() {
        assertThat(BulkPermissions.of(JobState.Command.PAUSE)).isEqualTo(BulkPermissions.PAUSE);
        assertThat(BulkPermissions.of(JobState.Command.RESUME)).isEqualTo(BulkPermissions.RESUME);
        assertThat(BulkPermissions.of(JobState.Command.CANCEL)).isEqualTo(BulkPermissions.CANCEL);
    }
}

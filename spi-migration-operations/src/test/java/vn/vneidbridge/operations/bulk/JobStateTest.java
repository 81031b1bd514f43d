package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void aRunningJobCanBePausedResumedAndCancelled() {
        assertThat(JobState.Command.PAUSE.from(JobState.RUNNING)).contains(JobState.PAUSED);
        assertThat(JobState.Command.RESUME.from(JobState.PAUSED)).contains(JobState.RUNNING);
        assertThat(JobState.Command.CANCEL.from(JobState.PAUSED)).contains(JobState.CANCELLED);
        assertThat(JobState.Command.CANCEL.from(JobState.QUEUED)).contains(JobState.CANCELLED);
    }

    @Test
    void aFinishedJobTakesNoCommand() {
        for (JobState over : new JobState[] {JobState.DONE, JobState.CANCELLED}) {
            for (JobState.Command command : JobState.Command.values()) {
                assertThat(command.from(over)).as("%s on %s", command, over).isEmpty();
            }
            assertThat(over.isFinal()).isTrue();
            assertThat(over.isActive()).isFalse();
        }
    }

    @Test
    void onlyAFinishedJobsResultsAreWithdrawnAnUnfinishedOneIsCancelled() {
        assertThat(JobState.DONE.canWithdraw()).isTrue();
        assertThat(JobState.CANCELLED.canWithdraw()).as("withdrawn already by the cancel: harmless").isTrue();
        for (JobState unfinished : new JobState[] {JobState.QUEUED, JobState.RUNNING, JobState.PAUSED}) {
            assertThat(unfinished.canWithdraw()).as(unfinished.name()).isFalse();
        }
    }

    @Test
    void resumingAJobThatIsNotPausedIsRefused() {
        assertThat(JobState.Command.RESUME.from(JobState.RUNNING)).isEmpty();
        assertThat(JobState.Command.RESUME.from(JobState.QUEUED)).isEmpty();
        assertThat(JobState.Command.PAUSE.from(JobState.PAUSED)).isEmpty();
    }

    @Test
    void onlyARunningJobIsDoneAndOnlyQueuedOrRunningJobsAreWorkedOn() {
        assertThat(JobState.RUNNING.canMoveTo(JobState.DONE)).isTrue();
        assertThat(JobState.PAUSED.canMoveTo(JobState.DONE)).isFalse();
        assertThat(JobState.QUEUED.isActive()).isTrue();
        assertThat(JobState.RUNNING.isActive()).isTrue();
        assertThat(JobState.PAUSED.isActive()).isFalse();
    }
}

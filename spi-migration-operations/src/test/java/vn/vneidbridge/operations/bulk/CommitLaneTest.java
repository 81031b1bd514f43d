package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommitLaneTest {

    private final CommitLane lane = new CommitLane("commit-lane-test");

    @AfterEach
    void close() {
        lane.close();
    }

    @Nested
    class GivenACommitHandedOver {

        @Test
        void thenTheWaitReturnsWhatItMarkedAndTheLaneTakesTheNextOne() throws Exception {
            lane.submit(() -> Map.of("001185000123", "user-1"));

            assertThat(lane.busy()).isTrue();
            assertThat(lane.await()).containsEntry("001185000123", "user-1");
            assertThat(lane.busy()).isFalse();
            assertThat(lane.await()).as("nothing in flight").isEmpty();
            lane.submit(Map::of);
            assertThat(lane.await()).isEmpty();
        }

        @Test
        void thenASecondIsRefusedUntilTheFirstWasWaitedFor() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            lane.submit(() -> {
                release.await();
                return Map.of();
            });

            assertThatThrownBy(() -> lane.submit(Map::of)).isInstanceOf(IllegalStateException.class);
            release.countDown();
            lane.await();
        }

        @Test
        void thenItsFailureIsThrownByTheWaitAsItWasThrown() {
            BulkJobs.LeaseLost lost = new BulkJobs.LeaseLost();
            lane.submit(() -> {
                throw lost;
            });
            assertThatThrownBy(lane::await).isSameAs(lost);
            assertThat(lane.busy()).as("the failure is the run's: the lane is free").isFalse();

            AssertionError error = new AssertionError("out of memory, say");
            lane.submit(() -> {
                throw error;
            });
            assertThatThrownBy(lane::await).isSameAs(error);
        }
    }

    @Nested
    class GivenTheJobsThreadInterruptedWhileACommitRuns {

        @Test
        void thenTheEndOfTheRunWaitsForTheCommitAndKeepsTheInterrupt() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean committed = new AtomicBoolean();
            lane.submit(() -> {
                started.countDown();
                release.await();
                Thread.sleep(100);
                committed.set(true);
                return Map.of();
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Boolean> committedAtTheEnd = new AtomicReference<>();
            AtomicReference<Boolean> interruptKept = new AtomicReference<>();
            AtomicReference<Boolean> stillInFlightAfterTheInterrupt = new AtomicReference<>();
            Thread job = new Thread(() -> {
                try {
                    lane.await();
                } catch (InterruptedException e) {
                    stillInFlightAfterTheInterrupt.set(lane.busy());
                    Thread.currentThread().interrupt(); // the flag, as the job's loop sees it
                }
                Optional<Throwable> failure = lane.awaitToTheEnd();
                committedAtTheEnd.set(committed.get() && failure.isEmpty());
                interruptKept.set(Thread.currentThread().isInterrupted());
            });
            job.start();
            Thread.sleep(200);
            job.interrupt();
            Thread.sleep(200);
            job.interrupt(); // a second interrupt, while the end of the run waits
            release.countDown();
            job.join(10_000);

            assertThat(stillInFlightAfterTheInterrupt.get()).isTrue();
            assertThat(committedAtTheEnd.get()).as("the commit had ended when the wait returned").isTrue();
            assertThat(interruptKept.get()).isTrue();
        }

        @Test
        void thenAFailureAtTheEndIsReturnedNeverThrownAnErrorIncluded() {
            AssertionError error = new AssertionError("out of memory, say");
            lane.submit(() -> {
                throw error;
            });

            assertThat(lane.awaitToTheEnd()).contains(error);
            assertThat(lane.busy()).isFalse();
        }
    }
}

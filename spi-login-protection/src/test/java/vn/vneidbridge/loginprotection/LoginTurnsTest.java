package vn.vneidbridge.loginprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.loginprotection.LoginTurns.Outcome;
import vn.vneidbridge.loginprotection.LoginTurns.Turn;

class LoginTurnsTest {

    private static final Duration LONG = Duration.ofSeconds(20);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Waits until the thread is parked (waiting for a turn). */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the thread never waited: " + thread.getState());
            }
            Thread.sleep(2);
        }
    }

    private Future<Turn> takeInAnotherThread(LoginTurns turns, String userId, AtomicReference<Thread> thread) {
        return threads.submit(() -> {
            thread.set(Thread.currentThread());
            return turns.take(userId);
        });
    }

    private static Thread started(AtomicReference<Thread> thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the thread never started");
            }
            Thread.sleep(1);
        }
        return thread.get();
    }

    @Nested
    class GivenNoOtherLoginOfTheUser {

        @Test
        void thenTheTurnIsTakenAtOnce() {
            LoginTurns turns = new LoginTurns(LONG, 10);
            Turn turn = turns.take("user-a");
            assertThat(turn.outcome()).isEqualTo(Outcome.AT_ONCE);
            turn.release();
            assertThat(turns.usersInTurn()).isZero();
        }

        @Test
        void thenTurnsOfDifferentUsersNeverWait() {
            LoginTurns turns = new LoginTurns(LONG, 0);
            Turn a = turns.take("user-a");
            Turn b = turns.take("user-b");
            assertThat(List.of(a.outcome(), b.outcome())).containsOnly(Outcome.AT_ONCE);
        }
    }

    @Nested
    class GivenALoginOfTheUserInFlight {

        @Test
        void thenASecondLoginWaitsUntilTheFirstReleases() throws Exception {
            LoginTurns turns = new LoginTurns(LONG, 10);
            Turn first = turns.take("user-a");
            AtomicReference<Thread> waiter = new AtomicReference<>();
            Future<Turn> second = takeInAnotherThread(turns, "user-a", waiter);
            awaitWaiting(started(waiter));
            assertThat(second).isNotDone();

            first.release();

            assertThat(second.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.AFTER_WAIT);
        }

        @Test
        void thenAWaiterIsBusyOnceMaxWaitHasPassed() {
            LoginTurns turns = new LoginTurns(Duration.ofMillis(150), 10);
            Turn first = turns.take("user-a");
            long start = System.nanoTime();
            Turn second = turns.take("user-a");
            assertThat(second.outcome()).isEqualTo(Outcome.BUSY);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
            first.release();
            assertThat(turns.take("user-a").outcome()).isEqualTo(Outcome.AT_ONCE);
        }

        @Test
        void thenAMaxWaitOfZeroIsBusyAtOnceAsKeycloak267Is() {
            LoginTurns turns = new LoginTurns(Duration.ZERO, 10);
            turns.take("user-a");
            assertThat(turns.take("user-a").outcome()).isEqualTo(Outcome.BUSY);
        }

        @Test
        void thenWaitersBeyondTheCapAreBusyWithoutWaiting() throws Exception {
            LoginTurns turns = new LoginTurns(LONG, 1);
            Turn first = turns.take("user-a");
            AtomicReference<Thread> waiter = new AtomicReference<>();
            Future<Turn> second = takeInAnotherThread(turns, "user-a", waiter);
            awaitWaiting(started(waiter));

            long start = System.nanoTime();
            Turn third = turns.take("user-a");
            assertThat(third.outcome()).isEqualTo(Outcome.BUSY);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            first.release();
            assertThat(second.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.AFTER_WAIT);
        }

        @Test
        void thenWaitersAreServedInArrivalOrder() throws Exception {
            LoginTurns turns = new LoginTurns(LONG, 10);
            Turn first = turns.take("user-a");
            List<Integer> served = new CopyOnWriteArrayList<>();
            List<Future<?>> waiters = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int arrival = i;
                AtomicReference<Thread> thread = new AtomicReference<>();
                waiters.add(threads.submit(() -> {
                    thread.set(Thread.currentThread());
                    Turn turn = turns.take("user-a");
                    served.add(arrival);
                    turn.release();
                    return null;
                }));
                awaitWaiting(started(thread));
            }
            first.release();
            for (Future<?> waiter : waiters) {
                waiter.get(10, TimeUnit.SECONDS);
            }
            assertThat(served).containsExactly(0, 1, 2, 3);
        }

        @Test
        void thenAnInterruptedWaiterIsBusyAndKeepsItsInterruptFlag() throws Exception {
            LoginTurns turns = new LoginTurns(LONG, 10);
            turns.take("user-a");
            AtomicReference<Thread> waiter = new AtomicReference<>();
            CompletableFuture<Boolean> flagKept = new CompletableFuture<>();
            Future<Turn> second = threads.submit(() -> {
                waiter.set(Thread.currentThread());
                Turn turn = turns.take("user-a");
                flagKept.complete(Thread.currentThread().isInterrupted());
                return turn;
            });
            Thread thread = started(waiter);
            awaitWaiting(thread);
            thread.interrupt();

            assertThat(second.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.BUSY);
            assertThat(flagKept.get(10, TimeUnit.SECONDS)).isTrue();
        }

        @Test
        void thenReleasingTwiceFreesTheTurnOnlyOnce() throws Exception {
            LoginTurns turns = new LoginTurns(Duration.ofMillis(100), 10);
            Turn first = turns.take("user-a");
            first.release();
            Turn second = turns.take("user-a");
            first.release();
            assertThat(turns.take("user-a").outcome())
                    .as("a stale release of the first login must not hand the second's turn to a third")
                    .isEqualTo(Outcome.BUSY);
            second.release();
        }
    }

    @Nested
    class GivenManyLoginsOfManyUsers {

        @Test
        void thenNothingIsLeftOnceEveryoneReleased() throws Exception {
            LoginTurns turns = new LoginTurns(LONG, 100);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> logins = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String userId = "user-" + (i % 5);
                logins.add(threads.submit(() -> {
                    go.await();
                    Turn turn = turns.take(userId);
                    assertThat(turn.outcome()).isNotEqualTo(Outcome.BUSY);
                    turn.release();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> login : logins) {
                login.get(20, TimeUnit.SECONDS);
            }
            assertThat(turns.usersInTurn()).isZero();
        }

        @Test
        void thenNeverTwoLoginsOfOneUserHoldTheTurnAtOnce() throws Exception {
            LoginTurns turns = new LoginTurns(LONG, 100);
            java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> holding =
                    new java.util.concurrent.ConcurrentHashMap<>();
            List<Integer> overlaps = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> logins = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String userId = "user-" + (i % 3);
                logins.add(threads.submit(() -> {
                    go.await();
                    Turn turn = turns.take(userId);
                    int now = holding.computeIfAbsent(userId, k -> new java.util.concurrent.atomic.AtomicInteger())
                            .incrementAndGet();
                    if (now > 1) {
                        overlaps.add(now);
                    }
                    Thread.sleep(2);
                    holding.get(userId).decrementAndGet();
                    turn.release();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> login : logins) {
                login.get(30, TimeUnit.SECONDS);
            }
            assertThat(overlaps).isEmpty();
        }
    }

    @Test
    void thenNegativeSettingsAreRefused() {
        assertThatThrownBy(() -> new LoginTurns(Duration.ofMillis(-1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginTurns(LONG, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

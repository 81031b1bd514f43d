package vn.vneidbridge.core.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Attempt slots over an in-memory stand-in of Keycloak's single-use store (atomic as Infinispan is). */
class AttemptSlotsTest {

    private static final AttemptLimit THREE = new AttemptLimit("test-three", 3, Duration.ofMinutes(15));
    private static final AttemptLimit FIVE = new AttemptLimit("test-five", 5, Duration.ofMinutes(15));

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final AttemptSlots slots = new AttemptSlots(store, "realm-a");

    @Test
    void aLimitOfThreeGrantsThreeAttemptsThenRefusesOnlyThatSubject() {
        for (int i = 1; i <= 3; i++) {
            assertThat(slots.exhausted(THREE, "user-1")).as("before attempt " + i).isFalse();
            assertThat(slots.tryAcquire(THREE, "user-1").granted()).as("attempt " + i).isTrue();
        }

        assertThat(slots.exhausted(THREE, "user-1")).isTrue();
        AttemptSlots.Reservation fourth = slots.tryAcquire(THREE, "user-1");
        assertThat(fourth.granted()).isFalse();
        assertThat(fourth.refusedBy()).contains(THREE);
        assertThat(slots.tryAcquire(THREE, "user-2").granted()).as("another subject").isTrue();
        assertThat(slots.tryAcquire(new AttemptLimit("test-other", 3, Duration.ofMinutes(15)), "user-1").granted())
                .as("another kind").isTrue();
        assertThat(new AttemptSlots(store, "realm-b").tryAcquire(THREE, "user-1").granted()).as("another realm")
                .isTrue();
    }

    @Test
    void theWindowSlidesSoNoMinuteHoldsMoreThanTheLimitEvenAcrossTheQuarterHour() {
        AttemptLimit twoPerMinute = new AttemptLimit("test-window", 2, Duration.ofSeconds(60));
        store.toWindowStartPlus(60, 50);
        assertThat(slots.tryAcquire(twoPerMinute, "ip").granted()).isTrue();
        store.advanceSeconds(9);
        assertThat(slots.tryAcquire(twoPerMinute, "ip").granted()).isTrue();
        store.advanceSeconds(2);
        assertThat(slots.tryAcquire(twoPerMinute, "ip").granted()).as("2 s later, past the whole minute").isFalse();
        assertThat(slots.exhausted(twoPerMinute, "ip")).isTrue();

        store.advanceSeconds(49);
        assertThat(slots.exhausted(twoPerMinute, "ip")).as("60 s after the first attempt").isFalse();
        assertThat(slots.tryAcquire(twoPerMinute, "ip").granted()).isTrue();
        assertThat(slots.tryAcquire(twoPerMinute, "ip").granted()).as("the second is 51 s old").isFalse();
        store.advanceSeconds(9);
        assertThat(slots.tryAcquire(twoPerMinute, "ip").granted()).isTrue();
        store.advanceSeconds(60);
        assertThat(store.live()).as("a minute after the last attempt").isEmpty();
    }

    /** An address at its limit (carrier NAT, or an attacker's own): each request after reads one key, not every slot. */
    @Test
    void aSubjectAtItsLimitCostsAFewStoreReadsPerRequestUntilASlotIsGivenBack() {
        AttemptLimit perAddress = new AttemptLimit("captcha-address", 1000, Duration.ofMinutes(15));
        List<AttemptSlots.Reservation> held = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            held.add(slots.tryAcquire(perAddress, "203.0.113.9"));
        }
        assertThat(slots.exhausted(perAddress, "203.0.113.9")).isTrue();
        long reads = store.reads.get();

        for (int request = 0; request < 10; request++) {
            assertThat(slots.exhausted(perAddress, "203.0.113.9")).isTrue();
            assertThat(slots.tryAcquire(perAddress, "203.0.113.9").granted()).isFalse();
        }
        assertThat(store.reads.get() - reads).as("store reads for ten refused requests").isLessThanOrEqualTo(20);

        slots.release(held.get(500));
        assertThat(slots.tryAcquire(perAddress, "203.0.113.9").granted()).as("a slot given back").isTrue();
        assertThat(slots.tryAcquire(perAddress, "203.0.113.9").granted()).isFalse();
    }

    @Test
    void aCountOfOneKindKeptWithAnotherWindowIsAnotherCount() {
        AttemptLimit form = new AttemptLimit("test-kind", 2, Duration.ofMinutes(60));
        AttemptLimit page = new AttemptLimit("test-kind", 2, Duration.ofMinutes(15));
        slots.tryAcquire(form, "account");
        slots.tryAcquire(form, "account");

        assertThat(slots.exhausted(form, "account")).isTrue();
        assertThat(slots.tryAcquire(page, "account").granted())
                .as("slots held for an hour do not hold the 15-minute count").isTrue();
    }

    @Test
    void anExpiredSlotIsFoundAgainInAFewReads() {
        AttemptLimit large = new AttemptLimit("test-large", 1000, Duration.ofSeconds(60));
        slots.tryAcquire(large, "nat");
        store.advanceSeconds(1);
        for (int i = 1; i < 1000; i++) {
            slots.tryAcquire(large, "nat");
        }
        assertThat(slots.tryAcquire(large, "nat").granted()).isFalse();
        store.advanceSeconds(59);
        long reads = store.reads.get();

        assertThat(slots.tryAcquire(large, "nat").granted()).as("the oldest slot expired").isTrue();

        assertThat(store.reads.get() - reads).as("reads").isLessThanOrEqualTo(11);
        assertThat(slots.tryAcquire(large, "nat").granted()).isFalse();
    }

    @Test
    void aSlotGivenBackBelowTheFirstFreeOneIsTakenAgain() {
        List<AttemptSlots.Reservation> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(slots.tryAcquire(THREE, "office-nat"));
        }
        slots.release(held.get(0));

        assertThat(slots.exhausted(THREE, "office-nat")).isFalse();
        assertThat(slots.tryAcquire(THREE, "office-nat").granted()).isTrue();
        assertThat(slots.tryAcquire(THREE, "office-nat").granted()).isFalse();
    }

    @Test
    void aLargeLimitFindsItsFreeSlotInAFewReads() {
        AttemptLimit large = new AttemptLimit("test-large", 1000, Duration.ofMinutes(15));
        for (int i = 0; i < 500; i++) {
            slots.tryAcquire(large, "benchmark");
        }
        long reads = store.reads.get();
        long writes = store.writes.get();

        assertThat(slots.tryAcquire(large, "benchmark").granted()).isTrue();

        assertThat(store.reads.get() - reads).as("reads").isLessThanOrEqualTo(11);
        assertThat(store.writes.get() - writes).as("writes").isEqualTo(1);
    }

    @Test
    void aReleasedAttemptDoesNotCount() {
        for (int i = 0; i < 10; i++) {
            AttemptSlots.Reservation ok = slots.tryAcquire(THREE, "user-1");
            assertThat(ok.granted()).isTrue();
            slots.release(ok);
        }
        assertThat(slots.exhausted(THREE, "user-1")).isFalse();
        assertThat(store.live()).isEmpty();
    }

    @Test
    void severalLimitsAreTakenAllOrNone() {
        for (int i = 0; i < 3; i++) {
            slots.tryAcquire(THREE, "203.0.113.9");
        }
        AttemptSlots.Reservation refused = slots.tryAcquireAll(List.of(
                new AttemptSlots.Attempt(FIVE, "user-1"), new AttemptSlots.Attempt(THREE, "203.0.113.9")));

        assertThat(refused.granted()).isFalse();
        assertThat(refused.refusedBy()).contains(THREE);
        for (int i = 0; i < 5; i++) {
            assertThat(slots.tryAcquire(FIVE, "user-1").granted()).as("the account's attempt was given back").isTrue();
        }
    }

    @Test
    void theStoreHoldsNoSubjectInClear() {
        slots.tryAcquire(THREE, "203.0.113.9");
        slots.tryAcquire(FIVE, "nguyenvanan");

        assertThat(store.live().keySet()).hasSize(2).allSatisfy(key -> assertThat(key)
                .startsWith("vneid-attempts:test-").doesNotContain("203.0.113.9", "nguyenvanan", "realm-a")
                .matches("vneid-attempts:test-(three|five):[0-9a-f]{32}:0"));
    }

    @Test
    void aUsedUpSubjectCostsOneWriteNotOnePerAttempt() {
        for (int i = 0; i < 3; i++) {
            slots.tryAcquire(THREE, "user-1");
        }
        long writes = store.writes.get();
        for (int i = 0; i < 20; i++) {
            slots.tryAcquire(THREE, "user-1");
        }
        assertThat(store.writes.get() - writes).as("the mark that it is full").isLessThanOrEqualTo(1);
    }

    @Test
    void sixtyFourThreadsOnTwoNodesGetExactlyTheLimitBetweenThem() throws Exception {
        AttemptSlots secondNode = new AttemptSlots(store, "realm-a");
        for (int round = 0; round < 20; round++) {
            String subject = "user-" + round;
            List<Boolean> granted = race(64, thread -> (thread % 2 == 0 ? slots : secondNode)
                    .tryAcquire(FIVE, subject).granted());
            assertThat(granted.stream().filter(g -> g).count()).as("round " + round).isEqualTo(5);
        }
    }

    @Test
    void attemptsThatGiveTheirSlotBackNeverHoldMoreThanTheLimitAtOnce() throws Exception {
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Boolean> results = race(32, thread -> {
            int grants = 0;
            for (int i = 0; i < 50; i++) {
                AttemptSlots.Reservation reservation = slots.tryAcquire(THREE, "shared");
                if (reservation.granted()) {
                    grants++;
                    mostAtOnce.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    Thread.yield();
                    holding.decrementAndGet();
                    slots.release(reservation);
                }
            }
            return grants > 0;
        });
        assertThat(mostAtOnce.get()).isBetween(1, 3);
        assertThat(results).contains(true);
        assertThat(slots.exhausted(THREE, "shared")).isFalse();
    }

    @Test
    void aLimitIsOneToAThousandAttemptsOfANamedKindInAWindowOfAtLeastASecond() {
        assertThatThrownBy(() -> new AttemptLimit("cccd-account", 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptLimit("cccd-account", 1001, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptLimit("cccd:account", 5, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptLimit("cccd-account", 5, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AttemptLimit("cccd-account", 1000, Duration.ofSeconds(1)).attempts()).isEqualTo(1000);
    }

    interface Task<T> {
        T run(int thread) throws Exception;
    }

    /** Runs the task on {@code threads} threads released at the same moment; their results. */
    private static <T> List<T> race(int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.run(thread);
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

package vn.vneidbridge.legacy.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyHashWorkTest {

    @Nested
    class GivenTheLegacyDummy {

        @ParameterizedTest(name = "cost {0}")
        @ValueSource(ints = {4, 5, 10})
        void thenItIsTheCheckOfABcryptRowOfTheConfiguredCost(int cost) {
            LegacyPasswordHash reference = LegacyHashWork.reference(cost);

            assertThat(reference.algorithm()).isEqualTo(LegacyPasswordAlgorithm.BCRYPT);
            assertThat(reference.hash()).startsWith(String.format("$2a$%02d$", cost));
        }

        @ParameterizedTest(name = "cost {0}")
        @ValueSource(ints = {3, 17, 31})
        void thenACostOutsideFourToSixteenIsRefused(int cost) {
            assertThatThrownBy(() -> new LegacyHashWork(() -> { }, cost)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class GivenTheRealmPolicyHash {

        @Test
        void thenItRunsTheHashGivenOnceEachTime() {
            AtomicInteger runs = new AtomicInteger();
            LegacyHashWork work = new LegacyHashWork(runs::incrementAndGet, 4);

            work.realmPolicy();
            work.realmPolicy();

            assertThat(runs).hasValue(2);
        }
    }

    @Nested
    class GivenCounting {

        @Test
        void thenEachHashIsReportedOnceByKindAndAnUncheckedPasswordNotAtAll() {
            HashTally tally = new HashTally();
            HashWork work = tally.counting(4);
            LegacyPasswordHash bcrypt = LoginHashWorkTest.bcrypt();

            work.legacy(bcrypt, "Wrong@123");
            work.legacy(bcrypt, "");
            work.legacy(bcrypt, null);
            work.realmPolicy();
            work.legacyDummy();
            work.legacyDummy();

            assertThat(tally.counts()).isEqualTo(
                    Map.of(HashKind.BCRYPT, 1, HashKind.REALM_POLICY, 1, HashKind.LEGACY_DUMMY, 2));
            assertThat(tally.slowLegacy()).isEqualTo(3);
        }
    }
}

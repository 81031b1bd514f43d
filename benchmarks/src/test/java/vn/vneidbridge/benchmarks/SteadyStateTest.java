package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

    /** At least 3 slices, at most 8, the last 3 within 5 % and not cheaper than the 3 before by more than 2.5 %. */
    private final SteadyState judge = new SteadyState(3, 8, 3, 0.05);

    private static List<SteadyState.Slice> slices(double... costs) {
        List<SteadyState.Slice> slices = new ArrayList<>();
        for (double cost : costs) {
            slices.add(new SteadyState.Slice(cost * 100, 100));
        }
        return slices;
    }

    @Nested
    class GivenAServerThatKeepsGettingCheaper {

        @Test
        void thenItIsStillWarming() {
            // a fresh JVM: 20 %, then 10 %, cheaper per slice
            assertThat(judge.judge(slices(0.20, 0.16, 0.14))).isInstanceOf(SteadyState.Warming.class);
        }

        @Test
        void thenTheCapEndsTheWarmUpAndSaysSo() {
            SteadyState.Verdict verdict = judge.judge(slices(0.30, 0.25, 0.21, 0.18, 0.15, 0.13, 0.11, 0.09));

            assertThat(verdict).isInstanceOf(SteadyState.Capped.class);
        }

        @Test
        void thenSlicesThatAgreeButKeepFallingSlowlyAreNotStable() {
            // 1.5 % cheaper a slice: the last three are within 3 %, yet 4 % below the three before
            List<SteadyState.Slice> falling = slices(0.140, 0.138, 0.136, 0.134, 0.132, 0.130);

            assertThat(judge.spread(falling)).isLessThan(0.05);
            assertThat(judge.judge(falling)).isInstanceOf(SteadyState.Warming.class);
        }
    }

    @Nested
    class GivenSlicesThatAgree {

        @Test
        void thenTheWarmUpIsOverOnceTwoStretchesOfSlicesAgree() {
            SteadyState.Verdict verdict = judge.judge(slices(0.30, 0.20, 0.123, 0.122, 0.121, 0.121, 0.120, 0.118));

            assertThat(verdict).isInstanceOf(SteadyState.Stable.class);
            assertThat(((SteadyState.Stable) verdict).spread()).isCloseTo(0.003 / 0.120, within(1e-9));
        }

        @Test
        void thenAServerThatJustGotCheaperIsNotYetStable() {
            assertThat(judge.judge(slices(0.30, 0.20, 0.121, 0.120, 0.118))).isInstanceOf(SteadyState.Warming.class);
        }

        @Test
        void thenTooFewSlicesAreNotEnough() {
            SteadyState longer = new SteadyState(7, 10, 3, 0.05);

            assertThat(longer.judge(slices(0.12, 0.12, 0.12, 0.12, 0.12, 0.12))).isInstanceOf(SteadyState.Warming.class);
            assertThat(longer.judge(slices(0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12)))
                    .isInstanceOf(SteadyState.Stable.class);
        }
    }

    @Test
    void thenASliceWithoutWorkIsNeverStable() {
        List<SteadyState.Slice> slices = slices(0.12, 0.12);
        slices.add(new SteadyState.Slice(3.0, 0));

        assertThat(judge.spread(slices)).isInfinite();
        assertThat(judge.judge(slices)).isInstanceOf(SteadyState.Warming.class);
    }

    @Test
    void thenNonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new SteadyState(2, 6, 3, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SteadyState(3, 2, 3, 0.05)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thenTheFullModeDefaultsWarmUpForAMinuteToFourMinutes() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--keycloak-zip=kc.zip",
            "--providers-bundle=p.zip", "--sandbox-bundle=s.zip", "--work-dir=target"});
        SteadyState full = options.steadyState();
        List<SteadyState.Slice> flat = slices(0.1, 0.1, 0.1, 0.1, 0.1, 0.1);

        assertThat(options.comparedWindows()).as("two server pairs of three rounds").isEqualTo(6);
        assertThat(full.judge(flat.subList(0, 5))).isInstanceOf(SteadyState.Warming.class);
        assertThat(full.judge(flat)).as("six flat slices: a minute").isInstanceOf(SteadyState.Stable.class);
        assertThat(full.judge(slices(new double[24]))).isInstanceOf(SteadyState.Capped.class);
    }

    @Test
    void thenARoundsReWarmIsTwoSlicesAndThenMeasures() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--keycloak-zip=kc.zip",
            "--providers-bundle=p.zip", "--sandbox-bundle=s.zip", "--work-dir=target", "--rewarm=10"});
        SteadyState rewarm = options.rewarmJudge();

        assertThat(options.rewarmSlice()).hasSeconds(5);
        assertThat(rewarm.judge(slices(0.1))).isInstanceOf(SteadyState.Warming.class);
        assertThat(rewarm.judge(slices(0.1, 0.5))).isNotInstanceOf(SteadyState.Warming.class);
    }
}

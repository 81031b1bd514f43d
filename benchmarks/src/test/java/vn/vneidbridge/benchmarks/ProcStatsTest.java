package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Nested
    class GivenAStatLine {

        @Test
        void thenCpuSecondsAreUserPlusSystemTicksOverOneHundred() {
            String stat = "4242 (java) S 4200 4242 4200 0 -1 4194560 51234 0 12 0 1530 270 0 0 20 0 87 0 1234567"
                    + " 5000000000 120000 18446744073709551615 1 1 0 0 0 0 0 2 16800972 0 0 0 17 1 0 0 0 0 0";

            assertThat(ProcStats.cpuSecondsOf(stat)).isCloseTo(18.0, within(1e-9));
        }

        @Test
        void thenACommandNameWithSpacesAndParenthesesIsSkipped() {
            String stat = "77 (a (b) c) R 1 77 77 0 -1 0 0 0 0 0 250 50 0 0 20 0 1 0 100 0 0";

            assertThat(ProcStats.cpuSecondsOf(stat)).isCloseTo(3.0, within(1e-9));
        }
    }

    @Nested
    class GivenAStatusFile {

        @Test
        void thenThePeakRssIsVmHwmInBytes() {
            String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmHWM:\t  812345 kB\nVmRSS:\t  800000 kB\n";

            assertThat(ProcStats.peakRssOf(status)).isEqualTo(812_345L * 1024);
        }
    }

    @Test
    void thenTheRunningJvmCanBeRead() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcStats.jvmPid(pid)).isEqualTo(pid);
        assertThat(ProcStats.cpuSeconds(pid)).isPositive();
        assertThat(ProcStats.peakRssBytes(pid)).isPositive();
    }
}

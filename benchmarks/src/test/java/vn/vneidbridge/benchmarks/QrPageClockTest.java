package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QrPageClockTest {

    /** The page's requests over {@code seconds} seconds: "P@s" a poll at second s, "R@s" a renewal. */
    private static List<String> page(long validity, long seconds) {
        List<String> requests = new ArrayList<>();
        long issuedAt = 0;
        long tick = 0;
        while (true) {
            tick = QrPageClock.nextTick(tick, issuedAt, validity);
            if (tick > seconds) {
                return requests;
            }
            if (QrPageClock.actAt(tick, issuedAt, validity) == QrPageClock.Act.RENEW) {
                requests.add("R@" + tick);
                issuedAt = tick; // the renewal's answer: a new QR of the same validity
            } else {
                requests.add("P@" + tick);
            }
        }
    }

    @Nested
    class GivenTheDefaultValidityOf120Seconds {

        @Test
        void thenThePagePollsEveryTwoSeconds() {
            assertThat(page(120, 10)).containsExactly("P@2", "P@4", "P@6", "P@8", "P@10");
        }

        @Test
        void thenItAsksForANewQrTenSecondsBeforeExpiryInsteadOfThatSecondsPoll() {
            List<String> requests = page(120, 114);

            assertThat(requests).contains("P@108", "R@110", "P@112", "P@114").doesNotContain("P@110");
            assertThat(requests.stream().filter(r -> r.startsWith("R@"))).containsExactly("R@110");
            assertThat(requests.stream().filter(r -> r.startsWith("P@"))).hasSize(56);
        }

        @Test
        void thenEachNewQrIsRenewedInTurn() {
            assertThat(page(120, 400).stream().filter(r -> r.startsWith("R@"))).containsExactly("R@110", "R@220", "R@330");
        }
    }

    @Nested
    class GivenTheShortestValidity {

        @Test
        void thenTheRenewalComesAtTwentySecondsAndOnOddSecondsToo() {
            List<String> requests = page(30, 63);

            assertThat(requests.stream().filter(r -> r.startsWith("R@"))).containsExactly("R@20", "R@40", "R@60");
            assertThat(page(31, 22)).contains("R@21", "P@22");
        }
    }
}

package vn.vneidbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Review 2026-12-06 of the bulk pre-verification fixes (second pass), finding A2. A finished job's verified results
 * cannot be withdrawn (cancel is refused on a DONE job, there is no withdraw endpoint), so the server option
 * {@code bulk-result-max-age-days} is the operators' one brake on them. A value meant to stop applying them (0, or a
 * negative one) must not silently become the default of 90 days: a safety setting out of range fails closed (the
 * shortest age, or none at all), never open.
 */
class ReviewBulkSecondPassTest {

    @Test
    void reviewA2_aMaxAgeOfZeroOrLessNeverMeansNinetyDays() {
        for (String value : new String[] {"0", "-1", "-5"}) {
            assertThat(JpaLinkOperationsFactory.maxAge(value)).as(value)
                    .isLessThanOrEqualTo(Duration.ofDays(1));
        }
    }
}

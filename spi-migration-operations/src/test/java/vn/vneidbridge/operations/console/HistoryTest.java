package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @SuppressWarnings("unchecked")
    private static List<Long> series(Map<String, Object> history, String name) {
        return (List<Long>) ((Map<String, Object>) history.get("series")).get(name);
    }

    @Test
    void theDaysAreTheWindowEndingToday() {
        Map<String, Object> history = History.of(Map.of(), TODAY, 3);

        assertThat(history.get("days")).isEqualTo(List.of("2026-12-03", "2026-12-04", "2026-12-05"));
        assertThat(series(history, "linked")).containsExactly(0L, 0L, 0L);
        assertThat(series(history, "conflicts")).containsExactly(0L, 0L, 0L);
    }

    @Test
    void eachDayIsTheRunningTotalWithEverythingBeforeTheWindowInItsFirstDay() {
        Map<String, Map<LocalDate, Long>> daily = Map.of("linked", Map.of(
                LocalDate.of(2026, 11, 1), 10L,
                LocalDate.of(2026, 12, 4), 2L,
                LocalDate.of(2026, 12, 5), 1L));

        assertThat(series(History.of(daily, TODAY, 3), "linked")).containsExactly(10L, 12L, 13L);
    }

    @Test
    void aDayAfterTodayIsNotCounted() {
        Map<String, Map<LocalDate, Long>> daily = Map.of("verified", Map.of(LocalDate.of(2026, 12, 6), 5L));

        assertThat(series(History.of(daily, TODAY, 2), "verified")).containsExactly(0L, 0L);
    }
}

package vn.vneidbridge.operations.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's chart over time: for each series (accounts linked, accounts verified, review entries opened) the
 * running total at the end of each of the last {@code days} days (UTC), from the count of each day — days before
 * the window are added to its first day, days after today are ignored. The dates come from what Keycloak already
 * stores ({@code vneid_linked_at}, {@code cccd_verified_at}, the entries' creation): an account unlinked or disputed
 * since no longer counts on the day it was linked or verified.
 */
public final class History {

    public static final List<String> SERIES = List.of("linked", "verified", "conflicts");

    private History() {
    }

    public static Map<String, Object> of(Map<String, Map<LocalDate, Long>> daily, LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            dates.add(first.plusDays(i).toString());
        }
        Map<String, Object> series = new LinkedHashMap<>();
        for (String name : SERIES) {
            long[] perDay = new long[days];
            long before = 0;
            for (Map.Entry<LocalDate, Long> count : daily.getOrDefault(name, Map.of()).entrySet()) {
                LocalDate day = count.getKey();
                if (day.isBefore(first)) {
                    before += count.getValue();
                } else if (!day.isAfter(today)) {
                    perDay[(int) (day.toEpochDay() - first.toEpochDay())] += count.getValue();
                }
            }
            List<Long> running = new ArrayList<>();
            long total = before;
            for (long count : perDay) {
                total += count;
                running.add(total);
            }
            series.put(name, running);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("days", dates);
        history.put("series", series);
        return history;
    }
}

package vn.vneidbridge.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the legs in one round of a side-by-side family: rotated by one place each round, so that over as
 * many rounds as there are legs each leg runs once in each position — no leg always runs first, right after the
 * same other one, or on a machine that a steady drift has made a little faster.
 */
final class Rotation {

    private Rotation() {
    }

    /** The legs in the order of round {@code round} (1 for the first). */
    static <T> List<T> of(List<T> legs, int round) {
        if (round < 1) {
            throw new IllegalArgumentException("rounds count from 1");
        }
        int shift = (round - 1) % legs.size();
        List<T> ordered = new ArrayList<>(legs.size());
        for (int i = 0; i < legs.size(); i++) {
            ordered.add(legs.get((i + shift) % legs.size()));
        }
        return ordered;
    }
}

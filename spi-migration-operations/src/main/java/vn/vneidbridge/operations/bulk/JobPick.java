package vn.vneidbridge.operations.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which active jobs this node starts working on at a poll: the ones it is not working on already, not set aside
 * (its registry adapter was missing or not configured here a moment ago), as many as it has free slots. Each job
 * gets a slot of its own, so one realm's long job does not hold up another realm's.
 */
final class JobPick {

    /** Jobs one node works on at once. */
    static final int SLOTS = 4;
    /** How long a node leaves a job it could not ask the registry for to the other nodes. */
    static final long SET_ASIDE_MILLIS = 300_000;

    private JobPick() {
    }

    static List<String> next(List<String> active, Set<String> working, Map<String, Long> setAsideUntil, long now,
                             int slots) {
        List<String> picked = new ArrayList<>();
        int free = slots - working.size();
        for (String job : active) {
            if (picked.size() >= free) {
                break;
            }
            Long until = setAsideUntil.get(job);
            if (!working.contains(job) && (until == null || until <= now)) {
                picked.add(job);
            }
        }
        return picked;
    }
}

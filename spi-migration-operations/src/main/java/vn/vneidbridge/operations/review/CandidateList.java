package vn.vneidbridge.operations.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The accounts a review entry lists, stored comma-separated in a column of limited length: the ids that come first,
 * then the others not listed yet, each kept while the list still fits. An entry is always stored, however many
 * accounts hold its number (a number planted on many legacy rows must not keep the entry from opening: a first
 * VNeID login reads whether one is open, BV-12); the accounts that do not fit are counted, never silently lost.
 */
final class CandidateList {

    /** The ids kept, in order, and how many did not fit. */
    record Merged(List<String> ids, int dropped) {
        Merged {
            ids = List.copyOf(ids);
        }

        String joined() {
            return String.join(",", ids);
        }
    }

    private CandidateList() {
    }

    /**
     * @param first   the ids that come first (a login's own accounts; an entry's accounts when a job adds to it)
     * @param then    further ids, added after them unless listed already
     * @param maxChars the column's length
     */
    static Merged merge(Collection<String> first, Collection<String> then, int maxChars) {
        Set<String> kept = new LinkedHashSet<>();
        int length = -1; // no comma before the first id
        int dropped = 0;
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        for (String id : all) {
            if (id == null || id.isBlank() || kept.contains(id.trim())) {
                continue;
            }
            String trimmed = id.trim();
            if (length + 1 + trimmed.length() > maxChars) {
                dropped++;
                continue;
            }
            kept.add(trimmed);
            length += 1 + trimmed.length();
        }
        return new Merged(new ArrayList<>(kept), dropped);
    }
}

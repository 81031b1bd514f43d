package vn.vneidbridge.operations.bulk;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which population registry adapter a job asks: one the realm's own flows name (their CCCD check and first VNeID
 * login steps, which only {@code manage-realm} configures), never just any adapter installed on the server. The
 * definition may name one of them; it must when the flows name several.
 *
 * @param registry the adapter's provider id, when chosen
 * @param problem  the refusal otherwise
 */
record RegistryChoice(Optional<String> registry, Optional<BulkJobDefinition.Problem> problem) {

    static RegistryChoice choose(Optional<String> asked, Set<String> realmRegistries) {
        SortedSet<String> named = new TreeSet<>(realmRegistries);
        if (named.isEmpty()) {
            return refused(new BulkJobDefinition.Problem("vneidBulkNoRealmRegistry"));
        }
        if (asked.isPresent()) {
            return named.contains(asked.get()) ? chosen(asked.get())
                    : refused(new BulkJobDefinition.Problem("vneidBulkRegistryNotTheRealms", asked.get(),
                            String.join(", ", named)));
        }
        return named.size() == 1 ? chosen(named.first())
                : refused(new BulkJobDefinition.Problem("vneidBulkRegistryAmbiguous", String.join(", ", named)));
    }

    private static RegistryChoice chosen(String registry) {
        return new RegistryChoice(Optional.of(registry), Optional.empty());
    }

    private static RegistryChoice refused(BulkJobDefinition.Problem problem) {
        return new RegistryChoice(Optional.empty(), Optional.of(problem));
    }
}

package vn.vneidbridge.operations.bulk;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.vneidbridge.cccd.registry.RegistryQuery;

/**
 * What the bulk pre-verification found for one legacy account. {@link #toString()} never shows an id number.
 */
public sealed interface AccountOutcome {

    /** The code stored in the results table and shown in the report. */
    String code();

    /**
     * The population database confirmed every field sent: {@code confirmed} is the very question it answered "match"
     * to (what the result is bound to), and these fields of it ({@code RegistryField} names, as the login's check
     * records them).
     */
    record Verified(RegistryQuery confirmed, Set<String> fields) implements AccountOutcome {
        public Verified {
            Objects.requireNonNull(confirmed, "confirmed");
            fields = Set.copyOf(new TreeSet<>(fields));
        }

        /** The number confirmed. */
        public String number() {
            return confirmed.idNumber();
        }

        @Override
        public String code() {
            return "VERIFIED";
        }

        @Override
        public String toString() {
            return "Verified[***, " + new TreeSet<>(fields) + "]";
        }
    }

    /** A citizen has the number, but these fields differ (empty: the registry only said "does not match"). */
    record Mismatch(Set<String> fields) implements AccountOutcome {
        public Mismatch {
            fields = Set.copyOf(new TreeSet<>(fields));
        }

        @Override
        public String code() {
            return "MISMATCH";
        }
    }

    /** No citizen has the number. */
    record NotFound() implements AccountOutcome {
        @Override
        public String code() {
            return "NOT_FOUND";
        }
    }

    /** Other accounts (Keycloak user ids) hold the same number: nothing is verified, an operator reviews it. */
    record Conflict(List<String> otherAccounts) implements AccountOutcome {
        public Conflict {
            otherAccounts = List.copyOf(otherAccounts);
        }

        @Override
        public String code() {
            return "CONFLICT";
        }
    }

    /** No answer from the registry ({@code reason} its short code); {@code retryable} ones are asked again later. */
    record RegistryError(String reason, boolean retryable) implements AccountOutcome {
        public RegistryError {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String code() {
            return "REGISTRY_ERROR";
        }
    }
}

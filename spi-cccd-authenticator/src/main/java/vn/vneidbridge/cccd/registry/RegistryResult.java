package vn.vneidbridge.cccd.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The population database's answer to a {@link RegistryQuery}. */
public sealed interface RegistryResult
        permits RegistryResult.Match, RegistryResult.Mismatch, RegistryResult.NotFound, RegistryResult.Unavailable {

    /**
     * Every field that was checked matches.
     *
     * @param matched the fields checked (the fields sent, when the registry answers with a bare flag)
     * @param record  the citizen's record, empty when the registry answered with a bare match flag
     */
    record Match(Set<RegistryField> matched, Optional<RegistryRecord> record) implements RegistryResult {
        public Match {
            matched = immutableCopy(matched);
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * A citizen has this id number, but some declared data differs.
     *
     * @param mismatched the fields that differ; empty when the registry only said "does not match"
     */
    record Mismatch(Set<RegistryField> mismatched) implements RegistryResult {
        public Mismatch {
            mismatched = immutableCopy(mismatched);
        }
    }

    /** No citizen has this personal id number (result code {@code 01}). */
    record NotFound() implements RegistryResult {
    }

    /**
     * No answer could be had; try again later or fall back to another proof.
     *
     * @param reason a short code: {@code not-configured}, {@code timeout}, {@code connect-timeout},
     *     {@code connection-failed}, {@code io-error}, {@code http-<status>}, {@code circuit-open},
     *     {@code malformed-response}, {@code response-too-large}, {@code soap-fault}, {@code service-error}
     *     (code 99), {@code unexpected-result-code}, {@code interrupted}, {@code internal-error}
     */
    record Unavailable(String reason) implements RegistryResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private static Set<RegistryField> immutableCopy(Collection<RegistryField> fields) {
        Objects.requireNonNull(fields, "fields");
        return fields.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(fields));
    }
}

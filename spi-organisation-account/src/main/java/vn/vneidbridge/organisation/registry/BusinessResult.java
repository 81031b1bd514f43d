package vn.vneidbridge.organisation.registry;

import java.util.Objects;

/**
 * The business registry's answer to a {@link BusinessQuery}, decided in this order: no such code
 * ({@link NotFound}); a registered name that is not the declared one ({@link NameMismatch}, whatever the status: the
 * status is never told to someone who does not know the name); not active ({@link Inactive}); else {@link Match}.
 */
public sealed interface BusinessResult permits BusinessResult.Match, BusinessResult.NameMismatch,
        BusinessResult.NotFound, BusinessResult.Inactive, BusinessResult.Unavailable {

    /**
     * The code is registered under the declared name and the enterprise is active.
     *
     * @param record the enterprise; when the registry answered with a bare {@code true} flag, the queried code, the
     *     declared name and {@code DANG_HOAT_DONG}, without a representative
     */
    record Match(BusinessRecord record) implements BusinessResult {
        public Match {
            Objects.requireNonNull(record, "record");
        }
    }

    /** The code is registered, under another name (or a bare {@code false} flag). */
    record NameMismatch() implements BusinessResult {
    }

    /** No enterprise has this code (result code {@code 01}). */
    record NotFound() implements BusinessResult {
    }

    /**
     * The code is registered under the declared name, but the enterprise is not active.
     *
     * @param status the registry's status, e.g. {@code TAM_NGUNG} (suspended), {@code GIAI_THE} (dissolved)
     */
    record Inactive(String status) implements BusinessResult {
        public Inactive {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * No answer could be had; try again later.
     *
     * @param reason a short code: {@code not-configured}, {@code timeout}, {@code connect-timeout},
     *     {@code connection-failed}, {@code io-error}, {@code http-<status>}, {@code circuit-open},
     *     {@code malformed-response}, {@code response-too-large}, {@code registry-error} (code 99),
     *     {@code unexpected-result-code}, {@code unexpected-record} (a record of another code),
     *     {@code interrupted}, {@code internal-error}
     */
    record Unavailable(String reason) implements BusinessResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

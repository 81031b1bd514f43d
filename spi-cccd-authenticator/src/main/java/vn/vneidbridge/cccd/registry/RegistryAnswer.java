package vn.vneidbridge.cccd.registry;

import java.util.Optional;
import java.util.Set;

/**
 * A processed registry answer, whatever the protocol: the result code and, for {@code 00}, either the
 * citizen's record or a bare match flag.
 */
record RegistryAnswer(String code, Optional<RegistryRecord> record, Optional<Boolean> matchFlag) {

    static RegistryAnswer withoutResult(String code) {
        return new RegistryAnswer(code, Optional.empty(), Optional.empty());
    }

    /** What the answer means for this query; a record wins over a flag when a service sends both. */
    RegistryResult evaluate(RegistryQuery query) throws RegistryFailure {
        switch (code) {
            case RegistryWireFormat.PROCESSED:
                if (record.isPresent()) {
                    return RecordComparison.compare(query, record.get());
                }
                if (matchFlag.isPresent()) {
                    return matchFlag.get()
                            ? new RegistryResult.Match(RegistryWireFormat.sentFields(query), Optional.empty())
                            : new RegistryResult.Mismatch(Set.of());
                }
                throw RegistryFailure.malformed();
            case RegistryWireFormat.NOT_FOUND:
                return new RegistryResult.NotFound();
            case RegistryWireFormat.SERVICE_ERROR:
                throw new RegistryFailure("service-error");
            default:
                throw new RegistryFailure("unexpected-result-code");
        }
    }
}

package vn.vneidbridge.cccd.registry;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import vn.vneidbridge.core.id.VietnameseNames;

/** Compares a query with the record the registry returned, field by field. */
final class RecordComparison {

    private final Set<RegistryField> matched = EnumSet.noneOf(RegistryField.class);
    private final Set<RegistryField> mismatched = EnumSet.noneOf(RegistryField.class);

    private RecordComparison() {
    }

    /**
     * Id number exactly, name with {@link VietnameseNames#sameName} (or the query's looser
     * {@link vn.vneidbridge.core.id.NameComparison}), date of birth equal; CMND and gender
     * only when the query has them.
     */
    static RegistryResult compare(RegistryQuery query, RegistryRecord record) {
        RecordComparison comparison = new RecordComparison();
        comparison.check(RegistryField.ID_NUMBER, RegistryWireFormat.idNumber(query).equals(record.idNumber().strip()));
        comparison.check(RegistryField.FULL_NAME, query.nameComparison().same(query.fullName(), record.fullName()));
        comparison.check(RegistryField.BIRTH_DATE, query.birthDate().equals(record.birthDate()));
        Optional<String> cmnd = RegistryWireFormat.cmnd(query);
        if (cmnd.isPresent()) {
            comparison.check(RegistryField.CMND, cmnd.equals(record.cmnd().map(String::strip)));
        }
        if (query.gender().isPresent()) {
            comparison.check(RegistryField.GENDER, query.gender().equals(record.gender()));
        }
        return comparison.mismatched.isEmpty()
                ? new RegistryResult.Match(comparison.matched, Optional.of(record))
                : new RegistryResult.Mismatch(comparison.mismatched);
    }

    private void check(RegistryField field, boolean same) {
        (same ? matched : mismatched).add(field);
    }
}

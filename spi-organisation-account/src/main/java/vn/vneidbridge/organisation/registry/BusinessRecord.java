package vn.vneidbridge.organisation.registry;

import java.util.Objects;
import java.util.Optional;

import vn.vneidbridge.core.id.TaxCode;

/**
 * An enterprise as the business registry holds it. {@link #toString()} masks the code and hides both names.
 *
 * @param taxCode            the enterprise code in canonical form ({@code 0312345673}, {@code 0312345673-001})
 * @param name               the registered name, as the registry sent it (trimmed)
 * @param status             the registration status: {@code DANG_HOAT_DONG} is active, anything else
 *     ({@code TAM_NGUNG}, {@code GIAI_THE}, {@code BO_TRON}, …) is not
 * @param representativeName the legal representative's full name, when the registry sent it (personal data)
 */
public record BusinessRecord(String taxCode, String name, String status, Optional<String> representativeName) {

    public BusinessRecord {
        Objects.requireNonNull(taxCode, "taxCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(representativeName, "representativeName");
    }

    @Override
    public String toString() {
        String code = TaxCode.parse(taxCode).number().map(TaxCode::mask).orElse("***");
        return "BusinessRecord[taxCode=" + code + ", name=***, status=" + status + ", representativeName="
                + representativeName.map(present -> "***").orElse("-") + ']';
    }
}

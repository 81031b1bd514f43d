package vn.vneidbridge.sandbox.business;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.vneidbridge.core.id.TaxCode;

/**
 * An enterprise as the national business registration database holds it: what the verification service answers with.
 *
 * @param taxCode            the enterprise code (= its tax code), canonical: {@code 0312345673} or
 *                           {@code 0312345673-001}; must pass the check digit
 * @param name               the registered name, as the service sends it (upper case)
 * @param status             the registration status: {@value #ACTIVE}, {@code TAM_NGUNG}, {@code GIAI_THE}, …
 * @param representativeName the legal representative's full name, when held
 */
public record Enterprise(String taxCode, String name, String status, Optional<String> representativeName) {

    /** The active status ("đang hoạt động"). */
    public static final String ACTIVE = "DANG_HOAT_DONG";
    /** Temporarily suspended ("tạm ngừng kinh doanh"). */
    public static final String SUSPENDED = "TAM_NGUNG";

    private static final Pattern STATUS = Pattern.compile("[A-Z0-9_]{1,64}");

    public Enterprise {
        Objects.requireNonNull(taxCode, "taxCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(representativeName, "representativeName");
        TaxCode code = TaxCode.parse(taxCode).number()
                .orElseThrow(() -> new IllegalArgumentException("not a valid tax code"));
        if (!code.value().equals(taxCode)) {
            throw new IllegalArgumentException("the tax code must be written in its canonical form");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        if (!STATUS.matcher(status).matches()) {
            throw new IllegalArgumentException("status must be a code word such as " + ACTIVE);
        }
    }

    /** An enterprise; {@code representativeName} may be null (not held). */
    public static Enterprise of(String taxCode, String name, String status, String representativeName) {
        return new Enterprise(taxCode, name, status, Optional.ofNullable(representativeName));
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The code masked ({@code 031******3}) and the names hidden: safe for logs. */
    @Override
    public String toString() {
        String masked = TaxCode.parse(taxCode).number().map(TaxCode::mask).orElse("***");
        return "Enterprise[taxCode=" + masked + ", name=***, status=" + status + ", representativeName="
                + representativeName.map(present -> "***").orElse("-") + ']';
    }
}

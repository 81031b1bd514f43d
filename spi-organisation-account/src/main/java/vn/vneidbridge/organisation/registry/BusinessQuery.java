package vn.vneidbridge.organisation.registry;

import java.util.Objects;

import vn.vneidbridge.core.id.TaxCode;

/**
 * What an organisation declared, to be checked against the business registry. {@link #toString()} masks the code
 * and hides the name (an account's name is whatever its holder typed, so it is treated as personal data).
 *
 * @param taxCode      the enterprise code (mã số doanh nghiệp, the same as its tax code), valid by construction
 * @param declaredName the name the account holds; compared with the registered one by
 *     {@link vn.vneidbridge.core.id.VietnameseNames#sameName}
 */
public record BusinessQuery(TaxCode taxCode, String declaredName) {

    public BusinessQuery {
        Objects.requireNonNull(taxCode, "taxCode");
        Objects.requireNonNull(declaredName, "declaredName");
    }

    @Override
    public String toString() {
        return "BusinessQuery[taxCode=" + taxCode.mask() + ", declaredName=***]";
    }
}

package vn.vneidbridge.vneid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * An organisation's identity as VNeID returned it (an electronic identification account of an agency, organisation or
 * business, Decree 69/2024/NĐ-CP), after every check passed ({@link VneidIdentityValidator}). It names the
 * organisation, never a person: no personal id number, date of birth or gender. {@link #toString()} shows the masked
 * tax code and the level only.
 *
 * @param taxCode     the organisation's tax code (for an enterprise also its enterprise code), as VNeID gave it
 * @param name        the organisation's name, normalised
 * @param phoneNumber the phone number VNeID gave (the legal representative's), or null
 * @param email       the e-mail address, or null
 * @param level       the account level
 * @param accountType the account type value VNeID gave ({@code LoaiTaiKhoan} 2 business, 3 organisation)
 */
public record OrganisationIdentity(TaxCode taxCode, String name, String phoneNumber, String email, VneidLevel level,
                                   String accountType) {

    public OrganisationIdentity {
        Objects.requireNonNull(taxCode, "taxCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(accountType, "accountType");
    }

    /**
     * The user attributes this identity gives, by name ({@link UserAttributes}): {@code tax_code} (canonical),
     * {@code organisation_name}, {@code vneid_level}, {@code vneid_account_type}. The verification flags are not here:
     * only the identity mapper sets them, after checking the user's existing code. Never {@code cccd},
     * {@code full_name}, {@code birthdate} or {@code gender}; nor the phone or e-mail VNeID gave, which are the legal
     * representative's own: every staff member sharing the organisation's account, and every portal granted the
     * {@code phone} or {@code email} scope, would see them.
     */
    public Map<String, String> userAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(UserAttributes.TAX_CODE, taxCode.value());
        attributes.put(UserAttributes.ORGANISATION_NAME, name);
        attributes.put(VneidIdentity.LEVEL_ATTRIBUTE, level.value());
        attributes.put(UserAttributes.VNEID_ACCOUNT_TYPE, accountType);
        return attributes;
    }

    @Override
    public String toString() {
        return "OrganisationIdentity[" + taxCode.mask() + ", level " + level + "]";
    }
}

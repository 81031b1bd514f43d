package vn.vneidbridge.legacy.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.id.FullNameParts;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.VietnameseNames;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.store.LegacyAccount;

/**
 * How a legacy account's data becomes Keycloak user data: names split Vietnamese-style (last name = family
 * name, first name = middle and given names, full name kept whole), ids and profile as attributes.
 * The CCCD is marked verified only when the legacy portal had verified it; an organisation's tax code never is
 * ({@link LegacyTaxCode}), nor a person's places ({@link LegacyPlaces}).
 */
final class LegacyAccountAttributes {

    static final String VERIFIED_BY_LEGACY_PORTAL = "legacy-portal";

    private LegacyAccountAttributes() {
    }

    static Map<String, List<String>> of(LegacyAccount account) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        put(values, UserModel.USERNAME, account.username());
        put(values, UserModel.FIRST_NAME, firstName(account));
        put(values, UserModel.LAST_NAME, lastName(account));
        put(values, UserModel.EMAIL, account.email());
        put(values, UserAttributes.LEGACY_ACCOUNT_ID, account.legacyId());
        put(values, UserAttributes.LEGACY_ACCOUNT_TYPE, account.type().name());
        put(values, UserAttributes.FULL_NAME, account.fullName());
        put(values, UserAttributes.BIRTHDATE, account.birthDate() == null ? null : account.birthDate().toString());
        put(values, UserAttributes.GENDER, account.gender().map(g -> g == Gender.MALE ? "male" : "female").orElse(null));
        put(values, UserAttributes.PHONE_NUMBER, account.phone());
        put(values, UserAttributes.CMND, account.cmnd().orElse(null));
        put(values, UserAttributes.CCCD, account.cccd().orElse(null));
        if (account.cccdVerified()) {
            put(values, UserAttributes.CCCD_VERIFIED, "true");
            put(values, UserAttributes.CCCD_VERIFIED_SOURCE, VERIFIED_BY_LEGACY_PORTAL);
        }
        return Map.copyOf(values);
    }

    /** The account's attributes with its row's tax code, if it has a valid one (unverified). */
    static Map<String, List<String>> of(LegacyAccount account, LegacyTaxCode taxCode) {
        if (taxCode.code().isEmpty()) {
            return of(account);
        }
        Map<String, List<String>> values = new LinkedHashMap<>(of(account));
        values.put(UserAttributes.TAX_CODE, List.of(taxCode.code().get().value()));
        return Map.copyOf(values);
    }

    /** The account's attributes with its row's tax code (if valid) and places, all unverified. */
    static Map<String, List<String>> of(LegacyAccount account, LegacyTaxCode taxCode, LegacyPlaces places) {
        if (places.values().isEmpty()) {
            return of(account, taxCode);
        }
        Map<String, List<String>> values = new LinkedHashMap<>(of(account, taxCode));
        values.putAll(places.attributes());
        return Map.copyOf(values);
    }

    static String firstName(LegacyAccount account) {
        FullNameParts parts = parts(account);
        if (parts == null) {
            return null;
        }
        String first = (parts.middleName() + " " + parts.givenName()).trim();
        return first.isEmpty() ? null : first;
    }

    static String lastName(LegacyAccount account) {
        FullNameParts parts = parts(account);
        return parts == null || parts.familyName().isEmpty() ? null : parts.familyName();
    }

    private static FullNameParts parts(LegacyAccount account) {
        return account.fullName() == null ? null : VietnameseNames.splitFullName(account.fullName());
    }

    private static void put(Map<String, List<String>> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, List.of(value));
        }
    }
}

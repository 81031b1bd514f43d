package vn.vneidbridge.vneid;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.vneidbridge.core.user.AccountKind;

/**
 * Whose VNeID account logged in, a citizen's or an organisation's, read from the account type claim VNeID returned:
 * the configured claim ({@code LoaiTaiKhoan} with OIDC, {@code accountType} with the partner API), else
 * {@value VneidClaimNames#FALLBACK_ACCOUNT_TYPE}. An organisation is an account type among the configured
 * organisation types (default {@code 2} business, {@code 3} organisation, as the national portal's SSO numbers
 * them). Anything else is a citizen's account, a missing claim included: VNeID's citizens' logins carry no such
 * claim. The shape of the id (12 digits or a tax code) never decides the kind.
 *
 * <p>Pure: no Keycloak types, never throws for any claim values.
 */
public final class VneidAccountKind {

    /** The organisation account types of the national portal's SSO: 2 business, 3 organisation. */
    public static final List<String> DEFAULT_ORGANISATION_TYPES = List.of("2", "3");

    /** The OIDC defaults: claim {@code LoaiTaiKhoan}, organisation types 2 and 3. */
    public static final VneidAccountKind DEFAULTS =
            new VneidAccountKind(VneidClaimNames.FALLBACK_ACCOUNT_TYPE, DEFAULT_ORGANISATION_TYPES);

    private final String claim;
    private final Set<String> organisationTypes;

    /**
     * @param claim             the configured account type claim
     * @param organisationTypes the account type values that mean an organisation (compared trimmed, in any case)
     */
    public VneidAccountKind(String claim, Collection<String> organisationTypes) {
        this.claim = Objects.requireNonNull(claim, "claim");
        Set<String> types = new LinkedHashSet<>();
        for (String type : Objects.requireNonNull(organisationTypes, "organisationTypes")) {
            if (type != null && !type.isBlank()) {
                types.add(normalised(type));
            }
        }
        this.organisationTypes = Set.copyOf(types);
    }

    /**
     * The account type as VNeID gave it, trimmed: the configured claim, else {@code LoaiTaiKhoan}; null when both are
     * absent, blank or structured.
     */
    public String accountType(Map<String, ?> claims) {
        return VneidIdentityValidator.text(claims, claim, VneidClaimNames.FALLBACK_ACCOUNT_TYPE);
    }

    /** {@link AccountKind#ORGANISATION} for an organisation account type; {@link AccountKind#CITIZEN} otherwise. */
    public AccountKind of(Map<String, ?> claims) {
        return isOrganisationType(accountType(claims)) ? AccountKind.ORGANISATION : AccountKind.CITIZEN;
    }

    /** Whether {@code accountType} (as {@link #accountType} reads it) is one of the organisation types. */
    public boolean isOrganisationType(String accountType) {
        return accountType != null && organisationTypes.contains(normalised(accountType));
    }

    /** The configured account type claim. */
    public String claim() {
        return claim;
    }

    private static String normalised(String type) {
        return type.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "VneidAccountKind[" + claim + ", organisations " + organisationTypes + "]";
    }
}

package vn.vneidbridge.vneid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.IdNumberProblem;
import vn.vneidbridge.core.id.IdParseResult;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.id.VietnameseNames;

/**
 * The VNeID checks ({@link VneidRefusal}) over the claims of a login whose tokens Keycloak already validated
 * (signature, issuer, audience, expiry, nonce). A pure function of the claims and the required level: no Keycloak
 * types, no I/O, never throws for any claim values.
 *
 * <p>Whose account logged in comes from the account type claim ({@link VneidAccountKind}; none means a citizen's),
 * never from the shape of the id. A citizen's account runs V1–V4; an organisation's runs O0 (organisations accepted
 * at all), O1 (the id claim is a valid {@link TaxCode}), V2 (the level, as for a citizen) and O3 (a name).
 *
 * <p>The claims are the ID token's and the userinfo response's, merged by {@link VneidClaims}; {@code acr}
 * comes from the ID token only (with the partner API, which has no ID token: the configured level claim of
 * userinfo, {@code accountLevel}). Each configured claim name ({@link VneidClaimNames}) falls back to its
 * Vietnamese name when absent or blank.
 */
public final class VneidIdentityValidator {

    /** The account level claim. */
    public static final String ACR = "acr";
    public static final String EMAIL = "email";
    /** Fallback of {@link #EMAIL}: thư điện tử. */
    public static final String FALLBACK_EMAIL = "ThuDienTu";
    static final String FAMILY_NAME = "family_name";
    static final String GIVEN_NAME = "given_name";

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final VneidClaimNames names;
    private final String levelClaim;
    private final PersonalIdRules rules;
    private final VneidAccountKind accountKind;
    private final boolean acceptOrganisations;

    /**
     * Checks with the given claim names, the level in {@code acr} (OIDC) and the strict id number rules; the account
     * type in {@code LoaiTaiKhoan}, organisations (types 2, 3) refused (O0).
     */
    public VneidIdentityValidator(VneidClaimNames names) {
        this(names, ACR);
    }

    /**
     * Checks with the given claim names, the level in {@code levelClaim} ({@code acr} of the ID token with OIDC,
     * {@code accountLevel} of userinfo with the partner API) and the strict id number rules; the account type in
     * {@code LoaiTaiKhoan}, organisations (types 2, 3) refused (O0).
     */
    public VneidIdentityValidator(VneidClaimNames names, String levelClaim) {
        this(names, levelClaim, VneidAccountKind.DEFAULTS, false);
    }

    /**
     * Checks with the given claim names, the level in {@code levelClaim}, the strict id number rules, and the account
     * type read by {@code accountKind}.
     *
     * @param acceptOrganisations whether an organisation's account may log in at all (else O0)
     */
    public VneidIdentityValidator(VneidClaimNames names, String levelClaim, VneidAccountKind accountKind,
                                  boolean acceptOrganisations) {
        this(names, levelClaim, PersonalIdRules.strict(), accountKind, acceptOrganisations);
    }

    VneidIdentityValidator(VneidClaimNames names, PersonalIdRules rules) {
        this(names, ACR, rules);
    }

    VneidIdentityValidator(VneidClaimNames names, String levelClaim, PersonalIdRules rules) {
        this(names, levelClaim, rules, VneidAccountKind.DEFAULTS, false);
    }

    VneidIdentityValidator(VneidClaimNames names, String levelClaim, PersonalIdRules rules,
                           VneidAccountKind accountKind, boolean acceptOrganisations) {
        this.names = Objects.requireNonNull(names, "names");
        this.levelClaim = Objects.requireNonNull(levelClaim, "levelClaim");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.accountKind = Objects.requireNonNull(accountKind, "accountKind");
        this.acceptOrganisations = acceptOrganisations;
    }

    /**
     * Runs the checks of the account's kind in order and stops at the first that fails: V1–V4 for a citizen's
     * account, O0, O1, V2, O3 for an organisation's.
     *
     * @param claims        the merged claims; values may be strings, numbers or anything else
     * @param requiredLevel the level this login must reach: the configured minimum, or higher if the client
     *                      asked for it
     */
    public VneidCheckResult validate(Map<String, ?> claims, VneidLevel requiredLevel) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(requiredLevel, "requiredLevel");

        String accountType = accountKind.accountType(claims);
        if (accountKind.isOrganisationType(accountType)) {
            return validateOrganisation(claims, requiredLevel, accountType);
        }

        // V1: a valid 12-digit personal id number
        IdParseResult<PersonalIdNumber> parsed =
                PersonalIdNumber.parse(text(claims, names.idNumber(), VneidClaimNames.FALLBACK_ID_NUMBER), rules);
        if (!parsed.isValid()) {
            return new VneidCheckResult.Refused(VneidRefusal.ID_NUMBER_INVALID, codes(parsed.errors()));
        }
        PersonalIdNumber idNumber = parsed.number().orElseThrow();

        // V2: the account level, at least the required one
        Optional<VneidLevel> level = VneidLevel.parse(scalar(claims.get(levelClaim)));
        VneidCheckResult.Refused levelRefused = levelRefused(claims, level, requiredLevel);
        if (levelRefused != null) {
            return levelRefused;
        }

        // V3: digits 4-6 agree with the returned gender and year of birth
        Gender gender = Gender.parse(text(claims, names.gender(), VneidClaimNames.FALLBACK_GENDER)).orElse(null);
        LocalDate birthDate = parseDate(text(claims, names.birthDate(), VneidClaimNames.FALLBACK_BIRTH_DATE));
        List<IdNumberProblem> inconsistencies = idNumber.checkAgainst(gender, birthDate);
        if (!inconsistencies.isEmpty()) {
            return new VneidCheckResult.Refused(VneidRefusal.INCONSISTENT_IDENTITY, codes(inconsistencies));
        }

        // V4: a full name
        String fullName = fullName(claims);
        if (fullName.isEmpty()) {
            return new VneidCheckResult.Refused(VneidRefusal.FULL_NAME_MISSING, "no full name");
        }

        return new VneidCheckResult.Accepted(new VneidIdentity(idNumber, fullName,
                VietnameseNames.splitFullName(fullName), birthDate, gender,
                text(claims, names.phone(), VneidClaimNames.FALLBACK_PHONE),
                text(claims, EMAIL, FALLBACK_EMAIL), level.get()));
    }

    /**
     * O0, O1, V2, O3 over an organisation's claims: organisations accepted at all, a valid tax code in the id claim
     * (the same claim and fallback as a citizen's id number), the level as for a citizen, a name (the same claims as a
     * citizen's full name). The detail of a refusal holds the account type, problem codes and levels only.
     */
    private VneidCheckResult validateOrganisation(Map<String, ?> claims, VneidLevel requiredLevel,
                                                  String accountType) {
        // O0: organisation accounts accepted by this provider
        if (!acceptOrganisations) {
            return new VneidCheckResult.Refused(VneidRefusal.ORGANISATION_NOT_ACCEPTED, "account type " + accountType);
        }

        // O1: a valid tax code
        IdParseResult<TaxCode> parsed =
                TaxCode.parse(text(claims, names.idNumber(), VneidClaimNames.FALLBACK_ID_NUMBER));
        if (!parsed.isValid()) {
            return new VneidCheckResult.Refused(VneidRefusal.TAX_CODE_INVALID, codes(parsed.errors()));
        }

        // V2: the account level, at least the required one
        Optional<VneidLevel> level = VneidLevel.parse(scalar(claims.get(levelClaim)));
        VneidCheckResult.Refused levelRefused = levelRefused(claims, level, requiredLevel);
        if (levelRefused != null) {
            return levelRefused;
        }

        // O3: the organisation's name
        String name = fullName(claims);
        if (name.isEmpty()) {
            return new VneidCheckResult.Refused(VneidRefusal.ORGANISATION_NAME_MISSING, "no organisation name");
        }

        return new VneidCheckResult.AcceptedOrganisation(new OrganisationIdentity(parsed.number().orElseThrow(), name,
                text(claims, names.phone(), VneidClaimNames.FALLBACK_PHONE), text(claims, EMAIL, FALLBACK_EMAIL),
                level.get(), accountType));
    }

    /** V2: missing or unreadable level, or below the required one; null when the level is enough. */
    private VneidCheckResult.Refused levelRefused(Map<String, ?> claims, Optional<VneidLevel> level,
                                                  VneidLevel requiredLevel) {
        if (level.isEmpty()) {
            return new VneidCheckResult.Refused(VneidRefusal.LEVEL_MISSING,
                    claims.get(levelClaim) == null ? levelClaim + " absent" : levelClaim + " unreadable");
        }
        if (!level.get().isAtLeast(requiredLevel)) {
            return new VneidCheckResult.Refused(VneidRefusal.LEVEL_TOO_LOW,
                    "level " + level.get() + ", required " + requiredLevel);
        }
        return null;
    }

    /** The configured name claim, else {@code HoVaTen}, else family name + given name; normalised. */
    private String fullName(Map<String, ?> claims) {
        String name = VietnameseNames.normalize(text(claims, names.fullName(), VneidClaimNames.FALLBACK_FULL_NAME));
        if (!name.isEmpty()) {
            return name;
        }
        String family = text(claims, FAMILY_NAME, FAMILY_NAME);
        String given = text(claims, GIVEN_NAME, GIVEN_NAME);
        return VietnameseNames.normalize((family == null ? "" : family) + " " + (given == null ? "" : given));
    }

    /** The claim {@code name}, else {@code fallback}, as trimmed text; null when both are absent or blank. */
    static String text(Map<String, ?> claims, String name, String fallback) {
        String value = scalar(claims.get(name));
        return value != null ? value : scalar(claims.get(fallback));
    }

    /** A string, number or boolean as trimmed text; null for null, blank, or a structured value. */
    private static String scalar(Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            String text = value.toString().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    /** {@code yyyy-MM-dd}, {@code yyyyMMdd} or {@code dd/MM/yyyy}; null for anything else. */
    static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static String codes(List<IdNumberProblem> problems) {
        return problems.stream().map(IdNumberProblem::code).collect(Collectors.joining(","));
    }
}

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
import vn.vneidbridge.core.id.VietnameseNames;

/**
 * The VNeID checks V1–V4 ({@link VneidRefusal}) over the claims of a login whose tokens Keycloak already
 * validated (signature, issuer, audience, expiry, nonce). A pure function of the claims and the required
 * level: no Keycloak types, no I/O, never throws for any claim values.
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

    /** Checks with the given claim names, the level in {@code acr} (OIDC) and the strict id number rules. */
    public VneidIdentityValidator(VneidClaimNames names) {
        this(names, ACR);
    }

    /**
     * Checks with the given claim names, the level in {@code levelClaim} ({@code acr} of the ID token with OIDC,
     * {@code accountLevel} of userinfo with the partner API) and the strict id number rules.
     */
    public VneidIdentityValidator(VneidClaimNames names, String levelClaim) {
        this(names, levelClaim, PersonalIdRules.strict());
    }

    VneidIdentityValidator(VneidClaimNames names, PersonalIdRules rules) {
        this(names, ACR, rules);
    }

    VneidIdentityValidator(VneidClaimNames names, String levelClaim, PersonalIdRules rules) {
        this.names = Objects.requireNonNull(names, "names");
        this.levelClaim = Objects.requireNonNull(levelClaim, "levelClaim");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Runs V1–V4 in order and stops at the first that fails.
     *
     * @param claims        the merged claims; values may be strings, numbers or anything else
     * @param requiredLevel the level this login must reach: the configured minimum, or higher if the client
     *                      asked for it
     */
    public VneidCheckResult validate(Map<String, ?> claims, VneidLevel requiredLevel) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(requiredLevel, "requiredLevel");

        // V1: a valid 12-digit personal id number
        IdParseResult<PersonalIdNumber> parsed =
                PersonalIdNumber.parse(text(claims, names.idNumber(), VneidClaimNames.FALLBACK_ID_NUMBER), rules);
        if (!parsed.isValid()) {
            return new VneidCheckResult.Refused(VneidRefusal.ID_NUMBER_INVALID, codes(parsed.errors()));
        }
        PersonalIdNumber idNumber = parsed.number().orElseThrow();

        // V2: the account level, at least the required one
        Optional<VneidLevel> level = VneidLevel.parse(scalar(claims.get(levelClaim)));
        if (level.isEmpty()) {
            return new VneidCheckResult.Refused(VneidRefusal.LEVEL_MISSING,
                    claims.get(levelClaim) == null ? levelClaim + " absent" : levelClaim + " unreadable");
        }
        if (!level.get().isAtLeast(requiredLevel)) {
            return new VneidCheckResult.Refused(VneidRefusal.LEVEL_TOO_LOW,
                    "level " + level.get() + ", required " + requiredLevel);
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

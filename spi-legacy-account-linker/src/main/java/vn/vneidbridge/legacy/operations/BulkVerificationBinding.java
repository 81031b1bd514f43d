package vn.vneidbridge.legacy.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.core.crypto.KeyedDigest;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.IdParseResult;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;

/**
 * What a bulk verification is bound to: the very question the population database answered "match" to, kept as a
 * keyed digest (HMAC-SHA256 under a secret of the realm) of the number, the normalised full name, the birth date, the
 * CMND and the gender sent. The same account data always gives the same question ({@link #query}), so a result is
 * applied only to an account whose data would ask the registry exactly that again; the digest reveals nothing of the
 * number without the key (the 10^12 numbers cannot be tried).
 */
public final class BulkVerificationBinding {

    private static final byte[] CONTEXT = "vneid-bulk-verification\0".getBytes(StandardCharsets.US_ASCII);
    private static final char SEPARATOR = '\u001f';

    private BulkVerificationBinding() {
    }

    /**
     * The question the bulk check asks the registry about an account with this data: the number (valid, 12 digits),
     * the name as written (trimmed), the birth date, the CMND if any and the gender — the account's, else the one
     * the number encodes (as at a login's check). Empty when the account cannot be asked (no valid number, no name
     * or no birth date).
     */
    public static Optional<RegistryQuery> query(String cccd, String fullName, LocalDate birthDate,
                                                   Optional<String> cmnd, Optional<Gender> gender) {
        if (cccd == null || fullName == null || fullName.isBlank() || birthDate == null) {
            return Optional.empty();
        }
        IdParseResult<PersonalIdNumber> parsed = PersonalIdNumber.parse(cccd, PersonalIdRules.strict());
        if (!parsed.isValid()) {
            return Optional.empty();
        }
        return Optional.of(queryFor(parsed.number().orElseThrow(), fullName, birthDate, cmnd, gender));
    }

    /** {@link #query(String, String, LocalDate, Optional, Optional)} for a number already parsed. */
    public static RegistryQuery queryFor(PersonalIdNumber number, String fullName, LocalDate birthDate,
                                         Optional<String> cmnd, Optional<Gender> gender) {
        return new RegistryQuery(number.value(), fullName.trim(), birthDate,
                cmnd.map(String::trim).filter(value -> !value.isEmpty()),
                gender.or(() -> Optional.of(number.gender())));
    }

    /** The keyed digest of a question (64 hex digits). */
    public static String digest(byte[] key, RegistryQuery query) {
        return HexFormat.of().formatHex(
                KeyedDigest.of(key, CONTEXT, canonical(query).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether two digests are equal (in constant time); false when either is missing. */
    public static boolean same(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A full name as the registry compares it (ignoring case and spacing): Unicode NFC, runs of whitespace as one
     * space, trimmed, upper case.
     */
    static String normalisedName(String fullName) {
        return Normalizer.normalize(fullName, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
    }

    private static String canonical(RegistryQuery query) {
        return query.idNumber() + SEPARATOR + normalisedName(query.fullName()) + SEPARATOR + query.birthDate()
                + SEPARATOR + query.cmnd().orElse("") + SEPARATOR + query.gender().map(Enum::name).orElse("");
    }
}

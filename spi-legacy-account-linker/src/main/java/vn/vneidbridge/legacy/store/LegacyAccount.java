package vn.vneidbridge.legacy.store;

import java.time.LocalDate;
import java.util.Optional;
import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.legacy.password.LegacyPasswordHash;

/**
 * A legacy portal account that passed validation: what VNeID Bridge imports and checks passwords against.
 * {@link #toString()} shows the legacy id only: no personal data, no hash.
 */
public record LegacyAccount(String legacyId, String username, LegacyPasswordHash password, String fullName,
                            LocalDate birthDate, Optional<Gender> gender, Optional<String> cmnd,
                            Optional<String> cccd, boolean cccdVerified, String phone, String email,
                            LegacyAccountType type, boolean admin, boolean active) {

    /** A citizen's account, or an organisation's ({@link AccountKind}); a row without a type is a citizen's. */
    public AccountKind kind() {
        return AccountKind.ofLegacyType(type == null ? null : type.name());
    }

    /** Validates a row; a bad row gives the first problem found and no account. */
    public static Validated fromRow(LegacyAccountEntity row) {
        if (blank(row.getLegacyId())) {
            return Validated.bad(LegacyAccountProblem.MISSING_LEGACY_ID);
        }
        if (blank(row.getUsername())) {
            return Validated.bad(LegacyAccountProblem.MISSING_USERNAME);
        }
        LegacyPasswordHash.Parsed password = LegacyPasswordHash.parse(row.getPasswordAlgorithm(),
                row.getPasswordHash(), row.getPasswordSalt(), row.getPasswordIterations());
        if (!password.isValid()) {
            return Validated.bad(switch (password.problem().orElse(LegacyPasswordHash.Problem.MALFORMED_HASH)) {
                case UNKNOWN_ALGORITHM -> LegacyAccountProblem.UNKNOWN_PASSWORD_ALGORITHM;
                case MALFORMED_SALT -> LegacyAccountProblem.MALFORMED_PASSWORD_SALT;
                case BAD_ITERATIONS -> LegacyAccountProblem.BAD_PASSWORD_ITERATIONS;
                case MALFORMED_HASH -> LegacyAccountProblem.MALFORMED_PASSWORD_HASH;
            });
        }
        Optional<String> cccd = Optional.ofNullable(row.getCccd()).filter(v -> !v.isBlank());
        if (cccd.isPresent() && !PersonalIdNumber.parse(cccd.get(), PersonalIdRules.lenient()).isValid()) {
            return Validated.bad(LegacyAccountProblem.MALFORMED_CCCD);
        }
        Optional<String> cmnd = Optional.ofNullable(row.getCmnd()).filter(v -> !v.isBlank());
        if (cmnd.isPresent() && !CmndNumber.parse(cmnd.get()).isValid()) {
            return Validated.bad(LegacyAccountProblem.MALFORMED_CMND);
        }
        Optional<LegacyAccountType> type = LegacyAccountType.fromCode(row.getAccountType());
        if (type.isEmpty()) {
            return Validated.bad(LegacyAccountProblem.UNKNOWN_ACCOUNT_TYPE);
        }
        String status = row.getStatus() == null ? "" : row.getStatus().trim().toUpperCase(java.util.Locale.ROOT);
        if (!status.equals("ACTIVE") && !status.equals("LOCKED")) {
            return Validated.bad(LegacyAccountProblem.UNKNOWN_STATUS);
        }
        return new Validated(Optional.of(new LegacyAccount(row.getLegacyId().trim(),
                row.getUsername().trim().toLowerCase(java.util.Locale.ROOT), password.hash().orElseThrow(),
                trimToNull(row.getFullName()), row.getBirthDate(), Gender.parse(row.getGender()),
                cmnd.map(String::trim), cccd.map(String::trim),
                cccd.isPresent() && Boolean.TRUE.equals(row.getCccdVerified()), trimToNull(row.getPhone()),
                trimToNull(row.getEmail()), type.get(), Boolean.TRUE.equals(row.getAdmin()),
                status.equals("ACTIVE"))), Optional.empty());
    }

    @Override
    public String toString() {
        return "LegacyAccount[" + legacyId + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimToNull(String value) {
        return blank(value) ? null : value.trim();
    }

    /** The result of validating a row. */
    public record Validated(Optional<LegacyAccount> account, Optional<LegacyAccountProblem> problem) {
        static Validated bad(LegacyAccountProblem problem) {
            return new Validated(Optional.empty(), Optional.of(problem));
        }

        public boolean isValid() {
            return account.isPresent();
        }
    }
}

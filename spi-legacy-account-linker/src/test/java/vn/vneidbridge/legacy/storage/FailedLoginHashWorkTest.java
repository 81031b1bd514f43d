package vn.vneidbridge.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.vneidbridge.legacy.password.HashKind;
import vn.vneidbridge.legacy.password.HashTally;
import vn.vneidbridge.legacy.password.LegacyPasswordHash;
import vn.vneidbridge.legacy.password.LoginHashWork;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountType;

/**
 * The hash work of every way a portal-account login can fail, counted — never timed. An attacker who can tell two of
 * these paths apart by their work can tell an existing legacy username from an unknown one, and the hash format of a
 * row: so every one of them must do the same work.
 *
 * <p>Each path runs the real decision of the legacy storage ({@link LegacyCredentialCheck}) and the real hash work
 * ({@link LoginHashWork} over a counted {@code LegacyHashWork}), in the order Keycloak calls them: the form looks the
 * username up (unknown: {@code LegacyPasswordForm.testInvalidUser}); with a typed password and no brute-force
 * lockout, a federated user's password goes to the legacy storage first, then to Keycloak's own password provider,
 * which hashes against a password stored in Keycloak when there is one ({@link LoginHashWork#keycloakHashes});
 * then the form refuses ({@code LegacyPasswordForm.validatePassword}). Keycloak's own hash is counted with the
 * realm-policy hashes: it is one hash at the realm's policy. {@code PasswordHashWorkIT} observes the same counts on a
 * real Keycloak's {@code /metrics}.
 */
class FailedLoginHashWorkTest {

    static final String RIGHT = "Sandbox@123";
    static final String WRONG = "Wrong@123";
    static final Set<LegacyAccountType> ALL_TYPES = EnumSet.allOf(LegacyAccountType.class);

    /** The work of one login: hashes at the realm's password policy, and slow legacy hashes. */
    record Work(int realmPolicy, int slowLegacy) {
    }

    /** One way a login fails: does its part of the work, answers whether Keycloak hashed a stored password. */
    interface Path {
        boolean fail(LoginHashWork work);
    }

    static Work workOf(Path path) {
        HashTally tally = new HashTally();
        boolean keycloakHashed = path.fail(new LoginHashWork(tally.counting(4)));
        return new Work(tally.count(HashKind.REALM_POLICY) + (keycloakHashed ? 1 : 0), tally.slowLegacy());
    }

    /** The username is unknown to Keycloak and to the legacy storage. */
    static boolean unknownUser(LoginHashWork work) {
        work.unknownUser();
        return false;
    }

    /** A user was found and the password is refused. */
    static boolean refused(LoginHashWork work, User user, String typed, boolean lockedOut, boolean acceptWeakHashes) {
        boolean typedAny = typed != null && !typed.isEmpty();
        if (typedAny && !lockedOut && user.federated()) {
            LegacyCredentialCheck check = LegacyCredentialCheck.decide(user.imported(), user.storedPassword(),
                    () -> user.row(), user.ownRow(), ALL_TYPES, acceptWeakHashes);
            boolean valid = check.outcome() == LegacyCredentialCheck.Outcome.VERIFY
                    && work.verifyLegacy(check.account().password(), typed);
            assertThat(valid).as("refused").isFalse();
        }
        boolean keycloakHashed = LoginHashWork.keycloakHashes(typed, lockedOut, user.storedPassword());
        work.passwordRefused(keycloakHashed);
        return keycloakHashed;
    }

    /** What the storage and Keycloak know of a user the form found. */
    record User(boolean federated, boolean imported, boolean storedPassword, LegacyAccount row,
                Predicate<LegacyAccount> ownRow) {

        /** A legacy row seen for the first time (not in Keycloak yet). */
        static User legacy(LegacyAccount row) {
            return new User(true, false, false, row, account -> true);
        }

        /** An imported account whose password Keycloak stores again. */
        static User imported(LegacyAccount row) {
            return new User(true, true, true, row, account -> true);
        }

        /** An imported account whose password did not meet the policy: its legacy hash still works. */
        static User importedWithoutPassword(LegacyAccount row) {
            return new User(true, true, false, row, account -> true);
        }

        /** A Keycloak user the legacy storage never had, without a password (created at a first VNeID login). */
        static User keycloakWithoutPassword() {
            return new User(false, false, false, null, account -> false);
        }
    }

    static Stream<Arguments> failedLogins() {
        LegacyAccount bcrypt = row("bcrypt", bcrypt(RIGHT), null, null, true);
        LegacyAccount pbkdf2 = pbkdf2Row(RIGHT);
        LegacyAccount sha256 = row("sha256-salted", hex("SHA-256", "c0ffee" + RIGHT), "c0ffee", null, true);
        LegacyAccount md5 = row("md5", hex("MD5", RIGHT), null, null, true);
        LegacyAccount lockedMd5 = row("md5", hex("MD5", RIGHT), null, null, false);
        return Stream.of(
                Arguments.of("unknown username", (Path) FailedLoginHashWorkTest::unknownUser),
                Arguments.of("row with an unknown hash format (skipped: no such user)", (Path) work -> {
                    assertThat(LegacyPasswordHash.parse("sha1", hex("SHA-1", RIGHT), null, null).isValid()).isFalse();
                    return unknownUser(work);
                }),
                Arguments.of("bcrypt row, wrong password",
                        (Path) work -> refused(work, User.legacy(bcrypt), WRONG, false, true)),
                Arguments.of("PBKDF2-SHA256 row, wrong password",
                        (Path) work -> refused(work, User.legacy(pbkdf2), WRONG, false, true)),
                Arguments.of("salted SHA-256 row, wrong password",
                        (Path) work -> refused(work, User.legacy(sha256), WRONG, false, true)),
                Arguments.of("MD5 row, wrong password",
                        (Path) work -> refused(work, User.legacy(md5), WRONG, false, true)),
                Arguments.of("MD5 row while MD5 is refused, right password",
                        (Path) work -> refused(work, User.legacy(md5), RIGHT, false, false)),
                Arguments.of("locked legacy row, right password",
                        (Path) work -> refused(work, User.legacy(lockedMd5), RIGHT, false, true)),
                Arguments.of("imported user, wrong password",
                        (Path) work -> refused(work, User.imported(bcrypt), WRONG, false, true)),
                Arguments.of("imported user locked out by brute-force detection",
                        (Path) work -> refused(work, User.imported(bcrypt), WRONG, true, true)),
                Arguments.of("imported user whose legacy hash still works, wrong password",
                        (Path) work -> refused(work, User.importedWithoutPassword(md5), WRONG, false, true)),
                Arguments.of("imported user whose legacy-id names another row",
                        (Path) work -> refused(work, new User(true, true, false, md5, account -> false), RIGHT,
                                false, true)),
                Arguments.of("Keycloak user without a password (created by VNeID, username = CCCD)",
                        (Path) work -> refused(work, User.keycloakWithoutPassword(), WRONG, false, true)),
                Arguments.of("bcrypt row, empty password",
                        (Path) work -> refused(work, User.legacy(bcrypt), "", false, true)),
                Arguments.of("bcrypt row, password longer than any legacy check",
                        (Path) work -> refused(work, User.legacy(bcrypt), "x".repeat(2_000), false, true)));
    }

    @Nested
    class GivenAFailedLogin {

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.vneidbridge.legacy.storage.FailedLoginHashWorkTest#failedLogins")
        void thenItDoesOneRealmPolicyHashAndOneSlowLegacyHash(String path, Path failure) {
            assertThat(workOf(failure)).as(path).isEqualTo(new Work(1, 1));
        }
    }

    static LegacyAccount row(String algorithm, String hash, String salt, Integer iterations, boolean active) {
        LegacyPasswordHash password = LegacyPasswordHash.parse(algorithm, hash, salt, iterations).hash().orElseThrow();
        return new LegacyAccount("IT-" + algorithm, "user." + algorithm, password, "Nguyễn Văn A",
                LocalDate.of(1990, 1, 15), Optional.empty(), Optional.empty(), Optional.empty(), false, null, null,
                LegacyAccountType.CITIZEN, false, active);
    }

    static String bcrypt(String password) {
        return BCrypt.withDefaults().hashToString(4, password.toCharArray());
    }

    static LegacyAccount pbkdf2Row(String password) {
        byte[] salt = "sixteen byte salt".getBytes(StandardCharsets.UTF_8);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1_000, 256)).getEncoded();
            return row("pbkdf2-sha256", Base64.getEncoder().encodeToString(key),
                    Base64.getEncoder().encodeToString(salt), 1_000, true);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

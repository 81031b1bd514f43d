package vn.vneidbridge.legacy.password;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginHashWorkTest {

    static final String RIGHT = "Sandbox@123";

    private final HashTally tally = new HashTally();
    private final LoginHashWork work = new LoginHashWork(tally.counting(4));

    static LegacyPasswordHash bcrypt() {
        return LegacyPasswordHash.parse("bcrypt", BCrypt.withDefaults().hashToString(4, RIGHT.toCharArray()), null, null)
                .hash().orElseThrow();
    }

    static LegacyPasswordHash md5() throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(RIGHT.getBytes(StandardCharsets.UTF_8)));
        return LegacyPasswordHash.parse("md5", hex, null, null).hash().orElseThrow();
    }

    @Nested
    class GivenTheRightPassword {

        @Test
        void thenABcryptRowCostsItsOwnCheckOnly() {
            assertThat(work.verifyLegacy(bcrypt(), RIGHT)).isTrue();

            assertThat(tally.counts()).isEqualTo(Map.of(HashKind.BCRYPT, 1));
        }

        @Test
        void thenAnMd5RowCostsItsOwnDigestOnly() throws Exception {
            assertThat(work.verifyLegacy(md5(), RIGHT)).isTrue();

            assertThat(tally.counts()).isEqualTo(Map.of(HashKind.MD5, 1));
        }
    }

    @Nested
    class GivenARefusedPassword {

        @Test
        void thenABcryptRowAddsTheRealmPolicyHashButNoDummy() {
            work.verifyLegacy(bcrypt(), "Wrong@123");
            work.passwordRefused(false);

            assertThat(tally.counts()).isEqualTo(Map.of(HashKind.BCRYPT, 1, HashKind.REALM_POLICY, 1));
        }

        @Test
        void thenAnMd5RowAddsTheRealmPolicyHashAndADummy() throws Exception {
            work.verifyLegacy(md5(), "Wrong@123");
            work.passwordRefused(false);

            assertThat(tally.counts())
                    .isEqualTo(Map.of(HashKind.MD5, 1, HashKind.REALM_POLICY, 1, HashKind.LEGACY_DUMMY, 1));
        }

        @Test
        void thenAPasswordKeycloakCheckedAddsADummyOnly() {
            work.passwordRefused(true);

            assertThat(tally.counts()).isEqualTo(Map.of(HashKind.LEGACY_DUMMY, 1));
        }

        @Test
        void thenAPasswordTooLongToCheckAddsADummy() {
            assertThat(work.verifyLegacy(bcrypt(), "x".repeat(LegacyPasswordVerifier.MAX_PASSWORD_LENGTH + 1)))
                    .isFalse();
            work.passwordRefused(false);

            assertThat(tally.counts()).isEqualTo(Map.of(HashKind.REALM_POLICY, 1, HashKind.LEGACY_DUMMY, 1));
        }
    }

    @Nested
    class GivenAnUnknownUsername {

        @Test
        void thenItCostsTheRealmPolicyHashAndADummy() {
            work.unknownUser();

            assertThat(tally.counts()).isEqualTo(Map.of(HashKind.REALM_POLICY, 1, HashKind.LEGACY_DUMMY, 1));
        }
    }

    @Nested
    class GivenKeycloaksOwnPasswordCheck {

        @ParameterizedTest(name = "typed {0}, locked out {1}, stored {2}: hashes {3}")
        @CsvSource(nullValues = "null", value = {
            "Wrong@123, false, true,  true",
            "Wrong@123, true,  true,  false",
            "Wrong@123, false, false, false",
            "'',        false, true,  false",
            "null,      false, true,  false"})
        void thenItHashesOnlyATypedPasswordOfAUserNotLockedOutWithAStoredPassword(String typed, boolean lockedOut,
                                                                                   boolean stored, boolean hashes) {
            assertThat(LoginHashWork.keycloakHashes(typed, lockedOut, stored)).isEqualTo(hashes);
        }
    }
}

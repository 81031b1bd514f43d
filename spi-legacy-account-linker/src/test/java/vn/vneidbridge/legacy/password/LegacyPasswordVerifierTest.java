package vn.vneidbridge.legacy.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known answers come from outside the code under test: published vectors (RFC 1321 / common MD5 tables,
 * FIPS 180-2, RFC 7914, the PHP manual, jBCrypt's tests), literals made once with Python's hashlib or with
 * jBCrypt 0.4, and a plain PBKDF2 written below from RFC 8018.
 */
class LegacyPasswordVerifierTest {

    /** "Mật khẩu@123", precomposed (NFC). */
    static final String VIETNAMESE = "M\u1eadt kh\u1ea9u@123";
    static final String SANDBOX = "Sandbox@123";

    private final LegacyPasswordVerifier verifier = new LegacyPasswordVerifier();

    private static LegacyPasswordHash hash(String algorithm, String hash, String salt, Integer iterations) {
        return LegacyPasswordHash.parse(algorithm, hash, salt, iterations).hash().orElseThrow();
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** PBKDF2-HMAC-SHA256 straight from RFC 8018 section 5.2, independent of the JDK's SecretKeyFactory. */
    private static byte[] referencePbkdf2(String password, byte[] salt, int iterations, int keyBytes) throws Exception {
        Mac prf = Mac.getInstance("HmacSHA256");
        prf.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] key = new byte[keyBytes];
        for (int block = 1, offset = 0; offset < keyBytes; block++) {
            prf.update(salt);
            byte[] u = prf.doFinal(ByteBuffer.allocate(4).putInt(block).array());
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = prf.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            int length = Math.min(t.length, keyBytes - offset);
            System.arraycopy(t, 0, key, offset, length);
            offset += length;
        }
        return key;
    }

    private static LegacyPasswordHash referencePbkdf2Hash(String password, byte[] salt, int iterations) throws Exception {
        Base64.Encoder base64 = Base64.getEncoder();
        return hash("pbkdf2-sha256", base64.encodeToString(referencePbkdf2(password, salt, iterations, 32)),
                base64.encodeToString(salt), iterations);
    }

    /** Wrong, empty and null passwords never match {@code hash} of {@code right}. */
    private void assertOnlyMatches(LegacyPasswordHash hash, String right) {
        assertThat(verifier.matches(hash, right)).as("right password").isTrue();
        assertThat(verifier.matches(hash, right + "x")).as("longer").isFalse();
        assertThat(verifier.matches(hash, right.substring(1))).as("shorter").isFalse();
        assertThat(verifier.matches(hash, right.toUpperCase())).as("other case").isFalse();
        assertThat(verifier.matches(hash, "wrong")).as("wrong").isFalse();
        assertThat(verifier.matches(hash, "")).as("empty").isFalse();
        assertThat(verifier.matches(hash, null)).as("null").isFalse();
    }

    @Nested
    class GivenBcrypt {

        static Stream<Arguments> versionsAndPasswords() {
            return Stream.of(BCrypt.Version.VERSION_2A, BCrypt.Version.VERSION_2B, BCrypt.Version.VERSION_2Y)
                    .flatMap(version -> Stream.of(SANDBOX, VIETNAMESE).map(password -> Arguments.of(version, password)));
        }

        @ParameterizedTest
        @MethodSource("versionsAndPasswords")
        void thenHashesOfEachVersionMatch(BCrypt.Version version, String password) {
            String made = BCrypt.with(version).hashToString(4, password.toCharArray());
            assertThat(made).startsWith(version.toString());
            assertOnlyMatches(hash("bcrypt", made, null, null), password);
        }

        @Test
        void thenThePhpManualHashMatches() {
            assertOnlyMatches(hash("bcrypt", "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a", null, null),
                    "rasmuslerdorf");
        }

        @Test
        void thenJbcryptsTestVectorMatches() {
            assertOnlyMatches(hash("bcrypt", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC", null, null),
                    "abcdefghijklmnopqrstuvwxyz");
        }

        /** Made once with jBCrypt 0.4 (as $2a$; the three versions hash alike), so a library change cannot slip by. */
        @ParameterizedTest
        @ValueSource(strings = {"$2a$", "$2b$", "$2y$"})
        void thenFixedSandboxAndVietnameseHashesMatch(String prefix) {
            assertOnlyMatches(hash("bcrypt", prefix + "10$2zYT2C2eTg.TuU4xHN2Dq.RrkrJYK8w/gpJ1JdzNuEj8u47I5P75W", null, null),
                    SANDBOX);
            assertOnlyMatches(hash("bcrypt", prefix + "10$quJIz3UHWioNFrn5YaTVPun7dAnLPSOpzeII/yACYGdmmm7AIYDrq", null, null),
                    VIETNAMESE);
        }

        @Test
        void thenThePhpStyleSandboxHashMatches() {
            LegacyPasswordHash php = hash("bcrypt", "$2y$10$2zYT2C2eTg.TuU4xHN2Dq.RrkrJYK8w/gpJ1JdzNuEj8u47I5P75W", null, null);
            assertThat(verifier.matches(php, SANDBOX)).isTrue();
            assertThat(verifier.matches(php, "sandbox@123")).isFalse();
        }

        /** 105 UTF-8 bytes; made once with jBCrypt 0.4, which like OpenBSD and PHP only uses the first 72. */
        @Test
        void thenOnlyTheFirst72BytesCountAsEverywhereElse() {
            String longPassword = "Đây là một mật khẩu rất dài để kiểm tra giới hạn bảy mươi hai byte của bcrypt!";
            LegacyPasswordHash made = hash("bcrypt", "$2a$04$aE2KLvdXFi0VsScJ1d53PORsfG3LFxlplCF6HtNp4WCWbzgzD/upu", null, null);
            assertThat(longPassword.getBytes(StandardCharsets.UTF_8)).hasSize(105);
            assertThat(verifier.matches(made, longPassword)).isTrue();
            // byte 72 is the first byte of "ả" in "bảy": what follows it is not used
            assertThat(verifier.matches(made, longPassword.replace("bảy mươi hai", "bảo ba"))).isTrue();
            assertThat(verifier.matches(made, longPassword.replace("bảy", "bay"))).isFalse();
            assertThat(verifier.matches(made, longPassword.replace("Đây", "Day"))).isFalse();
        }

        @Test
        void thenPasswordsOverTheLimitAreRefusedWithoutHashing() {
            LegacyPasswordHash made = hash("bcrypt", BCrypt.withDefaults().hashToString(4, "a".repeat(72).toCharArray()),
                    null, null);
            assertThat(verifier.matches(made, "a".repeat(LegacyPasswordVerifier.MAX_PASSWORD_LENGTH))).isTrue();
            assertThat(verifier.matches(made, "a".repeat(LegacyPasswordVerifier.MAX_PASSWORD_LENGTH + 1))).isFalse();
            assertThat(verifier.matches(made, "a".repeat(10_000))).isFalse();
        }
    }

    @Nested
    class GivenPbkdf2Sha256 {

        private final byte[] salt = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");

        @Test
        void thenRfc7914VectorMatches() {
            LegacyPasswordHash rfc = hash("pbkdf2-sha256",
                    "TdzY9guYviGDDO5e8icB+WQaRBjQTAQUrv8Ih2s0q1ah1CWhIlgzVJrbhBtRybMXaicr3ruh0HhHj2Kzl/M8jQ==",
                    Base64.getEncoder().encodeToString("NaCl".getBytes(StandardCharsets.US_ASCII)), 80_000);
            assertThat(Base64.getDecoder().decode(rfc.hash())).isEqualTo(HexFormat.of().parseHex(
                    "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                            + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"));
            assertOnlyMatches(rfc, "Password");
        }

        @Test
        void thenRfc7914SingleIterationVectorMatchesBelowTheParser() throws Exception {
            byte[] expected = HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                    + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
            byte[] salt = "salt".getBytes(StandardCharsets.US_ASCII);
            assertThat(LegacyPasswordVerifier.pbkdf2("passwd", salt, 1, 64)).isEqualTo(expected);
            assertThat(referencePbkdf2("passwd", salt, 1, 64)).isEqualTo(expected);
        }

        /** Made once with Python's hashlib.pbkdf2_hmac, 1,000 iterations, 32 bytes. */
        @Test
        void thenFixedVietnameseHashMatches() {
            assertOnlyMatches(hash("pbkdf2-sha256", "026/jqRBKHj6ekSBGND41pMo3FWCOnXRJ3Q0itRV7W8=",
                    "AQIDBAUGBwgJCgsMDQ4PEA==", 1_000), VIETNAMESE);
        }

        @ParameterizedTest
        @ValueSource(ints = {16, 20, 32, 33, 64})
        void thenTheKeyLengthIsTheStoredOne(int keyBytes) throws Exception {
            Base64.Encoder base64 = Base64.getEncoder();
            LegacyPasswordHash made = hash("pbkdf2-sha256",
                    base64.encodeToString(referencePbkdf2(SANDBOX, salt, 1_234, keyBytes)), base64.encodeToString(salt), 1_234);
            assertOnlyMatches(made, SANDBOX);
        }

        @Test
        void thenTheSaltAndIterationsCount() throws Exception {
            LegacyPasswordHash made = referencePbkdf2Hash(SANDBOX, salt, 1_000);
            assertThat(verifier.matches(made, SANDBOX)).isTrue();
            assertThat(verifier.matches(new LegacyPasswordHash(made.algorithm(), made.hash(), "AQIDBAUGBwgJCgsMDQ4PEQ==", 1_000),
                    SANDBOX)).isFalse();
            assertThat(verifier.matches(new LegacyPasswordHash(made.algorithm(), made.hash(), made.salt(), 1_001), SANDBOX))
                    .isFalse();
        }

        @Test
        void thenPasswordsOverTheLimitAreRefusedWithoutHashing() throws Exception {
            String atLimit = "x".repeat(LegacyPasswordVerifier.MAX_PASSWORD_LENGTH);
            assertThat(verifier.matches(referencePbkdf2Hash(atLimit, salt, 1_000), atLimit)).isTrue();
            String tooLong = "x".repeat(10_000);
            assertThat(verifier.matches(referencePbkdf2Hash(tooLong, salt, 1_000), tooLong)).isFalse();
        }
    }

    @Nested
    class GivenSaltedSha256 {

        @Test
        void thenFips180Vector() {
            // SHA-256("abc") as salt "a" followed by password "bc"
            String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
            assertOnlyMatches(hash("sha256-salted", abc, "a", null), "bc");
            assertThat(verifier.matches(hash("sha256-salted", abc.toUpperCase(), "a", null), "bc")).isTrue();
            assertThat(verifier.matches(hash("sha256-salted", abc, "", null), "abc")).isTrue();
            assertThat(verifier.matches(hash("sha256-salted", abc, "ab", null), "c")).isTrue();
            assertThat(verifier.matches(hash("sha256-salted", abc, "b", null), "bc")).isFalse();
        }

        /** Made once with Python's hashlib. */
        @Test
        void thenFixedHashesMatch() {
            assertOnlyMatches(hash("sha256-salted", "b05b59610bd9d81836f72afd609215770ef1654fc619ba65da90ccd3f7b6f451",
                    "mu\u1ed1i-7f3a", null), VIETNAMESE);
            assertOnlyMatches(hash("sha256-salted", "4a5a204818c29b5d90552ad17c6289f1bf953f5d6c328de224094d27cbbd42dd",
                    "s4lt", null), SANDBOX);
        }

        @Test
        void thenTheSaltGoesFirst() throws Exception {
            assertThat(verifier.matches(hash("sha256-salted", hex("SHA-256", SANDBOX + "s4lt"), "s4lt", null), SANDBOX))
                    .isFalse();
        }

        @Test
        void thenPasswordsOverTheLimitAreRefusedWithoutHashing() throws Exception {
            String atLimit = "x".repeat(LegacyPasswordVerifier.MAX_PASSWORD_LENGTH);
            assertThat(verifier.matches(hash("sha256-salted", hex("SHA-256", "s" + atLimit), "s", null), atLimit)).isTrue();
            String tooLong = "x".repeat(10_000);
            assertThat(verifier.matches(hash("sha256-salted", hex("SHA-256", "s" + tooLong), "s", null), tooLong)).isFalse();
        }
    }

    @Nested
    class GivenMd5 {

        @Test
        void thenPublishedVectorsMatch() {
            assertOnlyMatches(hash("md5", "5f4dcc3b5aa765d61d8327deb882cf99", null, null), "password");
            assertOnlyMatches(hash("md5", "5F4DCC3B5AA765D61D8327DEB882CF99", null, null), "password");
            assertOnlyMatches(hash("md5", "f96b697d7cb7938d525a2f31aaf161d0", null, null), "message digest");
        }

        /** Made once with Python's hashlib. */
        @Test
        void thenFixedVietnameseHashMatches() {
            assertOnlyMatches(hash("md5", "bb21288c373040efccb7795b907852bf", null, null), VIETNAMESE);
        }

        @Test
        void thenPasswordsOverTheLimitAreRefusedWithoutHashing() throws Exception {
            String atLimit = "x".repeat(LegacyPasswordVerifier.MAX_PASSWORD_LENGTH);
            assertThat(verifier.matches(hash("md5", hex("MD5", atLimit), null, null), atLimit)).isTrue();
            String tooLong = "x".repeat(10_000);
            assertThat(verifier.matches(hash("md5", hex("MD5", tooLong), null, null), tooLong)).isFalse();
        }

        @Test
        void thenTheEmptyPasswordNeverMatchesEvenItsOwnHash() {
            assertThat(verifier.matches(hash("md5", "d41d8cd98f00b204e9800998ecf8427e", null, null), "")).isFalse();
        }
    }

    @Test
    void thenANullHashIsAProgrammingError() {
        assertThatThrownBy(() -> verifier.matches(null, SANDBOX)).isInstanceOf(NullPointerException.class);
    }
}

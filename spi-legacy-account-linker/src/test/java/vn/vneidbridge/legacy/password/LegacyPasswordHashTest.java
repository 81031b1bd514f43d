package vn.vneidbridge.legacy.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.vneidbridge.legacy.password.LegacyPasswordHash.Problem.BAD_ITERATIONS;
import static vn.vneidbridge.legacy.password.LegacyPasswordHash.Problem.MALFORMED_HASH;
import static vn.vneidbridge.legacy.password.LegacyPasswordHash.Problem.MALFORMED_SALT;
import static vn.vneidbridge.legacy.password.LegacyPasswordHash.Problem.UNKNOWN_ALGORITHM;

import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyPasswordHashTest {

    static final String BCRYPT = "$2y$10$2zYT2C2eTg.TuU4xHN2Dq.RrkrJYK8w/gpJ1JdzNuEj8u47I5P75W";
    static final String PBKDF2_KEY = "026/jqRBKHj6ekSBGND41pMo3FWCOnXRJ3Q0itRV7W8=";
    static final String PBKDF2_SALT = "AQIDBAUGBwgJCgsMDQ4PEA==";
    static final String SHA256 = "b05b59610bd9d81836f72afd609215770ef1654fc619ba65da90ccd3f7b6f451";
    static final String SHA256_SALT = "muối-7f3a";
    static final String MD5 = "5f4dcc3b5aa765d61d8327deb882cf99";

    private static LegacyPasswordHash.Problem problemOf(String algorithm, String hash, String salt, Integer iterations) {
        LegacyPasswordHash.Parsed parsed = LegacyPasswordHash.parse(algorithm, hash, salt, iterations);
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.hash()).isEmpty();
        return parsed.problem().orElseThrow();
    }

    private static LegacyPasswordHash valid(String algorithm, String hash, String salt, Integer iterations) {
        LegacyPasswordHash.Parsed parsed = LegacyPasswordHash.parse(algorithm, hash, salt, iterations);
        assertThat(parsed.problem()).isEmpty();
        assertThat(parsed.isValid()).isTrue();
        return parsed.hash().orElseThrow();
    }

    private static String base64OfBytes(int length) {
        return Base64.getEncoder().encodeToString(new byte[length]);
    }

    @Nested
    class GivenAWellFormedRow {

        @Test
        void thenEachAlgorithmIsAccepted() {
            assertThat(valid("bcrypt", BCRYPT, null, null).algorithm()).isEqualTo(LegacyPasswordAlgorithm.BCRYPT);
            assertThat(valid("pbkdf2-sha256", PBKDF2_KEY, PBKDF2_SALT, 1_000))
                    .isEqualTo(new LegacyPasswordHash(LegacyPasswordAlgorithm.PBKDF2_SHA256, PBKDF2_KEY, PBKDF2_SALT, 1_000));
            assertThat(valid("sha256-salted", SHA256, SHA256_SALT, null).salt()).isEqualTo(SHA256_SALT);
            assertThat(valid("md5", MD5, null, null).hash()).isEqualTo(MD5);
        }

        @ParameterizedTest
        @ValueSource(strings = {"$2a$", "$2b$", "$2y$"})
        void thenTheThreeBcryptVersionsAreAccepted(String prefix) {
            assertThat(valid("bcrypt", prefix + BCRYPT.substring(4), null, null).hash()).startsWith(prefix);
        }

        @ParameterizedTest
        @ValueSource(strings = {"04", "09", "10", "19", "31"})
        void thenBcryptCostsFrom4To31AreAccepted(String cost) {
            valid("bcrypt", "$2b$" + cost + BCRYPT.substring(6), null, null);
        }

        @Test
        void thenSurroundingWhitespaceOfHashAndBase64SaltIsDropped() {
            assertThat(valid(" md5 ", " " + MD5 + "\n", null, null).hash()).isEqualTo(MD5);
            LegacyPasswordHash pbkdf2 = valid("PBKDF2-SHA256", "\t" + PBKDF2_KEY + " ", " " + PBKDF2_SALT, 1_000);
            assertThat(pbkdf2.hash()).isEqualTo(PBKDF2_KEY);
            assertThat(pbkdf2.salt()).isEqualTo(PBKDF2_SALT);
        }

        @Test
        void thenASha256SaltIsKeptExactlyAndMayBeEmpty() {
            assertThat(valid("sha256-salted", SHA256, " salt ", null).salt()).isEqualTo(" salt ");
            assertThat(valid("sha256-salted", SHA256, "", null).salt()).isEmpty();
        }

        @Test
        void thenUpperCaseHexIsAccepted() {
            valid("sha256-salted", SHA256.toUpperCase(), SHA256_SALT, null);
            valid("md5", MD5.toUpperCase(), null, null);
        }

        @Test
        void thenUnpaddedBase64IsAccepted() {
            valid("pbkdf2-sha256", PBKDF2_KEY.replace("=", ""), PBKDF2_SALT.replace("=", ""), 1_000);
        }

        @ParameterizedTest
        @ValueSource(ints = {1_000, 600_000, 10_000_000})
        void thenPbkdf2IterationsFrom1000To10MillionAreAccepted(int iterations) {
            assertThat(valid("pbkdf2-sha256", PBKDF2_KEY, PBKDF2_SALT, iterations).iterations()).isEqualTo(iterations);
        }

        @Test
        void thenAPbkdf2KeyOf16BytesIsAccepted() {
            valid("pbkdf2-sha256", base64OfBytes(16), PBKDF2_SALT, 1_000);
        }

        @Test
        void thenColumnsTheAlgorithmDoesNotUseAreIgnored() {
            LegacyPasswordHash md5 = valid("md5", MD5, "stray-salt", 5);
            assertThat(md5.salt()).isNull();
            assertThat(md5.iterations()).isNull();
            LegacyPasswordHash bcrypt = valid("bcrypt", BCRYPT, "stray-salt", 5);
            assertThat(bcrypt.salt()).isNull();
            assertThat(bcrypt.iterations()).isNull();
            assertThat(valid("sha256-salted", SHA256, SHA256_SALT, 5).iterations()).isNull();
        }
    }

    @Nested
    class GivenAnUnknownAlgorithm {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "sha1", "sha256", "bcrypt-sha256", "pbkdf2", "argon2"})
        void thenItIsRefused(String algorithm) {
            assertThat(problemOf(algorithm, MD5, null, null)).isEqualTo(UNKNOWN_ALGORITHM);
        }
    }

    @Nested
    class GivenAMalformedBcryptHash {

        static Stream<String> malformed() {
            String body = BCRYPT.substring(7);
            return Stream.of(
                    "$2x$10$" + body, "$2$10$" + body, "$2c$10$" + body, "$3a$10$" + body, "2y$10$" + body,
                    "$2y$03$" + body, "$2y$32$" + body, "$2y$99$" + body, "$2y$1$" + body, "$2y$100$" + body.substring(1),
                    "$2y$10$" + body.substring(1), "$2y$10$" + body + "a", "$2y$10$" + body.replace('/', '+'),
                    "$2y$10$" + body.replace('.', '='), "$2y$10$" + body.substring(1) + "é",
                    "$2y$10" + body, "$2Y$10$" + body, "$2y$10$", "not a hash", BCRYPT + "\0");
        }

        @ParameterizedTest
        @MethodSource("malformed")
        void thenItIsRefused(String hash) {
            assertThat(problemOf("bcrypt", hash, null, null)).isEqualTo(MALFORMED_HASH);
        }
    }

    @Nested
    class GivenAMalformedPbkdf2Row {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "not base64!", "A", "Zm9v=bar", "026/jqRBKHj6ekSBGND41pMo3FWCOnXRJ3Q0itRV7W8-"})
        void thenAHashThatIsNotBase64IsRefused(String hash) {
            assertThat(problemOf("pbkdf2-sha256", hash, PBKDF2_SALT, 1_000)).isEqualTo(MALFORMED_HASH);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 8, 15})
        void thenAKeyShorterThan16BytesIsRefused(int bytes) {
            assertThat(problemOf("pbkdf2-sha256", base64OfBytes(bytes), PBKDF2_SALT, 1_000)).isEqualTo(MALFORMED_HASH);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "not base64!", "A", "AQID*"})
        void thenASaltThatIsMissingEmptyOrNotBase64IsRefused(String salt) {
            assertThat(problemOf("pbkdf2-sha256", PBKDF2_KEY, salt, 1_000)).isEqualTo(MALFORMED_SALT);
        }

        @ParameterizedTest
        @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, 999, 10_000_001, Integer.MAX_VALUE})
        void thenIterationsOutside1000To10MillionAreRefused(int iterations) {
            assertThat(problemOf("pbkdf2-sha256", PBKDF2_KEY, PBKDF2_SALT, iterations)).isEqualTo(BAD_ITERATIONS);
        }

        @Test
        void thenMissingIterationsAreRefused() {
            assertThat(problemOf("pbkdf2-sha256", PBKDF2_KEY, PBKDF2_SALT, null)).isEqualTo(BAD_ITERATIONS);
        }

        @Test
        void thenAHashLongerThanTheColumnIsRefused() {
            assertThat(problemOf("pbkdf2-sha256", base64OfBytes(192), PBKDF2_SALT, 1_000)).isEqualTo(MALFORMED_HASH);
            valid("pbkdf2-sha256", base64OfBytes(189), PBKDF2_SALT, 1_000); // 252 characters
        }
    }

    @Nested
    class GivenAMalformedHexRow {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
            "b05b59610bd9d81836f72afd609215770ef1654fc619ba65da90ccd3f7b6f45",
            "b05b59610bd9d81836f72afd609215770ef1654fc619ba65da90ccd3f7b6f4511",
            "g05b59610bd9d81836f72afd609215770ef1654fc619ba65da90ccd3f7b6f451",
            "b05b5961 bd9d81836f72afd609215770ef1654fc619ba65da90ccd3f7b6f451",
            "0xb05b59610bd9d81836f72afd609215770ef1654fc619ba65da90ccd3f7b6f4",
            "sFtZYQvZ2Bg29yr9YJIVdw7xZU/GGbpl2pDM0/e29FE="})
        void thenASha256HashThatIsNot64HexDigitsIsRefused(String hash) {
            assertThat(problemOf("sha256-salted", hash, SHA256_SALT, null)).isEqualTo(MALFORMED_HASH);
        }

        @Test
        void thenASha256RowWithoutSaltIsRefused() {
            assertThat(problemOf("sha256-salted", SHA256, null, null)).isEqualTo(MALFORMED_SALT);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
            "5f4dcc3b5aa765d61d8327deb882cf9", "5f4dcc3b5aa765d61d8327deb882cf999", "5f4dcc3b5aa765d61d8327deb882cfzz",
            "X03MO1qnZdYdgyfeuILPmQ==", SHA256})
        void thenAnMd5HashThatIsNot32HexDigitsIsRefused(String hash) {
            assertThat(problemOf("md5", hash, null, null)).isEqualTo(MALFORMED_HASH);
        }
    }

    @Nested
    class GivenTheConstructor {

        @Test
        void thenItRefusesWhatParseRefusesWithTheProblemCodeOnly() {
            String badHash = "$2x$10$" + BCRYPT.substring(7);
            assertThatThrownBy(() -> new LegacyPasswordHash(LegacyPasswordAlgorithm.BCRYPT, badHash, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("malformed-hash");
            assertThatThrownBy(() -> new LegacyPasswordHash(LegacyPasswordAlgorithm.PBKDF2_SHA256, PBKDF2_KEY, PBKDF2_SALT, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("bad-iterations");
            assertThatThrownBy(() -> new LegacyPasswordHash(null, MD5, null, null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class GivenToString {

        static Stream<Arguments> rows() {
            return Stream.of(
                    Arguments.of("bcrypt", BCRYPT, null, null),
                    Arguments.of("pbkdf2-sha256", PBKDF2_KEY, PBKDF2_SALT, 27_500),
                    Arguments.of("sha256-salted", SHA256, SHA256_SALT, null),
                    Arguments.of("md5", MD5, null, null));
        }

        @ParameterizedTest
        @MethodSource("rows")
        void thenNeitherHashNorSaltIsShown(String algorithm, String hash, String salt, Integer iterations) {
            LegacyPasswordHash.Parsed parsed = LegacyPasswordHash.parse(algorithm, hash, salt, iterations);
            for (String text : new String[] {parsed.hash().orElseThrow().toString(), parsed.toString()}) {
                assertThat(text).contains(algorithm).doesNotContain(hash).doesNotContain(hash.substring(7, 20))
                        .doesNotContain(hash.toUpperCase());
                if (salt != null) {
                    assertThat(text).doesNotContain(salt).contains("salt=***");
                }
            }
        }

        @Test
        void thenTheShapeIsStable() {
            assertThat(valid("pbkdf2-sha256", PBKDF2_KEY, PBKDF2_SALT, 27_500))
                    .hasToString("LegacyPasswordHash[pbkdf2-sha256, hash=***, salt=***, iterations=27500]");
            assertThat(valid("md5", MD5, null, null)).hasToString("LegacyPasswordHash[md5, hash=***, salt=null]");
        }

        @Test
        void thenAnInvalidResultShowsTheProblemCodeOnly() {
            String almostMd5 = MD5.substring(1) + "z";
            LegacyPasswordHash.Parsed parsed = LegacyPasswordHash.parse("md5", almostMd5, null, null);
            assertThat(parsed).hasToString("invalid malformed-hash");
            assertThat(parsed.problem()).map(LegacyPasswordHash.Problem::code).contains("malformed-hash");
        }
    }
}

package vn.vneidbridge.legacy.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyPasswordAlgorithmTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bcrypt|BCRYPT", "' BCrypt '|BCRYPT", "pbkdf2-sha256|PBKDF2_SHA256", "PBKDF2-SHA256\t|PBKDF2_SHA256",
        "sha256-salted|SHA256_SALTED", "Sha256-Salted|SHA256_SALTED", "md5|MD5", "' MD5'|MD5"})
    void thenCodesAreReadTrimmedAndCaseInsensitively(String code, LegacyPasswordAlgorithm expected) {
        assertThat(LegacyPasswordAlgorithm.fromCode(code)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "sha1", "sha256", "pbkdf2", "bcrypt2", "md-5", "argon2id", "BCRYPT_SHA256", "md5 x"})
    void thenOtherCodesAreUnknown(String code) {
        assertThat(LegacyPasswordAlgorithm.fromCode(code)).isEmpty();
    }

    @Test
    void thenEachCodeReadsBackAsItsAlgorithm() {
        for (LegacyPasswordAlgorithm algorithm : LegacyPasswordAlgorithm.values()) {
            assertThat(LegacyPasswordAlgorithm.fromCode(algorithm.code())).contains(algorithm);
        }
    }

    @Test
    void thenOnlyMd5IsWeak() {
        assertThat(LegacyPasswordAlgorithm.values()).filteredOn(LegacyPasswordAlgorithm::isWeak)
                .containsExactly(LegacyPasswordAlgorithm.MD5);
    }
}

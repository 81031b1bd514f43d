package vn.vneidbridge.sandbox.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxOtpCodeTest {

    @Test
    void acceptsTheFixedCode() {
        assertThat(SandboxOtpCode.matches("123456")).isTrue();
    }

    @Test
    void ignoresBlanksAroundAPastedCode() {
        assertThat(SandboxOtpCode.matches(" 123456\n")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"000000", "12345", "1234567", "123 456", "654321", "１２３４５６", "123456a"})
    void refusesAnythingElse(String submitted) {
        assertThat(SandboxOtpCode.matches(submitted)).isFalse();
    }
}

package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PartnerSubjectTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void thenTheFederatedIdIsStableKeyedAndNotTheNumber() {
        String subject = PartnerSubject.of(KEY, "001090001234");
        assertThat(subject).matches("pid-[0-9a-f]{32}").doesNotContain("001090001234");
        assertThat(PartnerSubject.of(KEY, "001090001234")).isEqualTo(subject);
        assertThat(PartnerSubject.of(OTHER, "001090001234")).isNotEqualTo(subject);
        assertThat(PartnerSubject.of(KEY, "001090001235")).isNotEqualTo(subject);
    }

    @Test
    void thenAShortKeyIsRefused() {
        assertThatThrownBy(() -> PartnerSubject.of(new byte[8], "001090001234"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

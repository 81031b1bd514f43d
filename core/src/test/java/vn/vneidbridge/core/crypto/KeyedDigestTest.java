package vn.vneidbridge.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyedDigestTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The context is simply the first bytes the MAC reads. */
    @Test
    void itIsHmacSha256OfTheContextFollowedByTheMessage() {
        byte[] key = bytes("0123456789abcdef");
        assertThat(KeyedDigest.of(key, bytes("what do ya want "), bytes("for nothing?")))
                .isEqualTo(KeyedDigest.of(key, new byte[0], bytes("what do ya want for nothing?")));
        assertThat(HexFormat.of().formatHex(KeyedDigest.of(key, new byte[0], new byte[0]))).hasSize(64);
    }

    @Test
    void anotherContextOrKeyGivesAnotherDigest() {
        byte[] key = bytes("0123456789abcdef");
        byte[] digest = KeyedDigest.of(key, bytes("a\0"), bytes("001090123456"));
        assertThat(KeyedDigest.of(key, bytes("b\0"), bytes("001090123456"))).isNotEqualTo(digest);
        assertThat(KeyedDigest.of(bytes("fedcba9876543210"), bytes("a\0"), bytes("001090123456")))
                .isNotEqualTo(digest);
    }

    @Test
    void aShortOrMissingKeyIsRefused() {
        assertThatThrownBy(() -> KeyedDigest.of(bytes("short"), new byte[0], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyedDigest.requireKey(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

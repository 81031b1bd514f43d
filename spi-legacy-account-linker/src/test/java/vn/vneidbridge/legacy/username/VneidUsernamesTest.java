package vn.vneidbridge.legacy.username;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VneidUsernamesTest {

    private static final byte[] KEY = "a realm's secret, 32 bytes long!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "another realm's secret, 32 bytes".getBytes(StandardCharsets.US_ASCII);
    private static final String HOA = "079195004567";

    @Nested
    class GivenAnIdNumber {

        @Test
        void thenTheUsernameIsNotTheNumberNorHoldsIt() {
            String username = new VneidUsernames(KEY).of(HOA);

            assertThat(username).startsWith("vneid-").hasSize("vneid-".length() + 20).doesNotContain(HOA)
                    .matches("vneid-[0-9a-f]{20}");
        }

        @Test
        void thenTheSameNumberAlwaysGivesTheSameUsernameInOneRealm() {
            assertThat(new VneidUsernames(KEY).of(HOA)).isEqualTo(new VneidUsernames(KEY.clone()).of(HOA));
        }

        @Test
        void thenAnotherNumberGivesAnotherUsername() {
            assertThat(new VneidUsernames(KEY).of(HOA)).isNotEqualTo(new VneidUsernames(KEY).of("079195004568"));
        }

        @Test
        void thenWithoutTheKeyTheUsernameIsNotAPlainHashOfTheNumber() throws Exception {
            String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(HOA.getBytes(StandardCharsets.US_ASCII)), 0, 10);

            assertThat(new VneidUsernames(KEY).of(HOA)).isNotEqualTo("vneid-" + plain);
            assertThat(new VneidUsernames(KEY).of(HOA)).as("another realm's key")
                    .isNotEqualTo(new VneidUsernames(OTHER_KEY).of(HOA));
        }
    }

    @Nested
    class GivenAShortKey {

        @Test
        void thenNoUsernamesAreMade() {
            assertThatThrownBy(() -> new VneidUsernames(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package vn.vneidbridge.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SeenLogoutTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    @Nested
    class GivenATokenIdSeenOnce {

        private final SeenLogoutTokens seen = new SeenLogoutTokens(2);

        GivenATokenIdSeenOnce() {
            assertThat(seen.firstUse("jti-1", NOW.plusSeconds(150), NOW)).isTrue();
        }

        @Test
        void thenItIsAReplayUpToTheEndOfItsWindowIncluded() {
            assertThat(seen.firstUse("jti-1", NOW.plusSeconds(150), NOW.plusSeconds(10))).isFalse();
            assertThat(seen.firstUse("jti-1", NOW.plusSeconds(150), NOW.plusSeconds(150))).isFalse();
        }

        @Test
        void thenWhenFullOfLiveIdsNewOnesAreRefusedRatherThanAnyForgotten() {
            assertThat(seen.firstUse("jti-2", NOW.plusSeconds(150), NOW)).isTrue();

            assertThat(seen.firstUse("jti-3", NOW.plusSeconds(150), NOW)).isFalse();
            assertThat(seen.firstUse("jti-1", NOW.plusSeconds(150), NOW)).isFalse();
        }

        @Test
        void thenIdsPastTheirWindowMakeRoom() {
            assertThat(seen.firstUse("jti-2", NOW.plusSeconds(150), NOW)).isTrue();

            assertThat(seen.firstUse("jti-3", NOW.plusSeconds(400), NOW.plusSeconds(200))).isTrue();
        }
    }
}

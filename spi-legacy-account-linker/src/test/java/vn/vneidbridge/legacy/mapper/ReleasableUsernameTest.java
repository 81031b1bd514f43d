package vn.vneidbridge.legacy.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReleasableUsernameTest {

    @Nested
    class GivenAUsernameThatIsAnIdNumber {

        @Test
        void thenATwelveDigitCccdIsWithheld() {
            assertThat(ReleasableUsername.of("001090001234")).isEmpty();
        }

        @Test
        void thenANineDigitCmndIsWithheld() {
            assertThat(ReleasableUsername.of("164438056")).isEmpty();
        }

        @Test
        void thenANumberInsideTheUsernameIsWithheldToo() {
            assertThat(ReleasableUsername.of("an001090001234")).isEmpty();
            assertThat(ReleasableUsername.of("nga.0912345678")).as("a phone number").isEmpty();
        }
    }

    @Nested
    class GivenAUsernameWithoutAnIdNumber {

        @Test
        void thenItIsReleasedAsItIs() {
            assertThat(ReleasableUsername.of("nguyenvanan")).contains("nguyenvanan");
            assertThat(ReleasableUsername.of("vneid-3f2a9c01d4e5b6a7c8d9")).contains("vneid-3f2a9c01d4e5b6a7c8d9");
        }

        @Test
        void thenEightDigitsInARowAreStillReleased() {
            assertThat(ReleasableUsername.of("hoa19951120")).contains("hoa19951120");
            assertThat(ReleasableUsername.of("12345678.123")).contains("12345678.123");
        }

        @Test
        void thenNothingIsReleasedForNoUsername() {
            assertThat(ReleasableUsername.of(null)).isEmpty();
            assertThat(ReleasableUsername.of(" ")).isEmpty();
        }
    }

    @Nested
    class GivenTheUsernameOfAUserCreatedFromVneid {

        @Test
        void thenItIsReleasedEvenWhenItsHashHasALongRunOfDecimalDigits() {
            assertThat(ReleasableUsername.of("vneid-0123456789abcdef0123")).contains("vneid-0123456789abcdef0123");
        }

        @Test
        void thenANumberDressedUpAsOneIsStillWithheld() {
            assertThat(ReleasableUsername.of("vneid-001090001234")).isEmpty();
        }
    }
}

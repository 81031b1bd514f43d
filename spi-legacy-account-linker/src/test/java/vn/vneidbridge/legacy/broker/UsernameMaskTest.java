package vn.vneidbridge.legacy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernameMaskTest {

    @Test
    void thenTheOwnerRecognisesItAndAStrangerCannotUseIt() {
        assertThat(UsernameMask.mask("hoa.le95")).isEqualTo("ho****95");
        assertThat(UsernameMask.mask("nguyenvanan")).isEqualTo("ng*******an");
        assertThat(UsernameMask.mask("tothi")).isEqualTo("t***i");
        assertThat(UsernameMask.mask("abc")).isEqualTo("a***");
    }

    @Test
    void thenANumberAsUsernameShowsOnlyItsLastThreeDigits() {
        assertThat(UsernameMask.mask("079195004567")).isEqualTo("*********567");
    }

    @Test
    void thenVietnameseLettersAreNotCutInHalf() {
        assertThat(UsernameMask.mask("đặngthịhà")).isEqualTo("đặ*****hà");
    }

    @Test
    void thenNothingGivesStars() {
        assertThat(UsernameMask.mask(null)).isEqualTo("***");
        assertThat(UsernameMask.mask(" ")).isEqualTo("***");
    }
}

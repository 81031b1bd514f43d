package vn.vneidbridge.legacy.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CaptchaTest {

    @Test
    void everyCharacterOfTheAlphabetIsDrawnWithoutAnyFont() throws IOException {
        byte[] png = CaptchaImage.png(CaptchaImage.ALPHABET.substring(0, 5), new Random(1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(CaptchaImage.WIDTH);
        assertThat(image.getHeight()).isEqualTo(CaptchaImage.HEIGHT);
        for (int i = 0; i < CaptchaImage.ALPHABET.length(); i += 5) {
            String code = CaptchaImage.ALPHABET.substring(i, Math.min(i + 5, CaptchaImage.ALPHABET.length()));
            assertThat(CaptchaImage.dataUri(code, new Random(i))).startsWith("data:image/png;base64,iVBOR");
        }
    }

    @Test
    void twoPicturesOfTheSameCodeDiffer() {
        assertThat(CaptchaImage.png("ACE23", new Random(1))).isNotEqualTo(CaptchaImage.png("ACE23", new Random(2)));
    }

    @Test
    void codesUseOnlyCharactersThatCannotBeMistakenForOthers() {
        for (int i = 0; i < 200; i++) {
            assertThat(LoginCaptcha.newCode()).hasSize(LoginCaptcha.LENGTH).matches("[" + CaptchaImage.ALPHABET + "]+");
        }
        assertThat(CaptchaImage.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "S", "B", "Z", "G", "V");
    }

    @Test
    void theTypedCodeIsComparedWithoutCaseOrSpaces() {
        assertThat(LoginCaptcha.normalise(" ac e2 3 ")).isEqualTo("ACE23");
        assertThat(LoginCaptcha.normalise(null)).isEmpty();
    }

    @Test
    void anExecutionNeverConfiguredAsksAfterThreeFailuresOrTwentyFromOneAddressAndZeroTurnsACountOff() {
        assertThat(LoginCaptchaConfig.of((String) null).afterFailures()).isEqualTo(3);
        assertThat(LoginCaptchaConfig.of("").afterFailures()).isEqualTo(3);
        assertThat(LoginCaptchaConfig.of("abc").afterFailures()).isEqualTo(3);
        assertThat(LoginCaptchaConfig.of("-1").afterFailures()).isEqualTo(3);
        assertThat(LoginCaptchaConfig.of(" 5 ").afterFailures()).isEqualTo(5);
        assertThat(LoginCaptchaConfig.of("0").afterFailures()).isZero();
        assertThat(LoginCaptchaConfig.of((org.keycloak.models.AuthenticatorConfigModel) null).afterFailures()).isEqualTo(3);
        assertThat(LoginCaptchaConfig.of((org.keycloak.models.AuthenticatorConfigModel) null).afterFailuresPerAddress())
                .isEqualTo(20);
        assertThat(LoginCaptchaConfig.of("3", "0").afterFailuresPerAddress()).isZero();
        assertThat(LoginCaptchaConfig.of("3", "1001").afterFailuresPerAddress()).as("over the largest").isEqualTo(20);
        assertThat(LoginCaptchaConfig.of("0", "0").enabled()).isFalse();
        assertThat(LoginCaptchaConfig.of("0", "5").enabled()).isTrue();
        assertThat(LoginCaptchaConfig.PROPERTIES).extracting("name")
                .containsExactly("captchaAfterFailures", "captchaAfterFailuresPerAddress");
    }
}

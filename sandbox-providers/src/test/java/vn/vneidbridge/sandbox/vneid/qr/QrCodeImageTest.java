package vn.vneidbridge.sandbox.vneid.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QrCodeImageTest {

    private static final String URL = "https://vneid.example/realms/vneid-sandbox/vneid-app/qr/"
            + "Zm9vYmFyYmF6cXV4cXV1eHF1dXg";

    @Nested
    class GivenAnAppUrl {

        @Test
        void thenAPhonesReaderGetsTheUrlBackFromThePng() throws Exception {
            BufferedImage image = decode(QrCodeImage.pngDataUri(URL));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
            assertThat(read).isEqualTo(URL);
        }

        @Test
        void thenTheCodeIsBlackOnWhiteWithAFourModuleQuietZone() throws Exception {
            BufferedImage image = decode(QrCodeImage.pngDataUri(URL));
            assertThat(image.getWidth()).isEqualTo(image.getHeight());
            int edge = image.getWidth();
            for (int i = 0; i < edge; i++) {
                for (int margin = 0; margin < 4 * 6; margin++) {
                    assertThat(image.getRGB(i, margin) & 0xFFFFFF).as("top quiet zone").isEqualTo(0xFFFFFF);
                    assertThat(image.getRGB(margin, i) & 0xFFFFFF).as("left quiet zone").isEqualTo(0xFFFFFF);
                    assertThat(image.getRGB(i, edge - 1 - margin) & 0xFFFFFF).as("bottom").isEqualTo(0xFFFFFF);
                    assertThat(image.getRGB(edge - 1 - margin, i) & 0xFFFFFF).as("right").isEqualTo(0xFFFFFF);
                }
            }
            // the top-left finder pattern starts right after the quiet zone: a dark 6x6-pixel module
            assertThat(image.getRGB(24, 24) & 0xFFFFFF).isZero();
            assertThat(image.getRGB(29, 29) & 0xFFFFFF).isZero();
        }
    }

    private static BufferedImage decode(String dataUri) throws Exception {
        assertThat(dataUri).startsWith("data:image/png;base64,");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1))));
    }
}

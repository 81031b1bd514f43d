package vn.vneidbridge.sandbox.vneid.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** A QR code of a URL as a PNG data URI (ZXing core, shaded into this jar). */
final class QrCodeImage {

    private static final int MODULE_PIXELS = 6;
    private static final int QUIET_ZONE_MODULES = 4;

    private QrCodeImage() {
    }

    static String pngDataUri(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text too long for a QR code", e);
        }
        int modules = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
        int size = modules * MODULE_PIXELS;
        // One bit a pixel, written straight into the raster: BufferedImage#setRGB looks each pixel's colour up in
        // the colour model, which cost the stand-in most of its login page's CPU (Flight Recorder, 2026-12-04).
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        byte[] bits = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (size + 7) / 8;
        Arrays.fill(bits, (byte) 0xFF); // index 1 of the binary colour model is white
        for (int my = 0; my < matrix.getHeight(); my++) {
            for (int mx = 0; mx < matrix.getWidth(); mx++) {
                if (matrix.get(mx, my)) {
                    darken(bits, stride, (mx + QUIET_ZONE_MODULES) * MODULE_PIXELS,
                            (my + QUIET_ZONE_MODULES) * MODULE_PIXELS);
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** Clears the bits of one module: MODULE_PIXELS square from pixel (x, y). */
    private static void darken(byte[] bits, int stride, int x, int y) {
        for (int row = y; row < y + MODULE_PIXELS; row++) {
            for (int column = x; column < x + MODULE_PIXELS; column++) {
                bits[row * stride + column / 8] &= (byte) ~(0x80 >>> (column % 8));
            }
        }
    }
}

package vn.vneidbridge.legacy.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;

/**
 * Draws a captcha code as a PNG with Java2D: each character from its own strokes (no font, so nothing depends on
 * the fonts installed on the server), turned, sheared and scaled at random over noise lines and dots.
 */
final class CaptchaImage {

    static final int WIDTH = 220;
    static final int HEIGHT = 70;

    /** Strokes of each character on a 4 × 6 grid (y downwards); each array is one polyline x0,y0,x1,y1,… */
    private static final Map<Character, double[][]> GLYPHS = Map.ofEntries(
            Map.entry('2', new double[][] {{0, 1, 1, 0, 3, 0, 4, 1, 4, 2, 0, 6, 4, 6}}),
            Map.entry('3', new double[][] {{0, 0, 4, 0, 2, 2.5, 4, 3.5, 4, 5, 3, 6, 1, 6, 0, 5}}),
            Map.entry('4', new double[][] {{3, 6, 3, 0, 0, 4, 4, 4}}),
            Map.entry('5', new double[][] {{4, 0, 0, 0, 0, 2.5, 3, 2.5, 4, 3.5, 4, 5, 3, 6, 0, 6}}),
            Map.entry('6', new double[][] {{3.5, 0, 1, 0, 0, 1.5, 0, 5, 1, 6, 3, 6, 4, 5, 4, 3.5, 3, 2.5, 0, 2.5}}),
            Map.entry('7', new double[][] {{0, 0, 4, 0, 1.5, 6}}),
            Map.entry('8', new double[][] {{1, 0, 3, 0, 4, 1, 4, 2, 3, 3, 1, 3, 0, 2, 0, 1, 1, 0},
                    {1, 3, 0, 4, 0, 5, 1, 6, 3, 6, 4, 5, 4, 4, 3, 3}}),
            Map.entry('9', new double[][] {{4, 3.5, 1, 3.5, 0, 2.5, 0, 1, 1, 0, 3, 0, 4, 1, 4, 5, 3, 6, 0.5, 6}}),
            Map.entry('A', new double[][] {{0, 6, 2, 0, 4, 6}, {1, 3.5, 3, 3.5}}),
            Map.entry('C', new double[][] {{4, 0.5, 3, 0, 1, 0, 0, 1, 0, 5, 1, 6, 3, 6, 4, 5.5}}),
            Map.entry('E', new double[][] {{4, 0, 0, 0, 0, 6, 4, 6}, {0, 3, 3, 3}}),
            Map.entry('F', new double[][] {{4, 0, 0, 0, 0, 6}, {0, 3, 3, 3}}),
            Map.entry('H', new double[][] {{0, 0, 0, 6}, {4, 0, 4, 6}, {0, 3, 4, 3}}),
            Map.entry('K', new double[][] {{0, 0, 0, 6}, {4, 0, 0, 3.5}, {1.2, 2.6, 4, 6}}),
            Map.entry('M', new double[][] {{0, 6, 0, 0, 2, 3, 4, 0, 4, 6}}),
            Map.entry('N', new double[][] {{0, 6, 0, 0, 4, 6, 4, 0}}),
            Map.entry('P', new double[][] {{0, 6, 0, 0, 3, 0, 4, 1, 4, 2, 3, 3, 0, 3}}),
            Map.entry('R', new double[][] {{0, 6, 0, 0, 3, 0, 4, 1, 4, 2, 3, 3, 0, 3}, {2, 3, 4, 6}}),
            Map.entry('T', new double[][] {{0, 0, 4, 0}, {2, 0, 2, 6}}),
            Map.entry('U', new double[][] {{0, 0, 0, 5, 1, 6, 3, 6, 4, 5, 4, 0}}),
            Map.entry('W', new double[][] {{0, 0, 1, 6, 2, 2.5, 3, 6, 4, 0}}),
            Map.entry('X', new double[][] {{0, 0, 4, 6}, {4, 0, 0, 6}}),
            Map.entry('Y', new double[][] {{0, 0, 2, 3, 4, 0}, {2, 3, 2, 6}}));

    /** The characters a code is made of: no 0/O, 1/I/L, B/8, S/5, G/6, Z/2, V/U look-alikes. */
    static final String ALPHABET = "23456789ACEFHKMNPRTUWXY";

    private CaptchaImage() {
    }

    /** The code as a PNG {@code data:} URI, ready for an {@code <img src>}. */
    static String dataUri(String code, RandomGenerator random) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(code, random));
    }

    static byte[] png(String code, RandomGenerator random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xF4, 0xF1, 0xE8));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            noise(g, random);
            double cell = (WIDTH - 20.0) / code.length();
            for (int i = 0; i < code.length(); i++) {
                drawGlyph(g, code.charAt(i), 10 + i * cell + cell / 2, HEIGHT / 2.0, random);
            }
            for (int i = 0; i < 2; i++) {
                g.setStroke(new BasicStroke(1.6f));
                g.setColor(new Color(0x33, 0x33, 0x33));
                g.drawLine(0, random.nextInt(HEIGHT), WIDTH, random.nextInt(HEIGHT));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void noise(Graphics2D g, RandomGenerator random) {
        for (int i = 0; i < 10; i++) {
            g.setColor(new Color(120 + random.nextInt(100), 120 + random.nextInt(100), 120 + random.nextInt(100)));
            g.setStroke(new BasicStroke(1f));
            g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
        }
        for (int i = 0; i < 160; i++) {
            g.setColor(new Color(100 + random.nextInt(150), 100 + random.nextInt(150), 100 + random.nextInt(150)));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 2, 2);
        }
    }

    private static void drawGlyph(Graphics2D g, char c, double centreX, double centreY, RandomGenerator random) {
        double[][] strokes = GLYPHS.get(c);
        if (strokes == null) {
            throw new IllegalArgumentException("no glyph for " + c);
        }
        double scale = 6.0 + random.nextDouble() * 1.5;
        AffineTransform at = new AffineTransform();
        at.translate(centreX + random.nextDouble() * 6 - 3, centreY + random.nextDouble() * 8 - 4);
        at.rotate(Math.toRadians(random.nextDouble() * 40 - 20));
        at.shear(random.nextDouble() * 0.4 - 0.2, 0);
        at.scale(scale, scale);
        at.translate(-2, -3);
        Path2D path = new Path2D.Double();
        for (double[] line : strokes) {
            path.moveTo(line[0], line[1]);
            for (int i = 2; i < line.length; i += 2) {
                path.lineTo(line[i], line[i + 1]);
            }
        }
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(20 + random.nextInt(60), 20 + random.nextInt(40), 60 + random.nextInt(80)));
        g.draw(at.createTransformedShape(path));
    }
}

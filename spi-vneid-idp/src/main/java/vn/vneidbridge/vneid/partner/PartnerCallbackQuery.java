package vn.vneidbridge.vneid.partner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a parameter of the partner API's authorization response from the <em>raw</em> query string. VNeID leaves
 * the base64 {@code +} of {@code code} and {@code encrypt_key} unescaped; form decoding (JAX-RS {@code @QueryParam},
 * {@code URLDecoder}) would turn it into a space and break the ciphertext. Here {@code +} stays {@code +} and only
 * percent-escapes are decoded (UTF-8).
 */
public final class PartnerCallbackQuery {

    public static final String CODE = "code";
    public static final String ENCRYPT_KEY = "encrypt_key";

    private PartnerCallbackQuery() {
    }

    /**
     * The first value of {@code name} in {@code rawQuery} (the part after {@code ?}, not decoded); empty when absent
     * or when its percent-escapes are malformed.
     */
    public static Optional<String> parameter(String rawQuery, String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (name.equals(percentDecode(key))) {
                return Optional.ofNullable(percentDecode(equals < 0 ? "" : pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    /** {@code %XX} escapes decoded as UTF-8 bytes; every other character, {@code +} included, kept; null if malformed. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

package vn.vneidbridge.operations.outbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: header {@value #HEADER} = {@code t=<unix seconds>,v1=<hex>}, where
 * {@code v1} is HMAC-SHA256, keyed with the portal client's secret, over {@code "<t>.<body>"}. The time is
 * signed too, so a receiver can refuse an old delivery replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-VNeID-Bridge-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    /** Whether a header is a valid signature of the body, made at most {@code toleranceSeconds} from now. */
    public static boolean verify(String secret, String header, String body, long nowUnixSeconds, long toleranceSeconds) {
        if (header == null || secret == null) {
            return false;
        }
        Long time = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    time = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (time == null || signature == null || Math.abs(nowUnixSeconds - time) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, time + "." + body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

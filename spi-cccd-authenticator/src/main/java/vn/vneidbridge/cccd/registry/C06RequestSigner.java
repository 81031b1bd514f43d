package vn.vneidbridge.cccd.registry;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

import vn.vneidbridge.core.id.PersonalIdRules;

/**
 * Adds the C06 authentication headers: {@code Timestamp} ({@code yyyyMMddHHmmss}, Vietnam time),
 * {@code X-Road-Client}, {@code ApiKey} and
 * {@code Authorization: Basic base64(user ":" hex(sha256(url + user + timestamp + secret)))}.
 */
final class C06RequestSigner {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(PersonalIdRules.VIETNAM);

    private final String url;
    private final String unitCode;
    private final C06Settings settings;
    private final Clock clock;

    /**
     * @param url the endpoint URL exactly as called (it is part of the signature)
     */
    C06RequestSigner(String url, String unitCode, C06Settings settings, Clock clock) {
        this.url = url;
        this.unitCode = unitCode;
        this.settings = settings;
        this.clock = clock;
    }

    void sign(HttpRequest.Builder request) {
        String timestamp = TIMESTAMP.format(clock.instant());
        request.header("Timestamp", timestamp);
        request.header("X-Road-Client", unitCode);
        settings.apiKey().ifPresent(apiKey -> request.header("ApiKey", apiKey));
        if (settings.canSign()) {
            String user = settings.user().orElseThrow();
            String signature = sha256Hex(url + user + timestamp + settings.secret().orElseThrow());
            String credentials = user + ':' + signature;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}

package vn.vneidbridge.certificate.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a citizen signs on the phone to log in with a remote signature ("Sim ký số", VNPT SmartCA): fixed UTF-8 lines
 * naming the realm, the portal, the issuer, the login (a hash of its authentication session's ids, never the ids
 * themselves, which are cookie values), a nonce, a short code and the time it is good until. The provider is sent
 * its SHA-256; the code is derived from the other lines, so the phone shows what the browser shows and the page can
 * say "approve only if you see this code". At the end the text is built again from the login's own notes: a
 * signature over any other text fails.
 */
public final class LoginChallenge {

    static final String HEADER = "VNeID Bridge đăng nhập bằng chữ ký số v1";
    /** How long the citizen has to approve, by default, and the range an operator may set. */
    public static final Duration DEFAULT_APPROVAL = Duration.ofSeconds(120);
    public static final Duration MIN_APPROVAL = Duration.ofSeconds(30);
    public static final Duration MAX_APPROVAL = Duration.ofSeconds(300);

    /**
     * What the challenge is made of.
     *
     * @param nonce    32 random bytes of this login
     * @param notAfter when the approval ends
     */
    public record Fields(String realm, String client, String issuer, String rootSessionId, String tabId,
                         byte[] nonce, Instant notAfter) {
        public Fields {
            for (String value : new String[] {realm, client, issuer, rootSessionId, tabId}) {
                Objects.requireNonNull(value, "a challenge field");
                if (value.isEmpty() || value.chars().anyMatch(c -> c == '\n' || c == '\r' || Character.isISOControl(c))) {
                    throw new IllegalArgumentException("a challenge field is empty or holds a control character");
                }
            }
            if (nonce == null || nonce.length < 16) {
                throw new IllegalArgumentException("the nonce must have at least 16 bytes");
            }
            nonce = nonce.clone();
            Objects.requireNonNull(notAfter, "notAfter");
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }
    }

    private final String text;
    private final String code;

    private LoginChallenge(String text, String code) {
        this.text = text;
        this.code = code;
    }

    public static LoginChallenge of(Fields fields) {
        String withoutCode = HEADER + "\n"
                + "realm=" + fields.realm() + "\n"
                + "client=" + fields.client() + "\n"
                + "issuer=" + fields.issuer() + "\n"
                + "session=" + base64url(sha256((fields.rootSessionId() + ":" + fields.tabId())
                        .getBytes(StandardCharsets.UTF_8))) + "\n"
                + "nonce=" + base64url(fields.nonce()) + "\n";
        String code = code(withoutCode);
        String text = withoutCode + "code=" + code + "\n" + "not_after=" + fields.notAfter().getEpochSecond() + "\n";
        return new LoginChallenge(text, code);
    }

    /** The approval time an execution's setting asks for, kept within 30 to 300 s; the default for none. */
    public static Duration approval(String seconds) {
        try {
            Duration asked = Duration.ofSeconds(Long.parseLong(seconds.strip()));
            if (asked.compareTo(MIN_APPROVAL) < 0) {
                return MIN_APPROVAL;
            }
            return asked.compareTo(MAX_APPROVAL) > 0 ? MAX_APPROVAL : asked;
        } catch (RuntimeException e) {
            return DEFAULT_APPROVAL;
        }
    }

    /** The text signed, as UTF-8. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public String text() {
        return text;
    }

    /** Four digits shown on the waiting page and sent to the phone. */
    public String code() {
        return code;
    }

    /** The SHA-256 sent to the provider. */
    public byte[] sha256() {
        return sha256(bytes());
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256());
    }

    private static String code(String withoutCode) {
        byte[] digest = sha256(withoutCode.getBytes(StandardCharsets.UTF_8));
        int value = ((digest[0] & 0xff) << 8 | (digest[1] & 0xff)) % 10_000;
        return String.format("%04d", value);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

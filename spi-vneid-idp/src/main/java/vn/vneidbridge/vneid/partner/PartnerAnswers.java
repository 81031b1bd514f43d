package vn.vneidbridge.vneid.partner;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The decisions of a partner-API login over what VNeID sent, as values: the plain authorization code, the token
 * answer, the userinfo answer. Pure: no Keycloak types, no I/O, never throws for any input.
 */
public final class PartnerAnswers {

    /** A step's outcome: the value, or the refusal with a detail for DEBUG logs and events (no personal data). */
    public sealed interface Outcome<T> {
        record Ok<T>(T value) implements Outcome<T> {
            public Ok {
                Objects.requireNonNull(value, "value");
            }
        }

        record Refused<T>(PartnerRefusal refusal, String detail) implements Outcome<T> {
            public Refused {
                Objects.requireNonNull(refusal, "refusal");
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    static final String ACCESS_TOKEN = "access_token";

    private PartnerAnswers() {
    }

    /**
     * The code to send to the token endpoint: the {@code code} as it came when there is no {@code encrypt_key}, else
     * its decryption. Every failure of the decryption is the same {@link PartnerRefusal#CODE_REFUSED}
     * (detail {@code code_refused}, like a code VNeID's token endpoint refuses).
     */
    public static Outcome<String> code(String code, String encryptKey, PartnerCipher cipher) {
        if (code == null || code.isEmpty()) {
            return new Outcome.Refused<>(PartnerRefusal.CODE_REFUSED, "code_refused");
        }
        if (encryptKey == null) {
            return new Outcome.Ok<>(code);
        }
        long start = System.nanoTime();
        PartnerDecryption decryption = cipher.decrypt(encryptKey, code);
        if (decryption instanceof PartnerDecryption.Decrypted decrypted && isCodeText(decrypted.plaintext())) {
            // only a code that decrypted is timed: its sender chose the key (see PartnerCipher#told)
            cipher.told(PartnerPayload.CODE, System.nanoTime() - start);
            return new Outcome.Ok<>(new String(decrypted.plaintext(), StandardCharsets.US_ASCII));
        }
        if (decryption instanceof PartnerDecryption.Refused refused
                && PartnerDecryption.Refused.NO_KEY.equals(refused.reason())) {
            return new Outcome.Refused<>(PartnerRefusal.NOT_CONFIGURED, refused.reason());
        }
        return new Outcome.Refused<>(PartnerRefusal.CODE_REFUSED, "code_refused");
    }

    /**
     * An authorization code is printable ASCII. Bytes that AES "decrypted" with a wrong key (its padding check passes
     * by chance once in 256) almost never are, so they stop here, as the same refusal, instead of reaching VNeID.
     */
    static boolean isCodeText(byte[] plaintext) {
        if (plaintext.length == 0 || plaintext.length > 4096) {
            return false;
        }
        for (byte b : plaintext) {
            if (b < 0x21 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The access token from the token endpoint's answer. */
    public static Outcome<String> accessToken(PartnerHttpResult result, PartnerCipher cipher) {
        Outcome<JsonNode> json = open(result, cipher, true);
        if (json instanceof Outcome.Refused<JsonNode> refused) {
            return new Outcome.Refused<>(refused.refusal(), "token: " + refused.detail());
        }
        JsonNode token = ((Outcome.Ok<JsonNode>) json).value().path(ACCESS_TOKEN);
        if (!token.isTextual() || token.textValue().isBlank()) {
            return new Outcome.Refused<>(PartnerRefusal.ANSWER_UNREADABLE, "token: no access_token");
        }
        return new Outcome.Ok<>(token.textValue());
    }

    /** The claims object from the userinfo endpoint's answer. */
    public static Outcome<JsonNode> userInfo(PartnerHttpResult result, PartnerCipher cipher) {
        Outcome<JsonNode> json = open(result, cipher, false);
        if (json instanceof Outcome.Refused<JsonNode> refused) {
            return new Outcome.Refused<>(refused.refusal(), "userinfo: " + refused.detail());
        }
        return json;
    }

    private static Outcome<JsonNode> open(PartnerHttpResult result, PartnerCipher cipher, boolean tokenEndpoint) {
        if (result instanceof PartnerHttpResult.Failed failed) {
            return switch (failed.failure()) {
                case TIMEOUT -> new Outcome.Refused<>(PartnerRefusal.TIMEOUT, "timeout");
                case OVERSIZED -> new Outcome.Refused<>(PartnerRefusal.ANSWER_UNREADABLE, "oversized");
                case UNREACHABLE -> new Outcome.Refused<>(PartnerRefusal.UNAVAILABLE, "unreachable");
            };
        }
        PartnerHttpResult.Answer answer = (PartnerHttpResult.Answer) result;
        int status = answer.status();
        if (status < 200 || status >= 300) {
            PartnerRefusal refusal;
            if (status >= 400 && status < 500) {
                refusal = !tokenEndpoint ? PartnerRefusal.USERINFO_REFUSED
                        : status == 401 || status == 403 ? PartnerRefusal.CLIENT_REFUSED : PartnerRefusal.CODE_REFUSED;
            } else {
                refusal = PartnerRefusal.UNAVAILABLE;
            }
            return new Outcome.Refused<>(refusal, "http " + status);
        }
        if (answer.body() != null && answer.body().length() > PartnerHttpResult.MAX_BODY_BYTES) {
            return new Outcome.Refused<>(PartnerRefusal.ANSWER_UNREADABLE, "oversized");
        }
        PartnerEnvelope.Opened opened = PartnerEnvelope.open(answer.body(), cipher,
                tokenEndpoint ? PartnerPayload.TOKEN : PartnerPayload.USERINFO);
        if (opened instanceof PartnerEnvelope.Opened.Refused refused) {
            PartnerRefusal refusal = PartnerDecryption.Refused.NO_KEY.equals(refused.reason())
                    ? PartnerRefusal.NOT_CONFIGURED : PartnerRefusal.ANSWER_UNREADABLE;
            return new Outcome.Refused<>(refusal, refused.reason());
        }
        return new Outcome.Ok<>(((PartnerEnvelope.Opened.Json) opened).object());
    }
}

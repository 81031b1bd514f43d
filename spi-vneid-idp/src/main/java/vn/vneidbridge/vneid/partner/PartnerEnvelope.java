package vn.vneidbridge.vneid.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * VNeID's partner-API envelope {@code {"data": "<base64>", "key": "<base64>"}}, the body of its token and userinfo
 * responses: {@code key} is the AES key wrapped with the relying party's RSA key, {@code data} the JSON encrypted
 * with it ({@link PartnerCipher}). {@link #open} gives the JSON object inside, or a refusal.
 */
public final class PartnerEnvelope {

    /** What {@link #open} gives: the JSON object inside, or why there is none. */
    public sealed interface Opened {
        record Json(JsonNode object) implements Opened {
            public Json {
                Objects.requireNonNull(object, "object");
            }
        }

        record Refused(String reason) implements Opened {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    static final String DATA = "data";
    static final String KEY = "key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartnerEnvelope() {
    }

    /**
     * @param body   the response body, already capped in size by the caller; may be null
     * @param cipher the realm's keys and the AES mode
     * @param what   the answer's payload, as the decryption is timed
     */
    public static Opened open(String body, PartnerCipher cipher, PartnerPayload what) {
        JsonNode envelope = parseObject(body);
        if (envelope == null || !envelope.path(DATA).isTextual() || !envelope.path(KEY).isTextual()) {
            return new Opened.Refused(PartnerDecryption.Refused.NOT_AN_ENVELOPE);
        }
        PartnerDecryption decryption = cipher.decrypt(what, envelope.get(KEY).textValue(),
                envelope.get(DATA).textValue());
        if (decryption instanceof PartnerDecryption.Refused refused) {
            return new Opened.Refused(refused.reason());
        }
        JsonNode inside = parseObject(new String(((PartnerDecryption.Decrypted) decryption).plaintext(),
                java.nio.charset.StandardCharsets.UTF_8));
        return inside == null ? new Opened.Refused(PartnerDecryption.Refused.UNREADABLE) : new Opened.Json(inside);
    }

    /** The JSON object in {@code text}, or null for anything else (null, junk, an array, a string). */
    static JsonNode parseObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

package vn.vneidbridge.operations.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.keycloak.util.JsonSerialization;

/**
 * The body of a link event, as a portal receives it:
 * <pre>{"id", "type": "vneid.account.linked", "realm", "aud", "sub", "legacy_account_id", "legacy_account_type",
 *  "cccd", "vneid_linked_at", "occurred_at"}</pre>
 * {@code aud} is the client id of the portal the delivery is for (inside the signed body, so a delivery cannot be
 * passed off to another portal); {@code cccd} is present only when verified and only for a portal entitled to
 * identity data. The {@code id} is the same for every portal and every retry of one link, so a portal can use it
 * to ignore a repeated delivery. An unlink (the identity page's "Hủy liên
 * kết") has the type {@value #UNLINKED} and no {@code vneid_linked_at}.
 */
record LinkEventPayload(String id, String type, String realm, String sub, String legacyAccountId,
                        String legacyAccountType, String cccd, String vneidLinkedAt, Instant occurredAt) {

    static final String TYPE = "vneid.account.linked";
    static final String UNLINKED = "vneid.account.unlinked";

    /** A link event. */
    LinkEventPayload(String id, String realm, String sub, String legacyAccountId, String legacyAccountType,
                     String cccd, String vneidLinkedAt, Instant occurredAt) {
        this(id, TYPE, realm, sub, legacyAccountId, legacyAccountType, cccd, vneidLinkedAt, occurredAt);
    }

    /**
     * The id of one link: the same realm, user, VNeID subject and link time always give the same id, so the
     * several events Keycloak fires for one link become one delivery per portal.
     */
    static String eventId(String realmId, String userId, String vneidSubject, String linkedAt) {
        String key = String.join("|", realmId, userId, vneidSubject, linkedAt == null ? "" : linkedAt);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The body for one portal: addressed to it, with the number only when {@code identity} allows it. */
    Map<String, Object> asMap(String audience, boolean identity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("realm", realm);
        body.put("aud", audience);
        body.put("sub", sub);
        body.put("legacy_account_id", legacyAccountId);
        body.put("legacy_account_type", legacyAccountType);
        if (cccd != null && identity) {
            body.put("cccd", cccd);
        }
        if (vneidLinkedAt != null) {
            body.put("vneid_linked_at", vneidLinkedAt);
        }
        body.put("occurred_at", occurredAt.toString());
        return body;
    }

    String toJson(String audience, boolean identity) {
        try {
            return JsonSerialization.writeValueAsString(asMap(audience, identity));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

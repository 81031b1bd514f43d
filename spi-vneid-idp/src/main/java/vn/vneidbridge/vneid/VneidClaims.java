package vn.vneidbridge.vneid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Merges what VNeID said about the citizen into one claim map for {@link VneidIdentityValidator}: the
 * userinfo response first, then the ID token's claims over it (the ID token is signed and Keycloak verified
 * it). The account level ({@code acr}) is taken from the ID token only, never from userinfo.
 */
final class VneidClaims {

    private VneidClaims() {
    }

    /**
     * @param idTokenClaims the ID token's claims (Keycloak's {@code JsonWebToken.getOtherClaims()}); may be null
     * @param userInfo      the userinfo response, or null when it was not called
     * @return a new mutable map; JSON strings, numbers and booleans as Java values, objects and arrays left out
     */
    static Map<String, Object> merge(Map<String, Object> idTokenClaims, JsonNode userInfo) {
        Map<String, Object> claims = new HashMap<>();
        if (userInfo != null && userInfo.isObject()) {
            for (Map.Entry<String, JsonNode> field : userInfo.properties()) {
                Object value = scalar(field.getValue());
                if (value != null && !VneidIdentityValidator.ACR.equals(field.getKey())) {
                    claims.put(field.getKey(), value);
                }
            }
        }
        if (idTokenClaims != null) {
            idTokenClaims.forEach((name, value) -> {
                if (value != null) {
                    claims.put(name, value);
                }
            });
        }
        return claims;
    }

    private static Object scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }
}

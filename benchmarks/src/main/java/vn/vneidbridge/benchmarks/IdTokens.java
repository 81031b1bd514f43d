package vn.vneidbridge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a claim of an ID token the journey received from the token endpoint (payload only: the benchmark checks
 * what the portal is told, the signature is the portal's business and costs the client, not the server).
 */
final class IdTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IdTokens() {
    }

    /** The token's {@code acr} as text, or null when the token is not a readable JWT or has none. */
    static String acr(String idToken) {
        return claim(idToken, "acr");
    }

    /** A claim of the token's payload as text, or null when the token is not a readable JWT or has no such claim. */
    static String claim(String idToken, String name) {
        if (idToken == null) {
            return null;
        }
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode value = payload == null ? null : payload.get(name);
            return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    /** Whether the token says {@code acr} = {@code expected}. */
    static boolean hasAcr(String idToken, String expected) {
        return expected.equals(acr(idToken));
    }
}

package vn.vneidbridge.sandbox.vneid.partner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The face's answers to the relying party's redirect URI. The encrypted code and its key are written into the
 * query string as raw base64 — {@code +}, {@code /} and {@code =} unescaped — as the real VNeID does, so a relying
 * party that decodes the query as a form turns {@code +} into a space (section 3b of the domain facts).
 */
final class PartnerRedirect {

    private PartnerRedirect() {
    }

    static String success(String redirectUri, String encryptedCode, String encryptKey, String state) {
        return redirectUri + separator(redirectUri) + "code=" + encryptedCode + "&encrypt_key=" + encryptKey
                + stateParameter(state);
    }

    static String error(String redirectUri, String error, String state) {
        return redirectUri + separator(redirectUri) + "error=" + encode(error) + stateParameter(state);
    }

    private static String stateParameter(String state) {
        return state == null ? "" : "&state=" + encode(state);
    }

    private static String separator(String uri) {
        return uri.contains("?") ? "&" : "?";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

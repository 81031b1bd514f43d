package vn.vneidbridge.sandbox.remotesigning;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Path segments that carry a caller's value (a transaction id, a subscriber number): encoded where the stand-in
 * writes a link, and decoded one by one from the raw path, so that an encoded slash never splits a value.
 */
final class UrlSegments {

    private UrlSegments() {
    }

    /** {@code value} as one path segment. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A raw path segment decoded ({@code +} stays a plus); empty when its escapes are malformed or it is empty. */
    static Optional<String> decode(String raw) {
        try {
            String value = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The decoded segment between {@code prefix} and {@code suffix} of a raw path, e.g. the id of
     * {@code /sca/sp769/v1/signatures/sign/{id}/status}; empty when the path has another shape.
     */
    static Optional<String> between(String rawPath, String prefix, String suffix) {
        if (!rawPath.startsWith(prefix) || !rawPath.endsWith(suffix)
                || rawPath.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        String raw = rawPath.substring(prefix.length(), rawPath.length() - suffix.length());
        return raw.contains("/") ? Optional.empty() : decode(raw);
    }
}

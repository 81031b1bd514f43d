package vn.vneidbridge.cccd.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and as whom a registry is called.
 *
 * @param url      the endpoint URL exactly as configured (the C06 signature covers it)
 * @param uri      the same, parsed: an absolute {@code http} or {@code https} URL with a host
 * @param unitCode the calling unit's code (MaDVC, also {@code X-Road-Client})
 */
record RegistryTarget(String url, URI uri, String unitCode) {

    /** The target, or empty when the URL is not an absolute http(s) URL with a host. */
    static Optional<RegistryTarget> of(String url, String unitCode) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(new RegistryTarget(url, uri, unitCode));
            }
        } catch (URISyntaxException e) {
            // not a URL
        }
        return Optional.empty();
    }

    String host() {
        return uri.getHost();
    }
}

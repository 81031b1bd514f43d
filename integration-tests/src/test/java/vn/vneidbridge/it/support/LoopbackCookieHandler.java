package vn.vneidbridge.it.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cookies as a browser keeps them for a local server: like Chromium and Firefox, it treats
 * {@code http://localhost} and {@code http://127.0.0.1} as a secure context, so the {@code Secure} cookies
 * Keycloak sets are sent back over plain HTTP on loopback (and nowhere else).
 */
final class LoopbackCookieHandler extends CookieHandler {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final CookieManager delegate = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return delegate.get(secureIfLoopback(uri), requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        delegate.put(secureIfLoopback(uri), responseHeaders);
    }

    /** The value of the cookie {@code name} this client holds for {@code uri}, if any. */
    java.util.Optional<String> value(URI uri, String name) {
        return delegate.getCookieStore().get(secureIfLoopback(uri)).stream()
                .filter(cookie -> cookie.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst();
    }

    /**
     * Sets a cookie for {@code uri}'s host, path {@code /}, stored exactly as if the server had sent it with
     * {@code Set-Cookie} (so a later {@code Set-Cookie} of the server replaces it).
     */
    void set(URI uri, String name, String value) {
        try {
            delegate.put(secureIfLoopback(uri), Map.of("Set-Cookie", List.of(name + "=" + value + "; Path=/; Secure")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static URI secureIfLoopback(URI uri) {
        if (!"http".equals(uri.getScheme()) || !LOOPBACK.contains(uri.getHost())) {
            return uri;
        }
        return URI.create("https" + uri.toString().substring("http".length()));
    }
}

package vn.vneidbridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: it does not follow redirects
 * by itself, so a test sees each hop (and the authorization code in the last one).
 */
public final class WebClient {

    private final LoopbackCookieHandler cookies = new LoopbackCookieHandler();
    private final HttpClient http;
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private final String forwardedFor;

    /**
     * A client with an address of its own, as every citizen's browser has: its requests say they come from a
     * loopback address no other client uses ({@code X-Forwarded-For}, which {@link TestKeycloak} trusts from
     * 127.0.0.1 only), so the per-address limits of one test never count another's requests.
     */
    public WebClient() {
        this(ownAddress(CLIENTS.incrementAndGet()));
    }

    /** A client whose requests say they come from {@code forwardedFor}, e.g. several "browsers" behind one NAT. */
    public WebClient(String forwardedFor) {
        this(forwardedFor, null);
    }

    /**
     * A client of its own address speaking TLS with {@code tls}: the CAs it trusts for the server and, for the
     * certificate login, the client certificate it presents in the handshake (a browser with a USB token).
     */
    public static WebClient overTls(SSLContext tls) {
        return new WebClient(ownAddress(CLIENTS.incrementAndGet()), tls);
    }

    private WebClient(String forwardedFor, SSLContext tls) {
        this.forwardedFor = forwardedFor;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            // HTTP/1.1: a TLS connection per client, as a browser's to one origin (no HTTP/2 upgrade attempts)
            builder.sslContext(tls).version(HttpClient.Version.HTTP_1_1);
        }
        this.http = builder.build();
    }

    /** The value of a cookie this client holds for {@code uri}, e.g. a load balancer's stickiness cookie. */
    public java.util.Optional<String> cookie(URI uri, String name) {
        return cookies.value(uri, name);
    }

    /** Gives this client a cookie for {@code uri}'s host, as if a server had set it. */
    public void setCookie(URI uri, String name, String value) {
        cookies.set(uri, name, value);
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** Follows redirects while they stay on {@code host:port}; returns the first response that is not one. */
    public HttpResponse<String> followWithin(HttpResponse<String> response, URI origin) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            URI next = location(current);
            if (!sameOrigin(next, origin)) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    /** Submits the form with the given id on the page, adding or overriding fields. */
    public HttpResponse<String> submit(HttpResponse<String> page, String formSelector, Map<String, String> fields) {
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        Element form = document.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            values.put(input.attr("name"), input.val());
        }
        values.putAll(fields);
        return postForm(URI.create(form.absUrl("action")), values);
    }

    /** 127.64.0.1 onwards: loopback (the realm asks for HTTPS from public addresses), never contacted. */
    static String ownAddress(int n) {
        return "127." + (64 + n / 65_536 % 64) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() == 302 || response.statusCode() == 303 || response.statusCode() == 307;
    }

    public static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location header, status " + response.statusCode()));
        return response.uri().resolve(location);
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

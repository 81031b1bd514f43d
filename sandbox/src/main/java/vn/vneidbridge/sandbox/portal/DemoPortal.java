package vn.vneidbridge.sandbox.portal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import vn.vneidbridge.sandbox.HttpServerNoDelay;

/**
 * A small stand-in for a public-service portal (client {@code dvcqg-portal} by default) so a person can try
 * the citizen's journey in a browser: "Đăng nhập" starts the login at Keycloak, the callback shows
 * "Đã đăng nhập" with the ID token's claims, and "Đăng xuất" logs out of Keycloak (RP-initiated logout).
 * One portal serves several clients (the national and the provincial portals): a browser holds one session per
 * client it logged in through. Each client is a relying party with OpenID Connect Back-Channel Logout 1.0:
 * {@code POST /backchannel-logout} with a {@code logout_token} Keycloak signed ends that client's sessions of the
 * Keycloak session it names, so a logout at one portal or at VNeID ends the sessions at the other portals.
 *
 * <p>Sandbox only: sessions live in memory and the page is deliberately plain.</p>
 */
public final class DemoPortal implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DemoPortal.class.getName());
    private static final String SESSION_COOKIE = "demo_portal_session";
    private static final int MAX_SEEN_LOGOUT_TOKENS = 100_000;
    private static final int MAX_FORM_BYTES = 16_384;
    private static final int MAX_PENDING_LOGINS = 10_000;
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DemoPortalConfig config;
    private final OidcClient oidc;
    private final HttpServer server;
    private final Map<String, PendingLogin> pendingLogins = bounded(MAX_PENDING_LOGINS);
    private final PortalSessions sessions = new PortalSessions(MAX_SESSIONS);
    private final LogoutTokenVerifier logoutTokens;
    /** Per port: browsers share cookies across the ports of one host, and two portals may run on one host. */
    private final String sessionCookie;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4);
    private final DemoPortalPages pages;

    private DemoPortal(DemoPortalConfig config, HttpServer server) {
        this.config = config;
        this.server = server;
        this.oidc = new OidcClient(config.issuer(), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build());
        this.pages = new DemoPortalPages(config);
        this.sessionCookie = SESSION_COOKIE + "_" + config.port();
        JWKSource<SecurityContext> keys = (selector, context) -> {
            try {
                return oidc.keys().get(selector, context);
            } catch (IOException e) {
                throw new KeySourceException("the provider's keys are not available: " + e.getMessage(), e);
            }
        };
        this.logoutTokens = new LogoutTokenVerifier(keys, config.issuer().toString(), config.clients().keySet(),
                new SeenLogoutTokens(MAX_SEEN_LOGOUT_TOKENS), Clock.systemUTC());
    }

    /** Starts the portal on {@code config.port()} of the loopback interface. */
    public static DemoPortal start(DemoPortalConfig config) throws IOException {
        HttpServerNoDelay.ensure();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                config.port()), 50);
        DemoPortal portal = new DemoPortal(config, server);
        server.createContext("/", portal::handle);
        server.setExecutor(portal.executor);
        server.start();
        LOG.log(Level.INFO, "demo portal at {0}", config.baseUri());
        return portal;
    }

    public URI baseUri() {
        return config.baseUri();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A map that forgets its oldest entries beyond {@code max} (sandbox only: no unbounded growth). */
    private static <V> Map<String, V> bounded(int max) {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String browser = path.equals("/backchannel-logout") ? null : browserId(exchange);
            if (path.equals("/") && method.equals("GET")) {
                home(exchange, browser);
            } else if (path.equals("/login") && method.equals("GET")) {
                login(exchange, browser);
            } else if (path.equals("/callback") && method.equals("GET")) {
                callback(exchange, browser);
            } else if (path.equals("/logout") && method.equals("POST")) {
                logout(exchange, browser);
            } else if (path.equals("/backchannel-logout") && method.equals("POST")) {
                backchannelLogout(exchange);
            } else {
                respond(exchange, 404, pages.message("Không tìm thấy trang", "Trang này không có trên cổng thử nghiệm."));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "demo portal request failed: {0}", e.toString());
            try {
                respond(exchange, 502, pages.message("Lỗi kết nối", "Không kết nối được máy chủ xác thực. Vui lòng thử lại."));
            } catch (IOException ignored) {
                // the client went away
            }
        }
    }

    /** The latest portal the browser logged in to, or with {@code ?client=} that portal's page. */
    private void home(HttpExchange exchange, String browser) throws IOException {
        String client = query(exchange.getRequestURI().getRawQuery()).get("client");
        Optional<PortalSession> session = client == null ? sessions.latest(browser) : sessions.at(browser, client);
        List<PortalSession> all = sessions.all(browser);
        respond(exchange, 200, session.map(shown -> pages.loggedIn(shown, all)).orElseGet(pages::loggedOut));
    }

    private void login(HttpExchange exchange, String browser) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String clientId = Optional.ofNullable(query.get("client")).filter(config.clients()::containsKey)
                .orElse(config.defaultClient());
        OidcClient.LoginRequest request = OidcClient.newLoginRequest(clientId,
                URI.create(config.baseUri() + "/callback"));
        pendingLogins.put(request.state(), new PendingLogin(request, browser));
        Map<String, String> extra = new HashMap<>();
        for (String passThrough : List.of("kc_idp_hint", "acr_values", "ui_locales", "kc_action", "prompt")) {
            Optional.ofNullable(query.get(passThrough)).filter(v -> v.length() <= 200)
                    .ifPresent(v -> extra.put(passThrough, v));
        }
        redirect(exchange, oidc.authorizationUri(request, extra));
    }

    private void callback(HttpExchange exchange, String browser) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        PendingLogin pending = Optional.ofNullable(query.get("state")).map(pendingLogins::remove).orElse(null);
        if (pending == null || !pending.browser().equals(browser)) {
            respond(exchange, 400, pages.message("Phiên đăng nhập không hợp lệ",
                    "Yêu cầu đăng nhập đã hết hạn hoặc không do trình duyệt này bắt đầu. Vui lòng đăng nhập lại."));
            return;
        }
        if (query.containsKey("error")) {
            respond(exchange, 200, pages.message("Đăng nhập không thành công", explain(query)));
            return;
        }
        OidcClient.Tokens tokens;
        try {
            tokens = oidc.exchange(pending.request(), query.getOrDefault("code", ""), config.clientSecret(pending.request().clientId()));
        } catch (OidcClient.TokenException e) {
            respond(exchange, 400, pages.message("Đăng nhập không thành công", e.error()));
            return;
        }
        // a new session id at login: an id planted in the browser beforehand is worth nothing
        String session = newBrowserId(exchange);
        sessions.loggedIn(browser, session, new PortalSession(pending.request().clientId(), tokens.idToken(),
                tokens.idTokenClaims()));
        redirect(exchange, URI.create(config.baseUri() + "/"));
    }

    /**
     * What a portal tells the citizen about an error answer: a level of assurance not reached (realm {@code dvc}
     * answers {@code access_denied} with that description, docs/levels-of-assurance.md) in words, else the code.
     */
    static String explain(Map<String, String> answer) {
        String description = answer.getOrDefault("error_description", "");
        if ("access_denied".equals(answer.get("error")) && description.contains("level of assurance")) {
            return "Dịch vụ này yêu cầu đăng nhập bằng tài khoản định danh điện tử VNeID ở mức cao hơn mức bạn đã "
                    + "đăng nhập. Tài khoản mức độ 2 được đăng ký tại cơ quan Công an.";
        }
        return "Máy chủ xác thực trả về: " + answer.get("error");
    }

    /** Ends the browser's session at the portal the form names (else its latest) and logs out of Keycloak. */
    private void logout(HttpExchange exchange, String browser) throws IOException {
        String client = form(exchange).get("client");
        PortalSession session = Optional.ofNullable(client).or(() -> sessions.latest(browser).map(PortalSession::clientId))
                .flatMap(clientId -> sessions.end(browser, clientId)).orElse(null);
        if (session == null) {
            redirect(exchange, URI.create(config.baseUri() + "/"));
            return;
        }
        redirect(exchange, oidc.endSessionUri(session.idToken(), session.clientId(),
                URI.create(config.baseUri() + "/")));
    }

    /**
     * OpenID Connect Back-Channel Logout 1.0: Keycloak posts a {@code logout_token}; a valid one ends the sessions
     * it names and is answered 200, anything else 400 (both {@code Cache-Control: no-store}).
     */
    private void backchannelLogout(HttpExchange exchange) throws IOException {
        String token = form(exchange).get("logout_token");
        LogoutTokenCheck.Verdict verdict = token == null ? new LogoutTokenCheck.Refused(LogoutTokenCheck.Refusal.UNREADABLE)
                : logoutTokens.verify(token);
        if (verdict instanceof LogoutTokenCheck.Accepted accepted) {
            int ended = sessions.end(accepted);
            LOG.log(Level.INFO, "back-channel logout for {0}: {1} session(s) ended", accepted.clients(), ended);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        LogoutTokenCheck.Refusal reason = ((LogoutTokenCheck.Refused) verdict).reason();
        LOG.log(Level.WARNING, "back-channel logout refused: {0}", reason);
        byte[] body = ("{\"error\":\"invalid_request\",\"error_description\":\"logout token refused: "
                + reason.name().toLowerCase(java.util.Locale.ROOT) + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(400, body.length);
        exchange.getResponseBody().write(body);
    }

    /** The browser's id, from its cookie or a new one set on this response. */
    private String browserId(HttpExchange exchange) {
        return cookie(exchange).orElseGet(() -> newBrowserId(exchange));
    }

    private String newBrowserId(HttpExchange exchange) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        exchange.getResponseHeaders().set("Set-Cookie", sessionCookie + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
        return id;
    }

    /** The fields of a form-encoded request body (at most {@value #MAX_FORM_BYTES} bytes are read). */
    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            return Map.of();
        }
        return query(new String(body, StandardCharsets.US_ASCII));
    }

    private Optional<String> cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(sessionCookie) && pair[1].matches("[A-Za-z0-9_-]{1,64}")) {
                    return Optional.of(pair[1]);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> result = new HashMap<>();
        if (rawQuery == null || rawQuery.length() > 8192) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                result.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private record PendingLogin(OidcClient.LoginRequest request, String browser) {
    }

    /** A logged-in browser: which portal client it logged in through and its validated ID token. */
    record PortalSession(String clientId, String idToken, JWTClaimsSet claims) {

        /** Keycloak's session id from the ID token ({@code sid}): what a back-channel logout token names. */
        String sid() {
            Object sid = claims.getClaim("sid");
            return sid instanceof String value ? value : null;
        }

        String subject() {
            return claims.getSubject();
        }
    }
}

package vn.vneidbridge.operations.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.urls.UrlType;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /realms/{realm}/vneid-operations/}: the operators' pages — the migration dashboard and the review queue —
 * as one page and its script and style, served to anyone (they hold no data). The script logs the operator in with
 * the realm's public client {@value #CLIENT_ID} (authorization code with PKCE S256), keeps the tokens in memory only,
 * and reads and acts through the admin REST ({@link ConsoleResource}, the bulk job REST) with the bearer token, so
 * Keycloak's own admin permissions and the roles of {@link OperationsRoles} decide. A strict Content Security
 * Policy: scripts, styles and connections from this server only, no inline script, no framing.
 */
public final class ConsolePage implements RealmResourceProvider {

    public static final String CLIENT_ID = "vneid-operations-console";
    private static final String ASSETS = "vn/vneidbridge/operations/console/";

    private final KeycloakSession session;

    ConsolePage(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("assets/{name}")
    public Response asset(@PathParam("name") String name) {
        String type = switch (name) {
            case "console.js" -> "text/javascript; charset=UTF-8";
            case "console.css" -> "text/css; charset=UTF-8";
            default -> throw new NotFoundException();
        };
        return secured(Response.ok(read(name), type)).header("Cache-Control", "no-cache").build();
    }

    /** The page, for any path below (the script routes between the dashboard and the queue with the URL's hash). */
    @GET
    @Path("{any:.*}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("lang") String lang) {
        RealmModel realm = session.getContext().getRealm();
        Locale resolved;
        try {
            resolved = session.getContext().resolveLocale(null);
        } catch (RuntimeException unresolved) {
            resolved = null;
        }
        String language = ConsoleLanguage.choose(lang, resolved);
        Map<String, String> messages = ConsoleMessages.of(language,
                realm.getRealmLocalizationTextsByLocale(language));
        URI front = session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
        URI admin = session.getContext().getUri(UrlType.ADMIN).getBaseUri();
        String realmPath = "realms/" + encode(realm.getName());
        String page = front.resolve(realmPath + "/vneid-operations/").toString();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("realm", realm.getName());
        config.put("clientId", CLIENT_ID);
        config.put("language", language);
        config.put("languages", ConsoleLanguage.LANGUAGES);
        config.put("pageUrl", page);
        config.put("oidc", front.resolve(realmPath + "/protocol/openid-connect/").toString());
        config.put("api", admin.resolve("admin/" + realmPath + "/vneid-bridge/").toString());
        config.put("messages", messages);
        String html = ConsoleHtml.render(read("index.html"), language, messages, json(config),
                URI.create(page).getPath() + "assets/");
        String connect = ConsoleHtml.origin(admin).equals(ConsoleHtml.origin(front)) ? ""
                : " " + ConsoleHtml.origin(admin);
        return secured(Response.ok(html, "text/html; charset=UTF-8"))
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self';"
                        + " img-src 'self' data:; connect-src 'self'" + connect + "; form-action 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * This page's own security headers instead of the realm's (Keycloak's would replace its Content Security Policy
     * with the realm's looser one, which allows framing by the same origin): stricter on every point.
     */
    private Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        SecurityHeadersProvider headers = session.getProvider(SecurityHeadersProvider.class);
        if (headers != null) {
            headers.options().skipHeaders();
        }
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "none")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String name) {
        try (InputStream in = ConsolePage.class.getClassLoader().getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
    }
}

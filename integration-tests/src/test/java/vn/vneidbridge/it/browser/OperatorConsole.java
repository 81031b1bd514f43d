package vn.vneidbridge.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.WebClient;

/**
 * The operators' pages of realm {@code dvc} as a test reaches them: in a browser (log in through the realm's login
 * page and wait for the page to show), or over HTTP as the page's script does (authorization code + PKCE S256 with
 * the public client {@value #CLIENT}, then the admin REST with the bearer token).
 */
final class OperatorConsole {

    static final String CLIENT = "vneid-operations-console";
    static final String API = "/admin/realms/dvc/vneid-bridge/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OperatorConsole(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    String pageUrl() {
        return keycloak.baseUri() + "/realms/dvc/vneid-operations/";
    }

    /** Opens the pages in a fresh browser and logs in; returns once the page shows what this operator may see. */
    Browser openAs(String journey, String username, String password) {
        Browser browser = BrowserSupport.open(journey);
        browser.open(pageUrl());
        LoginPages dvc = new LoginPages(browser);
        dvc.awaitChooser().choosePortalAccount();
        dvc.logIn(username, password);
        browser.awaitAny("#ops-total-linked", "#ops-no-access", "#ops-failed", "#ops-login-failed");
        return browser;
    }

    /** A logged-in operator over HTTP: the access token and the client that holds the Keycloak session cookies. */
    record Session(String accessToken, WebClient web) {
    }

    /** Logs in over HTTP as the page does (the CCCD form skipped if a citizen is shown it). */
    Session logIn(String username, String password) {
        WebClient web = new WebClient();
        String verifier = PortalLogin.random(48);
        String state = PortalLogin.random(16);
        String redirect = pageUrl() + "?lang=vi";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CLIENT);
        params.put("redirect_uri", redirect);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("state", state);
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        URI base = keycloak.baseUri();
        HttpResponse<String> page = web.followWithin(web.get(URI.create(base + "/realms/dvc/protocol/openid-connect/auth?"
                + WebClient.form(params))), base);
        HttpResponse<String> answer = web.submit(page, "#kc-form-login", Map.of("username", username,
                "password", password));
        for (int hops = 0; hops < 10; hops++) {
            if (WebClient.isRedirect(answer)) {
                URI next = WebClient.location(answer);
                if (next.toString().startsWith(pageUrl())) {
                    Map<String, String> query = WebClient.query(next);
                    assertThat(query.get("state")).isEqualTo(state);
                    return new Session(exchange(query.get("code"), redirect, verifier), web);
                }
                answer = web.get(next);
            } else if (answer.body().contains("vneid-cccd-form")) {
                answer = web.submit(answer, "#vneid-cccd-form", Map.of("action", "skip"));
            } else {
                throw new AssertionError("no way back to the page from " + answer.uri() + ":\n" + answer.body());
            }
        }
        throw new AssertionError("too many redirects");
    }

    private String exchange(String code, String redirect, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        form.put("client_id", CLIENT);
        form.put("code_verifier", verifier);
        HttpResponse<String> response = new WebClient().postForm(
                URI.create(keycloak.baseUri() + "/realms/dvc/protocol/openid-connect/token"), form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body()).path("access_token").asText();
    }

    /** An admin REST call under {@code vneid-bridge/} with a bearer token (none: no Authorization header). */
    HttpResponse<String> call(String token, String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.baseUri() + API + path))
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            if (body != null) {
                if (!headers.containsKey("Content-Type")) {
                    request.header("Content-Type", "application/json");
                }
                request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> call(String token, String method, String path, Object body) {
        return call(token, method, path, body, Map.of());
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

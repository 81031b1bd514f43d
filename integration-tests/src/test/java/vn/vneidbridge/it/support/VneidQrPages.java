package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import vn.vneidbridge.distribution.KeycloakServer;

/**
 * The stand-in VNeID's QR login as a citizen meets it: the waiting login page in one browser (what its script
 * polls, renews and posts) and the "VNeID app" stand-in in another. Nothing here reaches around the pages.
 */
public final class VneidQrPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VneidQrPages() {
    }

    /** The same address on another node (what a balancer does when it sends the request there). */
    public static URI onNode(URI uri, KeycloakServer node) {
        URI base = node.baseUri();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** One citizen's browser at the stand-in's login page (reached through realm dvc on {@code keycloak}), showing a QR. */
    public static final class WaitingPage {
        public final PortalLogin login;
        public final HttpResponse<String> page;
        public final Document document;
        private URI qrUrl;
        private long expiresIn;

        public WaitingPage(KeycloakServer keycloak) {
            login = new PortalLogin(keycloak, "dvcqg-portal");
            page = login.open(Map.of("kc_idp_hint", "vneid"));
            document = Jsoup.parse(page.body(), page.uri().toString());
            assertThat(PortalLogin.atVneid(page)).as(page.body()).isTrue();
            assertThat(document.select("#vneid-qr-image").attr("src")).startsWith("data:image/png;base64,");
            qrUrl = URI.create(document.select("#vneid-qr-url").attr("href"));
            expiresIn = Long.parseLong(document.select("#vneid-qr").attr("data-expires-in"));
        }

        /** The QR shown now (the page's, or the last renewal's). */
        public URI qrUrl() {
            return qrUrl;
        }

        /** The seconds of validity the page was given for the QR it shows now. */
        public long expiresIn() {
            return expiresIn;
        }

        public String handle() {
            return document.select("#vneid-qr-form input[name=vneid_qr_handle]").val();
        }

        public URI statusUrl() {
            return URI.create(document.select("#vneid-qr").attr("data-status-url"));
        }

        /** The page's poll, at the address the page was given. */
        public JsonNode status() {
            return status(statusUrl());
        }

        /** The page's poll sent to {@code url} (e.g. the same path on another node). */
        public JsonNode status(URI url) {
            HttpResponse<String> answer = login.web.get(url);
            assertThat(answer.statusCode()).isEqualTo(200);
            return read(answer.body());
        }

        /** What the page's script does when the QR expired or the citizen presses "Tạo mã QR mới". */
        public JsonNode renew() {
            HttpResponse<String> answer = login.web.postForm(URI.create(document.select("#vneid-qr").attr("data-renew-url")),
                    Map.of());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode body = read(answer.body());
            if (body.hasNonNull("url")) {
                qrUrl = URI.create(body.get("url").asText());
                expiresIn = body.get("expiresIn").asLong();
            }
            return body;
        }

        /** What the page's script posts once the app confirmed, with whichever handle. */
        public PortalLogin.Outcome submitQr(String handle) {
            return login.follow(login.web.submit(page, "#vneid-qr-form", Map.of("vneid_qr_handle", handle)));
        }

        public static String text(PortalLogin.Outcome outcome) {
            return Jsoup.parse(outcome.page().body()).text();
        }
    }

    /** The "VNeID app" in another browser. */
    public static final class App {
        public final WebClient web = new WebClient();
        public HttpResponse<String> page;

        public App open(URI qrUrl) {
            page = web.get(qrUrl);
            assertThat(page.statusCode()).isEqualTo(200);
            return this;
        }

        public App logIn(String idNumber, String password) {
            page = web.submit(page, "#vneid-app-login", Map.of("username", idNumber, "password", password));
            return this;
        }

        public App answer(String answer) {
            page = web.submit(page, "#vneid-app-answer", Map.of("answer", answer));
            return this;
        }

        public String view() {
            return Jsoup.parse(page.body()).select("#vneid-app").attr("data-view");
        }

        public String text() {
            return Jsoup.parse(page.body()).text();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

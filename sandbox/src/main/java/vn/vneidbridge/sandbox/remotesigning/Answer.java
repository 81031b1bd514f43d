package vn.vneidbridge.sandbox.remotesigning;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer of the stand-in, built before it is sent, so that {@link Mode#SLOW} can send it later.
 *
 * @param status  the HTTP status
 * @param headers the response headers, {@code Content-Type} included
 * @param body    the body; empty for none
 */
record Answer(int status, Map<String, String> headers, byte[] body) {

    /** The phone's pages load nothing from elsewhere, run no script and can only post to the stand-in. */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    Answer {
        headers = Map.copyOf(headers);
    }

    static Answer json(int status, String json) {
        return of(status, "application/json; charset=utf-8", json);
    }

    static Answer text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text + "\n");
    }

    static Answer html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html)
                .withHeader("Content-Security-Policy", PAGE_POLICY)
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("X-Content-Type-Options", "nosniff");
    }

    private static Answer of(int status, String contentType, String body) {
        return new Answer(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, more, body);
    }

    /** Sends the answer and closes the exchange. */
    void sendAndClose(HttpExchange exchange) throws IOException {
        try (exchange) {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}

package vn.vneidbridge.sandbox.business;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer of the simulator, built before it is sent (so that it can be sent later, after a delay).
 *
 * @param status  the HTTP status
 * @param headers the response headers, {@code Content-Type} included
 * @param body    the body, UTF-8; empty for none
 */
record SimulatorAnswer(int status, Map<String, String> headers, String body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    SimulatorAnswer {
        headers = Map.copyOf(headers);
    }

    static SimulatorAnswer of(int status, String contentType, String body) {
        return new SimulatorAnswer(status, Map.of("Content-Type", contentType), body);
    }

    static SimulatorAnswer text(int status, String text) {
        return of(status, TEXT, text + "\n");
    }

    static SimulatorAnswer json(int status, Map<String, ?> json) {
        return of(status, JSON, JSONObjectUtils.toJSONString(json));
    }

    static SimulatorAnswer notAllowed(String allow) {
        return text(405, "method not allowed").withHeader("Allow", allow);
    }

    SimulatorAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimulatorAnswer(status, more, body);
    }

    /** Sends the answer and closes the exchange. */
    void sendAndClose(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}

package vn.vneidbridge.sandbox.registry;

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
record SimulatorResponse(int status, Map<String, String> headers, String body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String XML = "text/xml; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    SimulatorResponse {
        headers = Map.copyOf(headers);
    }

    static SimulatorResponse of(int status, String contentType, String body) {
        return new SimulatorResponse(status, Map.of("Content-Type", contentType), body);
    }

    static SimulatorResponse text(int status, String text) {
        return of(status, TEXT, text + "\n");
    }

    static SimulatorResponse json(int status, Map<String, ?> json) {
        return of(status, JSON, JSONObjectUtils.toJSONString(json));
    }

    SimulatorResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimulatorResponse(status, more, body);
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

package vn.vneidbridge.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A portal's webhook endpoint for link events: a JDK HTTP server on a fixed loopback port that records every
 * delivery and answers 204. It can be configured before it runs, so a test can show what happens while the
 * portal is down.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final int port = TestKeycloak.freePort();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** One POST as received: its path, the headers that matter and the raw body. */
    public record Delivery(String path, String signature, String eventId, String deliveryId, String body) {

        /**
         * What a portal checks: {@code X-VNeID-Bridge-Signature} is {@code t=<unix>,v1=<hex HMAC-SHA256 over
         * "<t>.<raw body>">} keyed with this secret, made within the last 5 minutes.
         */
        public boolean signedWith(String secret) {
            if (signature == null) {
                return false;
            }
            Map<String, String> parts = new java.util.HashMap<>();
            for (String part : signature.split(",")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2) {
                    parts.put(pair[0], pair[1]);
                }
            }
            try {
                long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(parts.getOrDefault("t", "x")));
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = java.util.HexFormat.of().formatHex(
                        mac.doFinal((parts.get("t") + "." + body).getBytes(StandardCharsets.UTF_8)));
                return age < 300 && parts.get("v1") != null && java.security.MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), parts.get("v1").getBytes(StandardCharsets.US_ASCII));
            } catch (NumberFormatException | java.security.GeneralSecurityException e) {
                return false;
            }
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = exchange.getRequestHeaders();
                deliveries.add(new Delivery(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("X-VNeID-Bridge-Signature"),
                        exchange.getRequestHeaders().getFirst("X-VNeID-Bridge-Event-Id"),
                        headers.containsKey("X-VNeID-Bridge-Delivery-Id")
                                ? exchange.getRequestHeaders().getFirst("X-VNeID-Bridge-Delivery-Id") : null,
                        body));
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits until the deliveries matching the filter are at least {@code count}; returns them. */
    public List<Delivery> await(Predicate<Delivery> filter, int count, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            List<Delivery> matching = deliveries.stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(200);
        }
        return deliveries.stream().filter(filter).toList();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}

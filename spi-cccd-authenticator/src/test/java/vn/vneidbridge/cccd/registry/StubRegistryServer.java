package vn.vneidbridge.cccd.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port, standing in for the government service: it records every
 * request and answers with whatever the test says.
 */
final class StubRegistryServer implements AutoCloseable {

    /** A request as received. Header names are case-insensitive. */
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** What to answer, optionally after a delay. */
    record Reply(int status, String contentType, String body, long delayMillis) {
        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body, 0);
        }

        Reply delayedBy(long millis) {
            return new Reply(status, contentType, body, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> responder = request -> Reply.of(500, "text/plain", "no answer set");
    private volatile long hugeBodyBytes;
    private final AtomicLong hugeBodySent = new AtomicLong();
    private final CountDownLatch hugeBodyEnded = new CountDownLatch(1);

    StubRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(Reply reply) {
        responder = request -> reply;
    }

    void answer(Function<Recorded, Reply> responder) {
        this.responder = responder;
    }

    /**
     * Answers 200 with a body of {@code bytes} filler bytes, streamed (chunked) as fast as the client takes them, and
     * counts what it could send before the client stopped reading ({@link #hugeBodySent}).
     */
    void answerWithBodyOf(long bytes) {
        hugeBodyBytes = bytes;
    }

    /**
     * The bytes of the huge body sent once the server stopped sending it (the client hung up, or all was sent),
     * waiting at most {@code timeout} for that; -1 if it had not stopped by then.
     */
    long hugeBodySent(Duration timeout) throws InterruptedException {
        return hugeBodyEnded.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? hugeBodySent.get() : -1;
    }

    int hits() {
        return requests.size();
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            if (hugeBodyBytes > 0) {
                sendHugeBody(exchange);
                return;
            }
            Reply reply = responder.apply(request);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void sendHugeBody(HttpExchange exchange) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            while (hugeBodySent.get() < hugeBodyBytes) {
                int length = (int) Math.min(chunk.length, hugeBodyBytes - hugeBodySent.get());
                out.write(chunk, 0, length);
                hugeBodySent.addAndGet(length);
            }
        } catch (IOException e) {
            // the client stopped reading and closed the connection: what was sent is counted
        } finally {
            hugeBodyEnded.countDown();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

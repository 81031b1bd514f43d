package vn.vneidbridge.sandbox.ca;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.vneidbridge.sandbox.HttpServerNoDelay;

/**
 * The sandbox CA's CRL distribution point on the loopback interface: {@code GET} {@link
 * SandboxCertificateAuthority#CRL_PATH}, {@link SandboxCertificateAuthority#ROOT_CRL_PATH} and {@link
 * SandboxCertificateAuthority#REVOKED_CA_CRL_PATH} answer a CRL ({@code application/pkix-crl}, DER) signed for the
 * request, by this server's clock, so a CRL fetched after days of uptime is as fresh as the first; any other path is
 * 404, any other method 405.
 *
 * <p>It starts before the CA exists, because the CA's certificates name its address and a free port is known only
 * once bound; until {@link #publish} the CRL paths answer 503. {@link #outage} makes them answer 503 too, the CA's
 * server being down: what a relying party must take as "revocation status unknown".
 */
public final class SandboxCrlServer implements AutoCloseable {

    /** The media type of a DER CRL (RFC 5280, section 4.2.1.13; RFC 2585). */
    public static final String CONTENT_TYPE = "application/pkix-crl";

    private static final Logger LOG = System.getLogger(SandboxCrlServer.class.getName());

    private final HttpServer server;
    private final ExecutorService workers;
    private final Clock clock;
    private final URI baseUri;
    private volatile SandboxCertificateAuthority authority;
    private volatile boolean outage;

    private SandboxCrlServer(HttpServer server, ExecutorService workers, Clock clock) {
        this.server = server;
        this.workers = workers;
        this.clock = clock;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        this.baseUri = URI.create("http://" + (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host)
                + ":" + address.getPort());
    }

    /**
     * Starts the server on {@code port} of the loopback interface (0: any free port, see {@link #baseUri()}).
     *
     * @param clock the time each CRL is signed at
     */
    public static SandboxCrlServer start(int port, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        HttpServerNoDelay.ensure();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        ExecutorService workers = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "sandbox-crl-server");
            thread.setDaemon(true);
            return thread;
        });
        SandboxCrlServer server = new SandboxCrlServer(http, workers, clock);
        http.createContext("/", server::handle);
        http.setExecutor(workers);
        http.start();
        LOG.log(Level.INFO, "sandbox CRL server at {0}", server.baseUri);
        return server;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash: the base the CA's certificates name. */
    public URI baseUri() {
        return baseUri;
    }

    /** Serves the CRLs of {@code ca} from now on. */
    public void publish(SandboxCertificateAuthority ca) {
        this.authority = Objects.requireNonNull(ca, "ca");
    }

    /** While on, every CRL request answers 503, as a CA's server that is down. */
    public void outage(boolean on) {
        this.outage = on;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        LOG.log(Level.INFO, "sandbox CRL server at {0} stopped", baseUri);
    }

    private void handle(HttpExchange exchange) {
        try {
            answer(exchange);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "sandbox CRL server: client went away: {0}", e.toString());
        } catch (CRLException | RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox CRL server: request failed: {0}", e.getClass().getName());
            LOG.log(Level.DEBUG, "sandbox CRL server: request failure", e);
            try {
                if (exchange.getResponseCode() == -1) {
                    text(exchange, 500, "internal error");
                }
            } catch (IOException | RuntimeException ignored) {
                // the client sees the connection close
            }
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException, CRLException {
        SandboxCertificateAuthority ca = authority;
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            text(exchange, 405, "method not allowed");
            return;
        }
        if (outage) {
            text(exchange, 503, "outage (sandbox switch)");
            return;
        }
        if (ca == null) {
            text(exchange, 503, "the CA is not generated yet");
            return;
        }
        Optional<X509CRL> crl = ca.crlAt(exchange.getRequestURI().getPath(), clock.instant());
        if (crl.isPresent()) {
            send(exchange, 200, CONTENT_TYPE, crl.get().getEncoded());
        } else {
            text(exchange, 404, "not found");
        }
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

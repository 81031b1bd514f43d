package vn.vneidbridge.sandbox.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import vn.vneidbridge.sandbox.HttpServerNoDelay;

/**
 * The sandbox's stand-in for the national population database's verification services, on the loopback
 * interface, as described in {@code docs/population-registry-protocols.md}:
 *
 * <ul>
 *   <li>{@code POST /c06/XacThucThongTinCongDan}: C06 SOAP, signature checked when {@link C06Credentials} are
 *       configured;</li>
 *   <li>{@code POST /lgsp/xac-thuc-cong-dan}: LGSP JSON, {@code Bearer} token checked when one is configured;</li>
 *   <li>{@code POST /_simulator/mode} ({@code {"delayMillis","failWithStatus","bareMatchFlag"}}, missing keys
 *       keep their values; returns the new mode; {@code GET} reads it), {@code GET /_simulator/stats}
 *       ({@code {"requests": n}}, verification requests of any outcome) and {@code POST /_simulator/reset}.</li>
 * </ul>
 *
 * <p>Bodies over {@value #MAX_BODY_BYTES} bytes get HTTP 413 without being read; malformed ones HTTP 400. Requests
 * are handled by a small pool; delayed answers wait on a scheduler, so they never hold a thread, and the switches
 * answer at once whatever the delay.
 */
public final class PopulationRegistrySimulator implements AutoCloseable {

    /** The C06 SOAP endpoint's path. */
    public static final String C06_PATH = "/c06/XacThucThongTinCongDan";
    /** The LGSP JSON endpoint's path. */
    public static final String LGSP_PATH = "/lgsp/xac-thuc-cong-dan";
    /** The largest request body read. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = System.getLogger(PopulationRegistrySimulator.class.getName());
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final URI baseUri;
    private final SimulatorState state = new SimulatorState();
    private final ControlEndpoint control = new ControlEndpoint(state);
    private final VerificationEndpoint c06;
    private final VerificationEndpoint lgsp;

    private PopulationRegistrySimulator(HttpServer server, PopulationDatabase database,
            Optional<C06Credentials> credentials, Optional<String> lgspToken) {
        this.server = server;
        this.baseUri = uri(server.getAddress());
        this.workers = Executors.newFixedThreadPool(THREADS, daemonThreads("population-registry"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("population-registry-delay"));
        this.c06 = new VerificationEndpoint(new C06Protocol(credentials), database, state, scheduler, baseUri,
                MAX_BODY_BYTES);
        this.lgsp = new VerificationEndpoint(new LgspProtocol(lgspToken), database, state, scheduler, baseUri,
                MAX_BODY_BYTES);
    }

    /** {@link #start(int, PopulationDatabase, Optional, Optional)} without an LGSP token (LGSP calls are open). */
    public static PopulationRegistrySimulator start(int port, PopulationDatabase database,
            Optional<C06Credentials> credentials) throws IOException {
        return start(port, database, credentials, Optional.empty());
    }

    /**
     * Starts the simulator on {@code port} of the loopback interface.
     *
     * @param port        the TCP port; 0 for any free one (see {@link #baseUri()})
     * @param database    the citizens served
     * @param credentials when present, C06 requests must be signed with them, else they are refused with 401
     * @param lgspToken   when present, LGSP requests must carry it as a {@code Bearer} token, else 401
     */
    public static PopulationRegistrySimulator start(int port, PopulationDatabase database,
            Optional<C06Credentials> credentials, Optional<String> lgspToken) throws IOException {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(lgspToken, "lgspToken");
        if (lgspToken.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("the LGSP token is blank");
        }
        HttpServerNoDelay.ensure();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        PopulationRegistrySimulator simulator = new PopulationRegistrySimulator(server, database, credentials,
                lgspToken);
        server.createContext("/", simulator::handle);
        server.setExecutor(simulator.workers);
        server.start();
        LOG.log(Level.INFO, "population registry simulator at {0}: {1} citizens, C06 signature {2}, LGSP token {3}",
                simulator.baseUri, database.size(), credentials.isPresent() ? "checked" : "not checked",
                lgspToken.isPresent() ? "checked" : "not checked");
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The C06 SOAP endpoint's URL. */
    public URI c06Endpoint() {
        return URI.create(baseUri + C06_PATH);
    }

    /** The LGSP JSON endpoint's URL. */
    public URI lgspEndpoint() {
        return URI.create(baseUri + LGSP_PATH);
    }

    /** The current mode, as {@code GET /_simulator/mode} gives it. */
    public SimulatorMode mode() {
        return state.mode();
    }

    /** Sets the mode, as {@code POST /_simulator/mode} with every key does. */
    public void setMode(SimulatorMode mode) {
        state.setMode(mode);
    }

    /** The number of verification requests received since the start or the last reset. */
    public long requestCount() {
        return state.requests();
    }

    /** Normal mode and a request count of 0, as {@code POST /_simulator/reset} does. */
    public void reset() {
        state.reset();
    }

    /** Stops at once; delayed answers not yet sent are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
        LOG.log(Level.INFO, "population registry simulator at {0} stopped", baseUri);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals(C06_PATH) || path.equals(LGSP_PATH)) {
                if (method.equals("POST")) {
                    (path.equals(C06_PATH) ? c06 : lgsp).handle(exchange);
                } else {
                    ControlEndpoint.notAllowed("POST").sendAndClose(exchange);
                }
                return;
            }
            control.respond(path, method, exchange)
                    .orElseGet(() -> SimulatorResponse.text(404, "not found"))
                    .sendAndClose(exchange);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "population registry simulator: client went away: {0}", e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "population registry simulator: request failed: {0}", e.getClass().getName());
            LOG.log(Level.DEBUG, "population registry simulator: request failure", e);
            try {
                SimulatorResponse.text(500, "internal error").sendAndClose(exchange);
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    private static URI uri(InetSocketAddress address) {
        InetAddress host = address.getAddress();
        String literal = host.getHostAddress();
        if (host instanceof Inet6Address) {
            int zone = literal.indexOf('%');
            literal = "[" + (zone < 0 ? literal : literal.substring(0, zone)) + "]";
        }
        return URI.create("http://" + literal + ":" + address.getPort());
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

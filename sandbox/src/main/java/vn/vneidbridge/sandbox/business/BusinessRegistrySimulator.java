package vn.vneidbridge.sandbox.business;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.vneidbridge.sandbox.HttpServerNoDelay;
import vn.vneidbridge.sandbox.registry.SimulatorMode;

/**
 * The sandbox's stand-in for the national business registration database's enterprise verification, on the loopback
 * interface, as described in {@code docs/business-registry-protocol.md}:
 *
 * <ul>
 *   <li>{@code POST /dkkd/xac-thuc-doanh-nghiep}: JSON, {@code Bearer} token checked when one is configured;</li>
 *   <li>{@code POST /_simulator/mode} ({@code {"delayMillis","failWithStatus","bareMatchFlag"}}, as the population
 *       database simulator's, and {@code "mode"}: {@code "normal"}, {@code "down"} or {@code "slow"}, applied first;
 *       missing keys keep their values; returns the new mode; {@code GET} reads it),
 *       {@code GET /_simulator/stats} ({@code {"requests": n}}, verification requests of any outcome) and
 *       {@code POST /_simulator/reset}.</li>
 * </ul>
 *
 * <p>The answer is built in this order: HTTP 413 for a body over {@value #MAX_BODY_BYTES} bytes (not read), the
 * mode's {@code failWithStatus}, 401 without the token, 400 for a malformed request, else the registry's answer; it is
 * sent after the mode's delay, which waits on a scheduler, so delayed answers never hold a thread and the switches
 * answer at once.
 */
public final class BusinessRegistrySimulator implements AutoCloseable {

    /** The verification endpoint's path. */
    public static final String PATH = "/dkkd/xac-thuc-doanh-nghiep";
    /** The largest request body read. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The registry is down: every verification answers HTTP 503. */
    public static final SimulatorMode DOWN = new SimulatorMode(0, 503, false);
    /** The registry is slow: every answer waits 8 s, past the adapter's default read timeout (3 s). */
    public static final SimulatorMode SLOW = new SimulatorMode(8_000, 0, false);
    /** The names {@link #mode(String)} and {@code POST /_simulator/mode} {@code {"mode": …}} take. */
    public static final String NORMAL_NAME = "normal";
    public static final String DOWN_NAME = "down";
    public static final String SLOW_NAME = "slow";

    private static final Logger LOG = System.getLogger(BusinessRegistrySimulator.class.getName());
    private static final int THREADS = 4;
    private static final int MAX_CONTROL_BODY_BYTES = 4096;
    /** How much of a refused body is read and dropped, so that the client sees the 413 rather than a reset. */
    private static final int DISCARD_LIMIT = 1 << 20;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final URI baseUri;
    private final BusinessDatabase database;
    private final Optional<String> token;
    private final ControlSwitches switches = new ControlSwitches();

    private BusinessRegistrySimulator(HttpServer server, BusinessDatabase database, Optional<String> token) {
        this.server = server;
        this.baseUri = uri(server.getAddress());
        this.database = database;
        this.token = token;
        this.workers = Executors.newFixedThreadPool(THREADS, daemonThreads("business-registry"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("business-registry-delay"));
    }

    /**
     * Starts the simulator on {@code port} of the loopback interface.
     *
     * @param port     the TCP port; 0 for any free one (see {@link #baseUri()})
     * @param database the enterprises served
     * @param token    when present, requests must carry it as a {@code Bearer} token, else 401
     */
    public static BusinessRegistrySimulator start(int port, BusinessDatabase database, Optional<String> token)
            throws IOException {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(token, "token");
        if (token.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("the token is blank");
        }
        HttpServerNoDelay.ensure();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        BusinessRegistrySimulator simulator = new BusinessRegistrySimulator(server, database, token);
        server.createContext("/", simulator::handle);
        server.setExecutor(simulator.workers);
        server.start();
        LOG.log(Level.INFO, "business registry simulator at {0}: {1} enterprises, token {2}", simulator.baseUri,
                database.size(), token.isPresent() ? "checked" : "not checked");
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The verification endpoint's URL. */
    public URI endpoint() {
        return URI.create(baseUri + PATH);
    }

    /** The current mode, as {@code GET /_simulator/mode} gives it. */
    public SimulatorMode mode() {
        return switches.mode();
    }

    /** Sets the mode, as {@code POST /_simulator/mode} with every key does ({@link #DOWN}, {@link #SLOW}, …). */
    public void setMode(SimulatorMode mode) {
        switches.setMode(mode);
    }

    /**
     * Sets a named mode: {@code normal} ({@link SimulatorMode#normal()}), {@code down} ({@link #DOWN}) or
     * {@code slow} ({@link #SLOW}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public void mode(String name) {
        setMode(named(name).orElseThrow(() -> new IllegalArgumentException("mode must be normal, down or slow")));
    }

    /** The number of verification requests received since the start or the last reset. */
    public long requestCount() {
        return switches.requests();
    }

    /** The same as {@link #requestCount()}: so a test can say "no registry call was made". */
    public long verifications() {
        return requestCount();
    }

    /** The mode of a name {@link #mode(String)} takes; empty for any other text, null included. */
    static Optional<SimulatorMode> named(String name) {
        if (NORMAL_NAME.equals(name)) {
            return Optional.of(SimulatorMode.normal());
        }
        if (DOWN_NAME.equals(name)) {
            return Optional.of(DOWN);
        }
        return SLOW_NAME.equals(name) ? Optional.of(SLOW) : Optional.empty();
    }

    /** Normal mode and a request count of 0, as {@code POST /_simulator/reset} does. */
    public void reset() {
        switches.reset();
    }

    /** Stops at once; delayed answers not yet sent are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
        LOG.log(Level.INFO, "business registry simulator at {0} stopped", baseUri);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals(PATH)) {
                if (method.equals("POST")) {
                    verify(exchange);
                } else {
                    SimulatorAnswer.notAllowed("POST").sendAndClose(exchange);
                }
                return;
            }
            Optional<byte[]> body = method.equals("POST") ? readAtMost(exchange, MAX_CONTROL_BODY_BYTES)
                    : Optional.of(new byte[0]);
            switches.respond(path, method, body)
                    .orElseGet(() -> SimulatorAnswer.text(404, "not found"))
                    .sendAndClose(exchange);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "business registry simulator: client went away: {0}", e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "business registry simulator: request failed: {0}", e.getClass().getName());
            LOG.log(Level.DEBUG, "business registry simulator: request failure", e);
            try {
                SimulatorAnswer.text(500, "internal error").sendAndClose(exchange);
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    /** Counts the request, builds the answer at once and sends it now or after the mode's delay. */
    private void verify(HttpExchange exchange) throws IOException {
        switches.countRequest();
        SimulatorMode mode = switches.mode();
        SimulatorAnswer answer = answer(exchange, mode);
        if (mode.delayMillis() == 0) {
            answer.sendAndClose(exchange);
            return;
        }
        try {
            scheduler.schedule(() -> sendLater(exchange, answer), mode.delayMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    private SimulatorAnswer answer(HttpExchange exchange, SimulatorMode mode) throws IOException {
        Optional<byte[]> body = readAtMost(exchange, MAX_BODY_BYTES);
        if (body.isEmpty()) {
            return SimulatorAnswer.text(413, "request body larger than " + MAX_BODY_BYTES + " bytes")
                    .withHeader("Connection", "close");
        }
        if (mode.failWithStatus() != 0) {
            return SimulatorAnswer.json(mode.failWithStatus(), Map.of("error", "simulated failure"));
        }
        if (!authorized(exchange)) {
            LOG.log(Level.DEBUG, "business registry request refused: missing or wrong token");
            return SimulatorAnswer.json(401, Map.of("error", "unauthorized"))
                    .withHeader("WWW-Authenticate", "Bearer realm=\"dkkd\"");
        }
        DkkdJson.Request request;
        try {
            request = DkkdJson.parseRequest(body.get());
        } catch (DkkdJson.MalformedRequest e) {
            LOG.log(Level.DEBUG, "business registry request malformed: {0}", e.getMessage());
            return SimulatorAnswer.text(400, "malformed request: " + e.getMessage());
        }
        Optional<Enterprise> enterprise = database.find(request.taxCode());
        LOG.log(Level.DEBUG, "business registry verification of {0}: {1}", request.taxCode().mask(),
                enterprise.isPresent() ? DkkdJson.PROCESSED : DkkdJson.NOT_FOUND);
        return SimulatorAnswer.of(200, SimulatorAnswer.JSON,
                DkkdJson.answer(request, enterprise, mode.bareMatchFlag()));
    }

    private boolean authorized(HttpExchange exchange) {
        if (token.isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The whole body when it has at most {@code maxBytes}, else empty: a body declared larger than
     * {@value #DISCARD_LIMIT} is not read at all, a smaller one over the limit is read and dropped first.
     */
    private static Optional<byte[]> readAtMost(HttpExchange exchange, int maxBytes) throws IOException {
        InputStream in = exchange.getRequestBody();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = length == null ? -1 : declaredLength(length);
        if (declared > maxBytes) {
            if (declared <= DISCARD_LIMIT) {
                discard(in);
            }
            return Optional.empty();
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            discard(in);
            return Optional.empty();
        }
        return Optional.of(body);
    }

    /** Reads and drops up to {@value #DISCARD_LIMIT} bytes, or until the body ends. */
    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        for (int total = 0, read; total < DISCARD_LIMIT
                && (read = in.read(buffer, 0, Math.min(buffer.length, DISCARD_LIMIT - total))) >= 0; total += read) {
            // dropped
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void sendLater(HttpExchange exchange, SimulatorAnswer answer) {
        try {
            answer.sendAndClose(exchange);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "delayed answer not delivered: {0}", e.toString());
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

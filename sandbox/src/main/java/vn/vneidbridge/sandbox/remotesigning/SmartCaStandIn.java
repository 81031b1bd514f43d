package vn.vneidbridge.sandbox.remotesigning;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import vn.vneidbridge.sandbox.HttpServerNoDelay;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;

/**
 * The sandbox's VNPT SmartCA ("Sim ký số"): SmartCA's v1 remote-signing API under {@code /sca/sp769}, the
 * subscribers' "phone" under {@code /phone/} and the switches under {@code /_simulator/}, over HTTPS on
 * {@code 127.0.0.1} with the sandbox CA's server certificate, because the {@code vnpt-smartca} adapter calls https
 * only and Keycloak already trusts the sandbox root. The subscribers are the CA's personas: the number after the
 * {@code UID}'s prefix of each valid one (An {@code 001090001234}, Nga {@code 164438056} and {@code 052189000123},
 * {@code 0312345673} of Công ty ABC, Bình {@code 042085007890}).
 *
 * <p>A few worker threads serve it and {@link Mode#SLOW} waits on a scheduler, so a slow answer never holds the phone
 * up. Tests in this JVM drive it through its methods: the phone's buttons ({@link #approve}, {@link #refuse}), what the
 * phone shows ({@link #lastDocId}), the switches and {@link #requests()}.
 */
public final class SmartCaStandIn implements AutoCloseable {

    /** The service provider's credentials the stand-in takes (sandbox values, not secrets). */
    public static final String SP_ID = "sandbox-sp";
    public static final String SP_PASSWORD = "sandbox-sp-secret";
    /** How late {@link Mode#SLOW} answers. */
    public static final Duration SLOW_DELAY = Duration.ofSeconds(8);
    /** The largest request body read; a larger one is answered 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = System.getLogger(SmartCaStandIn.class.getName());
    private static final int THREADS = 4;

    private final HttpsServer server;
    private final URI baseUri;
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS, daemonThreads("smartca-stand-in"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("smartca-stand-in-delay"));
    private final Switches switches = new Switches();
    private final Subscribers subscribers;
    private final Transactions transactions;
    private final Phone phone;

    private SmartCaStandIn(HttpsServer server, Subscribers subscribers, Clock clock) {
        this.server = server;
        this.baseUri = URI.create("https://localhost:" + server.getAddress().getPort());
        this.subscribers = subscribers;
        this.transactions = new Transactions(clock);
        this.phone = new Phone(transactions, switches::misbehaviour);
    }

    /** The handler of every path, built once the stand-in exists: the switches over HTTP call its methods. */
    private Dispatcher dispatcher() {
        return new Dispatcher(new SmartCaApi(subscribers, transactions, switches::misbehaviour), phone,
                new SimulatorControls(this), switches, scheduler);
    }

    /**
     * Starts the stand-in on {@code port} of {@code 127.0.0.1} (0: any free port, see {@link #baseUri()}).
     *
     * @param authority the sandbox CA: its server certificate and key, the personas' files
     * @param clock     when requests are created and expire
     */
    public static SmartCaStandIn start(int port, SandboxCertificateAuthority authority, Clock clock)
            throws IOException {
        Objects.requireNonNull(clock, "clock");
        Subscribers subscribers = new Subscribers(authority);
        HttpsConfigurator tls = new HttpsConfigurator(ServerTls.context(authority.dir()));
        HttpServerNoDelay.ensure();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(
                InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 50);
        server.setHttpsConfigurator(tls);
        SmartCaStandIn standIn = new SmartCaStandIn(server, subscribers, clock);
        server.createContext("/", standIn.dispatcher());
        server.setExecutor(standIn.workers);
        server.start();
        LOG.log(Level.INFO, "VNPT SmartCA stand-in at {0}", standIn.baseUri);
        return standIn;
    }

    /** {@code https://localhost:<port>}, without a trailing slash (the server certificate names localhost). */
    public URI baseUri() {
        return baseUri;
    }

    /** The API's base, what the adapter's {@code endpoint} option takes: {@code https://localhost:<port>/sca/sp769}. */
    public URI endpoint() {
        return URI.create(baseUri + SmartCaApi.BASE);
    }

    /** The phone page of the subscriber {@code number}. */
    public URI phone(String number) {
        return URI.create(baseUri + Phone.PREFIX + UrlSegments.encode(number));
    }

    public Mode mode() {
        return switches.mode();
    }

    /** How the {@code /sca} API answers from now on. */
    public void mode(Mode newMode) {
        switches.mode(newMode);
        LOG.log(Level.INFO, "VNPT SmartCA stand-in mode: {0}", newMode.setting());
    }

    public Misbehaviour misbehaviour() {
        return switches.misbehaviour();
    }

    /**
     * Misbehaves from now on ({@link Misbehaviour#NONE} to stop).
     *
     * @throws IllegalArgumentException when {@link Misbehaviour#certificateOf} names no persona file
     */
    public void misbehave(Misbehaviour newMisbehaviour) {
        Objects.requireNonNull(newMisbehaviour, "misbehaviour");
        if (newMisbehaviour instanceof Misbehaviour.CertificateOf other) {
            subscribers.identityOf(other.file());
        }
        switches.misbehave(newMisbehaviour);
        LOG.log(Level.INFO, "VNPT SmartCA stand-in misbehaviour: {0}", newMisbehaviour.setting());
    }

    /**
     * Gives the subscriber {@code number} (a new one or not) the key and certificate of the persona file
     * {@code file}, e.g. An ({@code 001090001234}) {@code an-revoked.p12}; requests already made keep their key.
     *
     * @throws IllegalArgumentException for a malformed number or no persona file
     */
    public void subscribe(String number, String file) {
        subscribers.subscribe(number, file);
        LOG.log(Level.DEBUG, "VNPT SmartCA stand-in: subscriber {0} now holds {1}", number, file);
    }

    /**
     * Gives {@code number} the key and certificate of {@code token} (a key store the CA issued for a test's own
     * person, {@link SandboxCertificateAuthority#issue}), until {@link #reset()}.
     */
    public void subscribe(String number, java.security.KeyStore token) {
        subscribers.subscribe(number, token);
        LOG.log(Level.DEBUG, "VNPT SmartCA stand-in: subscriber {0} now holds an issued certificate", number);
    }

    /** The default subscribers, {@link Mode#NORMAL}, {@link Misbehaviour#NONE}, no requests, a request count of 0. */
    public void reset() {
        subscribers.reset();
        transactions.clear();
        switches.reset();
        LOG.log(Level.INFO, "VNPT SmartCA stand-in reset");
    }

    /** Confirms the subscriber's newest waiting request as the phone does with the right PIN; false for none. */
    public boolean approve(String number) {
        return phone.approveNewest(number);
    }

    /** Refuses the subscriber's newest waiting request as the phone does; false for none. */
    public boolean refuse(String number) {
        return phone.refuseNewest(number);
    }

    /** How many of the subscriber's requests wait for an answer now. */
    public int pending(String number) {
        return transactions.pending(number).size();
    }

    /** The code the phone shows for the subscriber's newest waiting request ({@code doc_id}), or null for none. */
    public String lastDocId(String number) {
        return newest(number).map(Transaction::docId).orElse(null);
    }

    /** The description ({@code transaction_desc}) of the subscriber's newest waiting request, or null for none. */
    public String lastDescription(String number) {
        return newest(number).map(Transaction::description).orElse(null);
    }

    /** The calls to the {@code /sca} API since the start or the last reset, whatever their answer. */
    public long requests() {
        return switches.requests();
    }

    /** Stops at once; answers that {@link Mode#SLOW} holds back are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
        LOG.log(Level.INFO, "VNPT SmartCA stand-in at {0} stopped", baseUri);
    }

    private Optional<Transaction> newest(String number) {
        return transactions.pending(number).stream().findFirst();
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

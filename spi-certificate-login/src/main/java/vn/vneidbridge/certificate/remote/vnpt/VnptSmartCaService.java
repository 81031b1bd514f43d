package vn.vneidbridge.certificate.remote.vnpt;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;
import vn.vneidbridge.cccd.registry.CircuitBreaker;
import vn.vneidbridge.cccd.registry.HttpReply;
import vn.vneidbridge.cccd.registry.RegistryFailure;
import vn.vneidbridge.cccd.registry.RegistryHttp;
import vn.vneidbridge.certificate.remote.RemoteSigningService;
import vn.vneidbridge.certificate.remote.SignatureScheme;

/**
 * VNPT SmartCA as a {@link RemoteSigningService}: {@link SmartCaWire}'s calls over one pooled HTTPS client whose every
 * call, body included, is bounded by the read timeout, behind a circuit breaker that answers {@code circuit-open} at
 * once while the provider keeps failing. A provider that does not answer, or answers what cannot be read, is
 * {@link Unavailable} with a short reason for the log; nothing here throws. The log never holds the id, the
 * credentials, a certificate or a signature.
 */
final class VnptSmartCaService implements RemoteSigningService {

    private static final Logger LOG = Logger.getLogger(VnptSmartCaService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VnptSmartCaOptions options;
    private final RegistryHttp http;
    private final Optional<CircuitBreaker> breaker;
    private final Clock clock;

    VnptSmartCaService(VnptSmartCaOptions options, RegistryHttp http, Optional<CircuitBreaker> breaker, Clock clock) {
        this.options = options;
        this.http = http;
        this.breaker = breaker;
        this.clock = clock;
    }

    @Override
    public Certificates certificates(String id) {
        byte[] body = SmartCaWire.certificatesRequest(options.credentials(), id, transactionId());
        return call(SmartCaWire.GET_CERTIFICATE, body, SmartCaWire::certificates, Unavailable::new);
    }

    @Override
    public Started start(SignRequest request) {
        byte[] body = SmartCaWire.signRequest(options.credentials(), request, options.fileType(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return call(SmartCaWire.SIGN, body, (status, answer) -> SmartCaWire.started(status, answer,
                request.transactionId()), Unavailable::new);
    }

    @Override
    public Progress progress(String reference) {
        if (reference == null || !reference.matches("[A-Za-z0-9_.:-]{1,100}")) {
            return new Expired(); // never a path built from what the provider did not give
        }
        return call(SmartCaWire.statusPath(reference), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SmartCaWire::progress, Unavailable::new);
    }

    @Override
    public SignatureScheme scheme() {
        return options.scheme();
    }

    private <T> T call(String path, byte[] body, BiFunction<Integer, byte[], T> read,
                       java.util.function.Function<String, T> unavailable) {
        if (breaker.isPresent() && !breaker.get().tryAcquire()) {
            return unavailable.apply("circuit-open");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.endpoint() + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpReply reply = http.send(request);
            T answer = read.apply(reply.status(), reply.body());
            boolean failed = answer instanceof Unavailable || reply.status() >= 500;
            breaker.ifPresent(b -> {
                if (failed) {
                    b.recordFailure();
                } else {
                    b.recordSuccess();
                }
            });
            if (answer instanceof Unavailable unavailableAnswer) {
                LOG.warnf("vnpt-smartca: %s answered %s (%s)", path.startsWith(SmartCaWire.SIGN + "/")
                        ? "status" : path, reply.status(), unavailableAnswer.reason());
            }
            return answer;
        } catch (RegistryFailure e) {
            breaker.ifPresent(CircuitBreaker::recordFailure);
            LOG.warnf("vnpt-smartca: no answer (%s)", e.reason());
            return unavailable.apply(e.reason());
        }
    }

    /** A request id of ours, unique (SmartCA asks for one per call). */
    private static String transactionId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
    }
}

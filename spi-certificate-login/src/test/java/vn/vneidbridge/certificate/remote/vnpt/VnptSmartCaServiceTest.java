package vn.vneidbridge.certificate.remote.vnpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import vn.vneidbridge.cccd.registry.CircuitBreaker;
import vn.vneidbridge.cccd.registry.RegistryHttp;
import vn.vneidbridge.cccd.registry.ScopeReader;
import vn.vneidbridge.certificate.remote.RemoteSigningService;
import vn.vneidbridge.certificate.remote.SignatureScheme;

/** The adapter against a JDK HTTP server playing SmartCA: timeouts, the circuit breaker, the https rule. */
class VnptSmartCaServiceTest {

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> answer = new AtomicReference<>("{}");
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/sca/sp769", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private VnptSmartCaService service(int breakerFailures) {
        VnptSmartCaOptions options = new VnptSmartCaOptions("http://127.0.0.1:" + server.getAddress().getPort()
                + "/sca/sp769", SignatureScheme.RSA_PKCS1_SHA256, "json", Duration.ofSeconds(1),
                Duration.ofMillis(500), breakerFailures, Duration.ofMinutes(5),
                new SmartCaWire.Credentials("sp", "secret"));
        return new VnptSmartCaService(options, RegistryHttp.create(options.connectTimeout(), options.readTimeout()),
                Optional.of(new CircuitBreaker(breakerFailures, options.breakerOpen(), Clock.systemUTC())),
                Clock.systemUTC());
    }

    @Nested
    class GivenASlowProvider {

        @Test
        void thenACallEndsAtTheReadTimeoutAsUnavailable() {
            delayMillis = 3000;
            long started = System.nanoTime();

            RemoteSigningService.Progress progress = service(5).progress("tx-1");

            assertThat(progress).isEqualTo(new RemoteSigningService.Unavailable("timeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Nested
    class GivenAProviderThatKeepsFailing {

        @Test
        void thenAfterTheThresholdTheProviderIsNoLongerCalled() {
            answer.set("not json");
            VnptSmartCaService service = service(2);

            service.certificates("001090001234");
            service.certificates("001090001234");
            RemoteSigningService.Certificates third = service.certificates("001090001234");

            assertThat(third).isEqualTo(new RemoteSigningService.Unavailable("circuit-open"));
            assertThat(calls.get()).isEqualTo(2);
        }
    }

    @Nested
    class GivenAReferenceThatIsNotTheProviders {

        @Test
        void thenNoPathIsBuiltFromItAndNothingIsCalled() {
            assertThat(service(5).progress("../../v1/credentials/get_certificate?x="))
                    .isInstanceOf(RemoteSigningService.Expired.class);
            assertThat(calls.get()).isZero();
        }
    }

    @Nested
    class GivenTheServerOptions {

        private ScopeReader reader(Map<String, String> values) {
            return new ScopeReader(VnptSmartCaServiceFactory.PROVIDER_ID, new MapScope(values));
        }

        @Test
        void thenAPlainHttpEndpointIsRefusedSoTheCredentialsNeverTravelInClear() {
            VnptSmartCaOptions.Result read = VnptSmartCaOptions.read(reader(Map.of("endpoint",
                    "http://gwsca.vnpt.vn/sca/sp769", "spId", "sp", "spPassword", "secret")));

            assertThat(read.options()).isEmpty();
            assertThat(read.problem()).contains("https");
        }

        @Test
        void thenHttpsWithCredentialsIsReadWithTheDefaults() {
            VnptSmartCaOptions.Result read = VnptSmartCaOptions.read(reader(Map.of("endpoint",
                    "https://gwsca.vnpt.vn/sca/sp769/", "spId", "sp", "spPassword", "secret")));

            assertThat(read.options()).isPresent();
            assertThat(read.options().get().endpoint()).isEqualTo("https://gwsca.vnpt.vn/sca/sp769");
            assertThat(read.options().get().scheme()).isEqualTo(SignatureScheme.RSA_PKCS1_SHA256);
            assertThat(read.options().get().readTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(read.options().get().toString()).doesNotContain("secret");
        }

        @Test
        void thenAReadTimeoutAboveThirtySecondsIsReadAsThirty() {
            VnptSmartCaOptions.Result read = VnptSmartCaOptions.read(reader(Map.of("endpoint",
                    "https://gwsca.vnpt.vn/sca/sp769", "spId", "sp", "spPassword", "secret",
                    "readTimeoutMillis", "600000")));

            assertThat(read.options().get().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void thenMissingCredentialsLeaveTheAdapterUnconfigured() {
            assertThat(VnptSmartCaOptions.read(reader(Map.of("endpoint", "https://gwsca.vnpt.vn/sca/sp769")))
                    .options()).isEmpty();
            assertThat(VnptSmartCaOptions.read(reader(Map.of())).problem()).isEqualTo("not configured");
        }
    }

    /** Server options over a map (Keycloak's own scope does the typed reads). */
    private static final class MapScope extends Config.AbstractScope {
        private final Map<String, String> values;

        MapScope(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public Config.Scope scope(String... scope) {
            return this;
        }

        @Override
        public java.util.Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Config.Scope root() {
            return this;
        }
    }
}

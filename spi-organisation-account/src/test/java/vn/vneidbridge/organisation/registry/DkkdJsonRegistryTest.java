package vn.vneidbridge.organisation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.organisation.registry.DkkdJsonCodecTest.ABC_CODE;
import static vn.vneidbridge.organisation.registry.DkkdJsonCodecTest.ABC_NAME;
import static vn.vneidbridge.organisation.registry.DkkdJsonCodecTest.abc;
import static vn.vneidbridge.organisation.registry.DkkdJsonCodecTest.codeAnswer;
import static vn.vneidbridge.organisation.registry.DkkdJsonCodecTest.recordAnswer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code dkkd-json} provider as Keycloak runs it: the factory's options, against a real local HTTP server. */
class DkkdJsonRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT_CODE = "000.00.00.H00";
    private static final String TOKEN = "business-registry-token";
    /** A clock that stands still: an open circuit stays open. */
    private static final Clock STILL = Clock.fixed(Instant.parse("2026-12-05T01:02:03Z"), ZoneOffset.UTC);

    private StubBusinessRegistry server;
    private DkkdJsonRegistryFactory factory;

    @BeforeEach
    void startServer() throws IOException {
        server = new StubBusinessRegistry();
    }

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.close();
        }
        server.close();
    }

    /** The provider on the stub, circuit breaker off unless the options say otherwise. */
    private BusinessRegistry registry(Map<String, String> extraOptions) {
        Map<String, String> options = new HashMap<>();
        options.put("endpoint", server.url());
        options.put("unitCode", UNIT_CODE);
        options.put("token", TOKEN);
        options.put("breakerFailures", "0");
        options.putAll(extraOptions);
        factory = new DkkdJsonRegistryFactory(STILL);
        factory.init(new MapScope(options));
        return factory.create(null);
    }

    @Nested
    class GivenAnAnswer {

        @Test
        void thenTheRecordIsReadAndTheRequestIsAnAuthorizedJsonPost() throws Exception {
            server.answer(StubBusinessRegistry.Reply.json(recordAnswer(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", null)));

            BusinessResult result = registry(Map.of()).verify(abc("Công ty TNHH ABC"));

            assertThat(result).isInstanceOf(BusinessResult.Match.class);
            StubBusinessRegistry.Recorded request = server.lastRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(StubBusinessRegistry.PATH);
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(request.contentType()).isEqualTo("application/json");
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("maDVC").asText()).isEqualTo(UNIT_CODE);
            assertThat(body.get("maSoDoanhNghiep").asText()).isEqualTo(ABC_CODE);
            assertThat(body.get("tenDoanhNghiep").asText()).isEqualTo(ABC_NAME);
            assertThat(UUID.fromString(body.get("maYeuCau").asText())).isNotNull();
        }

        @Test
        void thenWithoutATokenNoAuthorizationIsSent() {
            server.answer(StubBusinessRegistry.Reply.json(codeAnswer("01")));
            factory = new DkkdJsonRegistryFactory(STILL);
            factory.init(new MapScope(Map.of("endpoint", server.url(), "unitCode", UNIT_CODE)));

            assertThat(factory.create(null).verify(abc(ABC_NAME))).isEqualTo(new BusinessResult.NotFound());
            assertThat(server.lastRequest().authorization()).isNull();
        }
    }

    @Nested
    class GivenARegistryThatDoesNotAnswer {

        @Test
        void thenAServerSlowerThanTheReadTimeoutIsATimeoutAfterAboutTheTimeout() {
            server.answer(StubBusinessRegistry.Reply.json(codeAnswer("01")).delayedBy(5_000));
            BusinessRegistry registry = registry(Map.of("readTimeoutMillis", "400"));

            long start = System.nanoTime();
            BusinessResult result = registry.verify(abc(ABC_NAME));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result).isEqualTo(new BusinessResult.Unavailable("timeout"));
            assertThat(elapsed).isLessThan(Duration.ofMillis(2_000));
        }

        @Test
        void thenHttp503IsUnavailable() {
            server.answer(StubBusinessRegistry.Reply.status(503));

            assertThat(registry(Map.of()).verify(abc(ABC_NAME))).isEqualTo(new BusinessResult.Unavailable("http-503"));
        }

        @Test
        void thenARefusedConnectionIsUnavailable() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            BusinessRegistry registry = registry(Map.of("endpoint",
                    "http://127.0.0.1:" + closedPort + StubBusinessRegistry.PATH));

            assertThat(registry.verify(abc(ABC_NAME))).isEqualTo(new BusinessResult.Unavailable("connection-failed"));
        }

        @Test
        void thenTheBreakerOpensAfterTheThresholdAndTheRegistryIsNoLongerCalled() {
            server.answer(StubBusinessRegistry.Reply.status(503));
            BusinessRegistry registry = registry(Map.of("breakerFailures", "3", "breakerOpenSeconds", "30"));

            for (int i = 0; i < 3; i++) {
                assertThat(registry.verify(abc(ABC_NAME))).isEqualTo(new BusinessResult.Unavailable("http-503"));
            }
            assertThat(factory.getOperationalInfo()).containsEntry("circuit", "open");
            server.answer(StubBusinessRegistry.Reply.json(codeAnswer("01")));

            assertThat(registry.verify(abc(ABC_NAME))).isEqualTo(new BusinessResult.Unavailable("circuit-open"));
            assertThat(server.hits()).isEqualTo(3);
        }

        @Test
        void thenDefiniteAnswersKeepTheBreakerClosed() {
            server.answer(StubBusinessRegistry.Reply.json(recordAnswer(ABC_CODE, ABC_NAME, "TAM_NGUNG", null)));
            BusinessRegistry registry = registry(Map.of("breakerFailures", "2"));

            for (int i = 0; i < 4; i++) {
                assertThat(registry.verify(abc(ABC_NAME))).isEqualTo(new BusinessResult.Inactive("TAM_NGUNG"));
            }
            assertThat(factory.getOperationalInfo()).containsEntry("circuit", "closed");
            assertThat(server.hits()).isEqualTo(4);
        }
    }

    @Nested
    class GivenTheServerOptions {

        @Test
        void thenWithoutEndpointAndUnitCodeEveryVerificationIsNotConfigured() {
            DkkdJsonRegistryFactory neverInitialised = new DkkdJsonRegistryFactory();
            DkkdJsonRegistryFactory emptyScope = new DkkdJsonRegistryFactory();
            emptyScope.init(new MapScope(Map.of()));
            DkkdJsonRegistryFactory nullScope = new DkkdJsonRegistryFactory();
            nullScope.init(null);
            List<DkkdJsonRegistryFactory> factories = new ArrayList<>(List.of(neverInitialised, emptyScope, nullScope));
            for (Map<String, String> incomplete : List.of(
                    Map.of("endpoint", "https://dkkd.example.gov.vn/verify"),
                    Map.of("unitCode", "H00"),
                    Map.of("endpoint", "not a url", "unitCode", "H00"),
                    Map.of("endpoint", "ftp://dkkd.example.gov.vn/verify", "unitCode", "H00"))) {
                DkkdJsonRegistryFactory partlyConfigured = new DkkdJsonRegistryFactory();
                partlyConfigured.init(new MapScope(incomplete));
                factories.add(partlyConfigured);
            }

            for (DkkdJsonRegistryFactory unconfigured : factories) {
                assertThat(unconfigured.create(null).verify(abc(ABC_NAME)))
                        .isEqualTo(new BusinessResult.Unavailable("not-configured"));
                assertThat(unconfigured.getOperationalInfo()).containsEntry("configured", "false");
            }
            assertThat(server.hits()).isZero();
        }

        @Test
        void thenUnreadableNumbersFallBackToTheDefaults() {
            server.answer(StubBusinessRegistry.Reply.json(codeAnswer("01")));
            BusinessRegistry registry = registry(Map.of("readTimeoutMillis", "three seconds",
                    "connectTimeoutMillis", "-1", "breakerFailures", "99999999999", "breakerOpenSeconds", ""));

            assertThat(registry.verify(abc(ABC_NAME))).isEqualTo(new BusinessResult.NotFound());
        }

        @Test
        void thenTheMetadataListsEveryOptionWithHelpAndItsDefault() {
            List<ProviderConfigProperty> metadata = new DkkdJsonRegistryFactory().getConfigMetadata();

            assertThat(metadata).extracting(ProviderConfigProperty::getName).containsExactlyInAnyOrder("endpoint",
                    "unitCode", "token", "connectTimeoutMillis", "readTimeoutMillis", "breakerFailures",
                    "breakerOpenSeconds");
            assertThat(metadata).allSatisfy(property -> assertThat(property.getHelpText()).isNotBlank());
            assertThat(metadata).filteredOn(ProviderConfigProperty::isSecret)
                    .extracting(ProviderConfigProperty::getName).containsExactly("token");
            Map<String, Object> defaults = Map.of("connectTimeoutMillis", 2000, "readTimeoutMillis", 3000,
                    "breakerFailures", 5, "breakerOpenSeconds", 30);
            defaults.forEach((name, value) -> assertThat(metadata)
                    .filteredOn(property -> property.getName().equals(name))
                    .extracting(ProviderConfigProperty::getDefaultValue).containsExactly(value));
        }

        @Test
        void thenServerInfoShowsTheHostAndCircuitButNoToken() {
            DkkdJsonRegistryFactory configured = new DkkdJsonRegistryFactory();
            configured.init(new MapScope(Map.of("endpoint", "https://dkkd.example.gov.vn:8443/dkkd/verify",
                    "unitCode", "H00", "token", "top-secret-token")));
            DkkdJsonRegistryFactory withoutBreaker = new DkkdJsonRegistryFactory();
            withoutBreaker.init(new MapScope(Map.of("endpoint", "https://dkkd.example.gov.vn/dkkd/verify",
                    "unitCode", "H00", "breakerFailures", "0")));

            Map<String, String> info = configured.getOperationalInfo();

            assertThat(info).containsEntry("configured", "true").containsEntry("endpointHost", "dkkd.example.gov.vn")
                    .containsEntry("circuit", "closed").containsKey("version");
            assertThat(String.join(" ", info.values())).doesNotContain("top-secret-token");
            assertThat(withoutBreaker.getOperationalInfo()).containsEntry("circuit", "disabled");
        }

        @Test
        void thenTheSpiAndTheFactoryAreRegistered() throws IOException {
            BusinessRegistrySpi spi = new BusinessRegistrySpi();
            assertThat(spi.getName()).isEqualTo("vneid-business-registry");
            assertThat(spi.isInternal()).isFalse();
            assertThat(spi.getProviderClass()).isEqualTo(BusinessRegistry.class);
            assertThat(spi.getProviderFactoryClass()).isEqualTo(BusinessRegistryFactory.class);

            List<String> spis = new ArrayList<>();
            for (var url : Collections.list(getClass().getClassLoader()
                    .getResources("META-INF/services/org.keycloak.provider.Spi"))) {
                try (var in = url.openStream()) {
                    spis.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(String::strip).toList());
                }
            }
            assertThat(spis).contains(BusinessRegistrySpi.class.getName());
            assertThat(ServiceLoader.load(BusinessRegistryFactory.class)).extracting(BusinessRegistryFactory::getId)
                    .containsExactly(DkkdJsonRegistryFactory.PROVIDER_ID);
        }
    }
}

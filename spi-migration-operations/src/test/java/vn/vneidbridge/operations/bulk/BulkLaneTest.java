package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import vn.vneidbridge.cccd.registry.C06SoapRegistryFactory;
import vn.vneidbridge.cccd.registry.PopulationRegistry;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.cccd.registry.RegistryResult;

/**
 * Review finding F2 (docs/reviews/2026-12-05-bulk-pre-verification.md): a bulk job's calls refused for quota
 * (HTTP 429) must not open the circuit the logins' CCCD check goes through. Adapted from the review's
 * {@code reviewF2_theJobsQuotaRefusalsDoNotCloseTheRegistryToLogins}: the job side asks through the registry the
 * runner takes ({@link JobRegistry}).
 */
class BulkLaneTest {

    private HttpServer registryServer;
    private C06SoapRegistryFactory registries;

    @AfterEach
    void stop() {
        if (registries != null) {
            registries.close();
        }
        if (registryServer != null) {
            registryServer.stop(0);
        }
    }

    @Test
    void theJobsQuotaRefusalsDoNotCloseTheRegistryToLogins() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        registryServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registryServer.createContext("/c06", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(429, -1); // the unit's quota is used up by the job's burst
            exchange.close();
        });
        registryServer.start();
        registries = new C06SoapRegistryFactory();
        registries.init(new Options(Map.of("endpoint",
                "http://127.0.0.1:" + registryServer.getAddress().getPort() + "/c06", "unitCode", "H00",
                "cacheTtlSeconds", "0")));

        PopulationRegistry jobsRegistry = JobRegistry.of(registries);
        List<RegistryQuery> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(new RegistryQuery(String.format("0010901234%02d", i), "Nguyễn Văn An",
                    LocalDate.of(1990, 1, 2), Optional.empty(), Optional.empty()));
        }
        try (RegistryCalls calls = new RegistryCalls(1, 1_000)) {
            calls.ask(jobsRegistry, batch, () -> { });
        }
        int askedByTheJob = requests.get();

        PopulationRegistry loginsRegistry = registries.create(null);
        RegistryResult login = loginsRegistry.verify(new RegistryQuery("079190000001", "Tô Thị Nga",
                LocalDate.of(1990, 3, 15), Optional.empty(), Optional.empty()));

        assertThat(login).as("the job's refusals opened the circuit the logins share")
                .isNotEqualTo(new RegistryResult.Unavailable("circuit-open"));
        assertThat(requests.get()).as("the login reached the registry").isEqualTo(askedByTheJob + 1);
    }

    @Test
    void anUninstalledAdapterAnswersSoForEveryCall() {
        assertThat(JobRegistry.of(null).verify(new RegistryQuery("079190000001", "Tô Thị Nga",
                LocalDate.of(1990, 3, 15), Optional.empty(), Optional.empty())))
                .isEqualTo(new RegistryResult.Unavailable("not-installed"));
    }

    /** Server options from a map, as keycloak.conf gives them to a provider factory's init. */
    private record Options(Map<String, String> values) implements Config.Scope {
        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public String get(String key, String defaultValue) {
            return values.getOrDefault(key, defaultValue);
        }

        @Override
        public String[] getArray(String key) {
            String value = get(key);
            return value == null ? null : value.split(",");
        }

        @Override
        public Integer getInt(String key, Integer defaultValue) {
            String value = get(key);
            return value == null ? defaultValue : Integer.valueOf(value);
        }

        @Override
        public Long getLong(String key, Long defaultValue) {
            String value = get(key);
            return value == null ? defaultValue : Long.valueOf(value);
        }

        @Override
        public Boolean getBoolean(String key, Boolean defaultValue) {
            String value = get(key);
            return value == null ? defaultValue : Boolean.valueOf(value);
        }

        @Override
        public Config.Scope scope(String... scope) {
            return new Options(Map.of());
        }

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Config.Scope root() {
            return this;
        }
    }
}

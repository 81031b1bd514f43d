package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.provider.ProviderConfigProperty;

class RegistryFactoryConfigTest {

    private static final List<String> SHARED_OPTIONS = List.of("endpoint", "unitCode", "connectTimeoutMillis",
            "readTimeoutMillis", "cacheTtlSeconds", "breakerFailures", "breakerOpenSeconds", "bulkMaxRatePerSecond");

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of(C06SoapRegistryFactory.PROVIDER_ID, (Supplier<PopulationRegistryFactory>) C06SoapRegistryFactory::new),
                Arguments.of(LgspJsonRegistryFactory.PROVIDER_ID, (Supplier<PopulationRegistryFactory>) LgspJsonRegistryFactory::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void thenWithoutAnyConfigurationVerifyAnswersNotConfigured(String id, Supplier<PopulationRegistryFactory> newFactory) {
        PopulationRegistryFactory neverInitialised = newFactory.get();
        PopulationRegistryFactory emptyScope = newFactory.get();
        emptyScope.init(new MapScope(Map.of()));
        PopulationRegistryFactory nullScope = newFactory.get();
        nullScope.init(null);

        for (PopulationRegistryFactory factory : List.of(neverInitialised, emptyScope, nullScope)) {
            assertThat(factory.create(null).verify(Citizen.ngaQuery()))
                    .isEqualTo(new RegistryResult.Unavailable("not-configured"));
            assertThat(((org.keycloak.provider.ServerInfoAwareProviderFactory) factory).getOperationalInfo())
                    .containsEntry("configured", "false");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void thenAnIncompleteOrInvalidEndpointIsNotConfigured(String id, Supplier<PopulationRegistryFactory> newFactory) {
        for (Map<String, String> options : List.of(
                Map.of("endpoint", "https://registry.example.gov.vn/verify"),
                Map.of("unitCode", "H00"),
                Map.of("endpoint", "not a url", "unitCode", "H00"),
                Map.of("endpoint", "ftp://registry.example.gov.vn/verify", "unitCode", "H00"))) {
            PopulationRegistryFactory factory = newFactory.get();
            factory.init(new MapScope(options));

            assertThat(factory.create(null).verify(Citizen.ngaQuery()))
                    .isEqualTo(new RegistryResult.Unavailable("not-configured"));
        }
    }

    @Test
    void thenUnreadableNumbersFallBackToTheDefaults() throws IOException {
        try (StubRegistryServer server = new StubRegistryServer()) {
            server.answer(StubRegistryServer.Reply.of(200, "application/json", "{\"maKetQua\":\"01\"}"));
            LgspJsonRegistryFactory factory = new LgspJsonRegistryFactory();
            factory.init(new MapScope(Map.of("endpoint", server.url("/lgsp"), "unitCode", "H00",
                    "readTimeoutMillis", "three seconds", "connectTimeoutMillis", "-1", "cacheTtlSeconds", "",
                    "breakerFailures", "99999999999")));

            assertThat(factory.create(null).verify(Citizen.ngaQuery())).isEqualTo(new RegistryResult.NotFound());
        }
    }

    @Test
    void thenTheC06MetadataListsEveryOptionWithHelp() {
        List<String> expected = new ArrayList<>(SHARED_OPTIONS);
        expected.addAll(List.of("integrationCode", "officerCode", "user", "secret", "apiKey"));

        List<ProviderConfigProperty> metadata = new C06SoapRegistryFactory().getConfigMetadata();

        assertThat(metadata).extracting(ProviderConfigProperty::getName).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(metadata).allSatisfy(property -> assertThat(property.getHelpText()).isNotBlank());
        assertThat(metadata).filteredOn(ProviderConfigProperty::isSecret).extracting(ProviderConfigProperty::getName)
                .containsExactlyInAnyOrder("secret", "apiKey");
        assertThat(metadata).filteredOn(property -> property.getName().equals("officerCode"))
                .extracting(ProviderConfigProperty::getDefaultValue).containsExactly("vneid-bridge");
        assertDefaults(metadata);
    }

    @Test
    void thenTheLgspMetadataListsEveryOptionWithHelp() {
        List<String> expected = new ArrayList<>(SHARED_OPTIONS);
        expected.add("token");

        List<ProviderConfigProperty> metadata = new LgspJsonRegistryFactory().getConfigMetadata();

        assertThat(metadata).extracting(ProviderConfigProperty::getName).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(metadata).allSatisfy(property -> assertThat(property.getHelpText()).isNotBlank());
        assertThat(metadata).filteredOn(ProviderConfigProperty::isSecret).extracting(ProviderConfigProperty::getName)
                .containsExactly("token");
        assertDefaults(metadata);
    }

    @Test
    void thenServerInfoShowsTheHostAndCircuitButNoSecret() {
        C06SoapRegistryFactory factory = new C06SoapRegistryFactory();
        factory.init(new MapScope(Map.of("endpoint", "https://dancu.example.gov.vn:8443/c06/verify", "unitCode", "H00",
                "user", "portal-user", "secret", "top-secret", "apiKey", "the-api-key")));

        Map<String, String> info = factory.getOperationalInfo();

        assertThat(info).containsEntry("configured", "true").containsEntry("endpointHost", "dancu.example.gov.vn")
                .containsEntry("circuit", "closed").containsKey("version");
        assertThat(String.join(" ", info.values())).doesNotContain("top-secret", "the-api-key", "portal-user");
    }

    @Test
    void thenDisabledBreakerAndCacheAreShownAsSuch() {
        LgspJsonRegistryFactory factory = new LgspJsonRegistryFactory();
        factory.init(new MapScope(Map.of("endpoint", "https://lgsp.example.gov.vn/api", "unitCode", "H00",
                "breakerFailures", "0", "cacheTtlSeconds", "0")));

        assertThat(factory.getOperationalInfo()).containsEntry("circuit", "disabled")
                .containsEntry("cachedAnswers", "disabled");
    }

    @Test
    void thenTheSpiAndBothFactoriesAreRegistered() throws IOException {
        PopulationRegistrySpi spi = new PopulationRegistrySpi();
        assertThat(spi.getName()).isEqualTo("vneid-population-registry");
        assertThat(spi.isInternal()).isFalse();
        assertThat(spi.getProviderClass()).isEqualTo(PopulationRegistry.class);
        assertThat(spi.getProviderFactoryClass()).isEqualTo(PopulationRegistryFactory.class);

        assertThat(serviceLines("META-INF/services/org.keycloak.provider.Spi"))
                .contains(PopulationRegistrySpi.class.getName());
        assertThat(ServiceLoader.load(PopulationRegistryFactory.class)).extracting(PopulationRegistryFactory::getId)
                .containsExactlyInAnyOrder("c06-soap", "lgsp-json");
    }

    private static void assertDefaults(List<ProviderConfigProperty> metadata) {
        Map<String, Object> defaults = Map.of("connectTimeoutMillis", 2000, "readTimeoutMillis", 3000,
                "cacheTtlSeconds", 60, "breakerFailures", 5, "breakerOpenSeconds", 30);
        defaults.forEach((name, value) -> assertThat(metadata)
                .filteredOn(property -> property.getName().equals(name))
                .extracting(ProviderConfigProperty::getDefaultValue).containsExactly(value));
    }

    private static List<String> serviceLines(String resource) throws IOException {
        List<String> lines = new ArrayList<>();
        for (URL url : Collections.list(RegistryFactoryConfigTest.class.getClassLoader().getResources(resource))) {
            try (InputStream in = url.openStream()) {
                lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).toList());
            }
        }
        return lines;
    }
}

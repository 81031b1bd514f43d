package vn.vneidbridge.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLayoutTest {

    @TempDir
    Path tmp;
    Path distribution;
    Path bundle;

    @BeforeEach
    void distributionAndBundle() throws IOException {
        distribution = zip(tmp.resolve("keycloak-quarkus-dist-26.7.0.zip"), Map.of(
                "keycloak-26.7.0/bin/kc.sh", "#!/bin/sh\n",
                "keycloak-26.7.0/conf/keycloak.conf", "# stock\n",
                "keycloak-26.7.0/providers/README.md", "providers\n"));
        bundle = zip(tmp.resolve("providers.zip"), Map.of(
                "providers/vneid-bridge-core.jar", "core v1",
                "realms/dvc-realm.json", "{\"realm\":\"dvc\"}"));
    }

    @Nested
    class GivenANewInstance {

        @Test
        void thenTheDistributionIsUnpackedWithoutItsTopFolderAndTheScriptsAreExecutable() throws IOException {
            ServerLayout layout = new ServerLayout(config(bundle, Map.of()));
            layout.unpackDistribution();

            assertThat(layout.kcScript()).isRegularFile().isExecutable();
            assertThat(layout.home().resolve("providers/README.md")).isRegularFile();
        }

        @Test
        void thenTheFirstPrepareAsksForABuildAndWritesPortsAndOptions() throws IOException {
            ServerLayout layout = new ServerLayout(config(bundle, Map.of("db-kind-legacy", "dev-file")));
            layout.unpackDistribution();

            assertThat(layout.prepare()).isTrue();
            String conf = Files.readString(layout.home().resolve("conf/keycloak.conf"));
            assertThat(conf).contains("http-port=18080\n", "http-management-port=19000\n",
                    "db-kind-legacy=dev-file\n", "health-enabled=true\n", "hostname-strict=false\n");
            assertThat(layout.home().resolve("providers/vneid-bridge-core.jar")).hasContent("core v1");
            assertThat(layout.home().resolve("data/import/dvc-realm.json")).hasContent("{\"realm\":\"dvc\"}");
        }

        @Test
        void thenTheRealmsAreImportedWithTheConfiguredReplacements() throws IOException {
            Path realmWithUrl = zip(tmp.resolve("providers-with-url.zip"), Map.of(
                    "realms/dvc-realm.json", "{\"realm\":\"dvc\",\"issuer\":\"http://localhost:8080/realms/x\","
                            + "\"name\":\"Cổng\",\"other\":\"http://localhost:8080/realms/y\"}"));
            ServerLayout layout = new ServerLayout(KeycloakServerConfig.builder().name("node")
                    .distributionZip(distribution).providersBundle(realmWithUrl).serversDir(tmp.resolve("servers"))
                    .httpPort(18080).managementPort(19000)
                    .replaceInRealms("http://localhost:8080/", "http://localhost:18080/").build());
            layout.unpackDistribution();
            layout.prepare();

            assertThat(layout.home().resolve("data/import/dvc-realm.json")).usingCharset(StandardCharsets.UTF_8)
                    .hasContent("{\"realm\":\"dvc\",\"issuer\":\"http://localhost:18080/realms/x\","
                            + "\"name\":\"Cổng\",\"other\":\"http://localhost:18080/realms/y\"}");
        }
    }

    @Nested
    class GivenABuiltInstance {

        ServerLayout built(Path bundleZip, Map<String, String> buildOptions) throws IOException {
            ServerLayout layout = new ServerLayout(config(bundleZip, buildOptions));
            layout.unpackDistribution();
            layout.prepare();
            layout.markBuilt();
            return layout;
        }

        @Test
        void thenTheSameInputsSkipTheBuild() throws IOException {
            built(bundle, Map.of());

            assertThat(new ServerLayout(config(bundle, Map.of())).prepare()).isFalse();
        }

        @Test
        void thenAChangedProviderJarRebuilds() throws IOException {
            built(bundle, Map.of());
            Path changed = zip(tmp.resolve("providers-2.zip"), Map.of("providers/vneid-bridge-core.jar", "core v2"));

            ServerLayout layout = new ServerLayout(config(changed, Map.of()));
            assertThat(layout.prepare()).isTrue();
            assertThat(layout.home().resolve("providers/vneid-bridge-core.jar")).hasContent("core v2");
        }

        @Test
        void thenAChangedBuildOptionRebuildsButARuntimeOptionDoesNot() throws IOException {
            built(bundle, Map.of());

            assertThat(new ServerLayout(runtimeConfig(bundle, "log-level", "debug")).prepare()).isFalse();
            assertThat(new ServerLayout(config(bundle, Map.of("features", "passkeys"))).prepare()).isTrue();
        }

        @Test
        void thenFreshDataDropsTheDatabaseAndKeptDataKeepsIt() throws IOException {
            ServerLayout layout = built(bundle, Map.of());
            Path database = Files.createDirectories(layout.home().resolve("data/h2")).resolve("keycloakdb.mv.db");
            Files.writeString(database, "data");

            new ServerLayout(KeycloakServerConfig.builder().name("node").distributionZip(distribution)
                    .providersBundle(bundle).serversDir(tmp.resolve("servers")).httpPort(18080)
                    .managementPort(19000).freshData(false).build()).prepare();
            assertThat(database).exists();

            new ServerLayout(config(bundle, Map.of())).prepare();
            assertThat(database).doesNotExist();
        }
    }

    @Nested
    class GivenExtraBundles {

        Path sandbox;

        @BeforeEach
        void sandboxBundle() throws IOException {
            sandbox = zip(tmp.resolve("sandbox.zip"), Map.of(
                    "providers/vneid-bridge-sandbox-providers.jar", "stand-in v1",
                    "realms/dvc-realm.json", "{\"realm\":\"dvc\",\"sandbox\":true}",
                    "realms/vneid-sandbox-realm.json", "{\"realm\":\"vneid-sandbox\"}"));
        }

        ServerLayout prepared(KeycloakServerConfig config) throws IOException {
            ServerLayout layout = new ServerLayout(config);
            layout.unpackDistribution();
            layout.prepare();
            return layout;
        }

        @Test
        void thenTheirProvidersAreInstalledBesideTheProvidersBundlesAndTheirRealmsImported() throws IOException {
            ServerLayout layout = prepared(withBundles(sandbox));

            assertThat(layout.home().resolve("providers/vneid-bridge-core.jar")).hasContent("core v1");
            assertThat(layout.home().resolve("providers/vneid-bridge-sandbox-providers.jar")).hasContent("stand-in v1");
            assertThat(layout.home().resolve("data/import/vneid-sandbox-realm.json"))
                    .hasContent("{\"realm\":\"vneid-sandbox\"}");
        }

        @Test
        void thenALaterBundlesFileReplacesAnEarlierOneOfTheSameName() throws IOException {
            Path later = zip(tmp.resolve("later.zip"), Map.of(
                    "providers/vneid-bridge-sandbox-providers.jar", "stand-in v2",
                    "realms/dvc-realm.json", "{\"realm\":\"dvc\",\"later\":true}"));

            ServerLayout layout = prepared(withBundles(sandbox, later));

            assertThat(layout.home().resolve("data/import/dvc-realm.json"))
                    .hasContent("{\"realm\":\"dvc\",\"later\":true}");
            assertThat(layout.home().resolve("providers/vneid-bridge-sandbox-providers.jar")).hasContent("stand-in v2");
            assertThat(prepared(withBundles(later, sandbox)).home().resolve("data/import/dvc-realm.json"))
                    .hasContent("{\"realm\":\"dvc\",\"sandbox\":true}");
        }

        @Test
        void thenTheProvidersBundleAloneImportsItsOwnRealmAndInstallsNoSandboxProvider() throws IOException {
            prepared(withBundles(sandbox));

            ServerLayout layout = prepared(withBundles());

            assertThat(layout.home().resolve("data/import/dvc-realm.json")).hasContent("{\"realm\":\"dvc\"}");
            assertThat(layout.home().resolve("data/import/vneid-sandbox-realm.json")).doesNotExist();
            assertThat(layout.home().resolve("providers/vneid-bridge-sandbox-providers.jar")).doesNotExist();
        }

        @Test
        void thenTheirJarsArePartOfTheBuildFingerprint() throws IOException {
            ServerLayout layout = prepared(withBundles());
            layout.markBuilt();

            assertThat(new ServerLayout(withBundles(sandbox)).prepare()).as("sandbox bundle added").isTrue();
            new ServerLayout(withBundles(sandbox)).markBuilt();
            assertThat(new ServerLayout(withBundles(sandbox)).prepare()).as("same bundles").isFalse();
            Path changed = zip(tmp.resolve("sandbox-2.zip"), Map.of(
                    "providers/vneid-bridge-sandbox-providers.jar", "stand-in v2"));
            assertThat(new ServerLayout(withBundles(changed)).prepare()).as("its jar changed").isTrue();
        }

        private KeycloakServerConfig withBundles(Path... extra) {
            KeycloakServerConfig.Builder builder = KeycloakServerConfig.builder().name("node")
                    .distributionZip(distribution).providersBundle(bundle).serversDir(tmp.resolve("servers"))
                    .httpPort(18080).managementPort(19000);
            for (Path zip : extra) {
                builder.extraBundle(zip);
            }
            return builder.build();
        }
    }

    @Test
    void aZipEntryEscapingTheTargetIsRefused() throws IOException {
        Path evil = zip(tmp.resolve("evil.zip"), Map.of("../outside.txt", "x"));

        assertThatThrownBy(() -> ServerLayout.unzip(evil, tmp.resolve("target"), false, name -> true))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the target");
        assertThat(tmp.resolve("outside.txt")).doesNotExist();
    }

    private KeycloakServerConfig config(Path bundleZip, Map<String, String> buildOptions) {
        KeycloakServerConfig.Builder builder = KeycloakServerConfig.builder().name("node")
                .distributionZip(distribution).providersBundle(bundleZip).serversDir(tmp.resolve("servers"))
                .httpPort(18080).managementPort(19000);
        buildOptions.forEach(builder::buildOption);
        return builder.build();
    }

    private KeycloakServerConfig runtimeConfig(Path bundleZip, String key, String value) {
        return KeycloakServerConfig.builder().name("node").distributionZip(distribution).providersBundle(bundleZip)
                .serversDir(tmp.resolve("servers")).httpPort(18080).managementPort(19000)
                .runtimeOption(key, value).build();
    }

    private static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}

package vn.vneidbridge.distribution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything needed to lay out, build and start one Keycloak server from the distribution zip.
 *
 * <p>Build options (read by {@code kc.sh build}) and runtime options (read by {@code kc.sh start --optimized})
 * are kept apart: a change of a build option triggers a rebuild, a change of a runtime option does not.
 * Option names are Keycloak's own ({@code http-port}, {@code db-kind-legacy}, ...), written to
 * {@code conf/keycloak.conf}.</p>
 */
public final class KeycloakServerConfig {

    /**
     * Has HotSpot's C2 compiler inline BouncyCastle's Argon2 core (the Blake2b round) into its loop. Without it a
     * fresh JVM compiles that round one of two ways, and in about one JVM in three an Argon2id hash with Keycloak's
     * parameters costs three times the CPU (0.17-0.18 against 0.05-0.07 CPU-seconds on this machine, 2 threads;
     * the password login of stock Keycloak and ours alike, see docs/benchmarks.md). The option changes no result,
     * only which machine code runs. {@code quiet}: no line per command on the console.
     */
    public static final String ARGON2_INLINING = "-XX:CompileCommand=quiet"
            + " -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator::*";

    private final String name;
    private final Path distributionZip;
    private final Path serversDir;
    private final Optional<Path> providersBundle;
    private final List<Path> extraProviders;
    private final List<Path> extraBundles;
    private final int httpPort;
    private final int managementPort;
    private final Map<String, String> buildOptions;
    private final Map<String, String> runtimeOptions;
    private final Map<String, String> environment;
    private final Map<String, String> realmReplacements;
    private final String heapOptions;
    private final String jvmOptions;
    private final boolean freshData;
    private final boolean importRealms;
    private final Duration startTimeout;
    private final String adminUsername;
    private final String adminPassword;

    private KeycloakServerConfig(Builder b) {
        this.name = requireName(b.name);
        this.distributionZip = Objects.requireNonNull(b.distributionZip, "distributionZip");
        this.serversDir = Objects.requireNonNull(b.serversDir, "serversDir");
        this.providersBundle = Optional.ofNullable(b.providersBundle);
        this.extraProviders = List.copyOf(b.extraProviders);
        this.extraBundles = List.copyOf(b.extraBundles);
        this.httpPort = requirePort(b.httpPort, "httpPort");
        this.managementPort = requirePort(b.managementPort, "managementPort");
        if (httpPort == managementPort) {
            throw new IllegalArgumentException("httpPort and managementPort must differ: " + httpPort);
        }
        this.buildOptions = Collections.unmodifiableMap(new TreeMap<>(b.buildOptions));
        this.runtimeOptions = Collections.unmodifiableMap(new TreeMap<>(b.runtimeOptions));
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.realmReplacements = Collections.unmodifiableMap(new LinkedHashMap<>(b.realmReplacements));
        this.heapOptions = b.heapOptions;
        this.jvmOptions = b.jvmOptions;
        this.freshData = b.freshData;
        this.importRealms = b.importRealms;
        this.startTimeout = b.startTimeout;
        this.adminUsername = b.adminUsername;
        this.adminPassword = b.adminPassword;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Name of the instance: its directory under {@link #serversDir()}. */
    public String name() { return name; }
    public Path distributionZip() { return distributionZip; }
    public Path serversDir() { return serversDir; }
    /** Our providers and realms, as packaged by the distribution module; empty for a stock server. */
    public Optional<Path> providersBundle() { return providersBundle; }
    public List<Path> extraProviders() { return extraProviders; }
    /**
     * Bundles unpacked, in this order, over the {@linkplain #providersBundle() providers bundle}: their
     * {@code providers/*.jar} are installed too and their {@code realms/*.json} imported, a later bundle's file
     * replacing an earlier one of the same name (e.g. the sandbox bundle's realm {@code dvc} over the production one).
     */
    public List<Path> extraBundles() { return extraBundles; }
    public int httpPort() { return httpPort; }
    public int managementPort() { return managementPort; }
    public Map<String, String> buildOptions() { return buildOptions; }
    public Map<String, String> runtimeOptions() { return runtimeOptions; }
    /**
     * Environment variables of the Keycloak processes ({@code kc.sh build} and {@code kc.sh start}), e.g. the
     * values of the realm files' placeholders {@code ${DVC_...}}. Nothing else of the caller's {@code KC_*} and
     * {@code DVC_*} variables reaches them.
     */
    public Map<String, String> environment() { return environment; }
    /** Text replaced in the realm files before they are imported (target → replacement, in order). */
    public Map<String, String> realmReplacements() { return realmReplacements; }
    public String heapOptions() { return heapOptions; }
    /** Further options of the server's JVM ({@code JAVA_OPTS_APPEND}); {@link #ARGON2_INLINING} by default. */
    public String jvmOptions() { return jvmOptions; }
    public boolean freshData() { return freshData; }
    public boolean importRealms() { return importRealms; }
    public Duration startTimeout() { return startTimeout; }
    public String adminUsername() { return adminUsername; }
    public String adminPassword() { return adminPassword; }

    public Path instanceDir() {
        return serversDir.resolve(name);
    }

    private static String requireName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("server name must be lower-case letters, digits and dashes: " + name);
        }
        return name;
    }

    private static int requirePort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be a TCP port, was " + port);
        }
        return port;
    }

    /**
     * Keycloak's event logger ({@code jboss-logging}, a listener of realm {@code dvc}) writes error events at WARN
     * with their details: the username typed (a legacy username, or a CMND or CCCD typed as one), the VNeID
     * identity ({@code identity_provider_identity}, the id number) and the client address. At DEBUG they stay out
     * of the log at INFO and above; the events themselves are still saved in the realm's database and counted on
     * {@code /metrics} ({@code event-metrics-user-enabled}). Every server of this launcher has them (sandbox,
     * tests, benchmarks); see {@code docs/operators.md}, "Logs and personal data", for production.
     */
    public static final Map<String, String> EVENT_LOGGER_AT_DEBUG = Map.of(
            "spi-events-listener--jboss-logging--success-level", "debug",
            "spi-events-listener--jboss-logging--error-level", "debug");

    /** Builder with the defaults of a local, single-node server on H2. */
    public static final class Builder {
        private String name;
        private Path distributionZip;
        private Path serversDir;
        private Path providersBundle;
        private final List<Path> extraProviders = new ArrayList<>();
        private final List<Path> extraBundles = new ArrayList<>();
        private int httpPort;
        private int managementPort;
        private final Map<String, String> buildOptions = new LinkedHashMap<>();
        private final Map<String, String> runtimeOptions = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> realmReplacements = new LinkedHashMap<>();
        private String heapOptions = "-Xms128m -Xmx1024m";
        private String jvmOptions = ARGON2_INLINING;
        private boolean freshData = true;
        private boolean importRealms = true;
        private Duration startTimeout = Duration.ofMinutes(4);
        private String adminUsername = "admin";
        private String adminPassword = "admin";

        private Builder() {
            buildOptions.put("db", "dev-file");
            buildOptions.put("health-enabled", "true");
            buildOptions.put("metrics-enabled", "true");
            // failed logins counted by realm, event and error on /metrics, with no username or address in them
            buildOptions.put("event-metrics-user-enabled", "true");
            runtimeOptions.put("cache", "local");
            runtimeOptions.put("http-enabled", "true");
            runtimeOptions.put("hostname-strict", "false");
            runtimeOptions.put("log", "console");
            EVENT_LOGGER_AT_DEBUG.forEach(runtimeOptions::put);
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder distributionZip(Path zip) { this.distributionZip = zip; return this; }
        public Builder serversDir(Path dir) { this.serversDir = dir; return this; }
        public Builder providersBundle(Path zip) { this.providersBundle = zip; return this; }
        public Builder extraProvider(Path jar) { this.extraProviders.add(jar); return this; }
        /** Adds a bundle unpacked over the providers bundle and the bundles added before; see {@link #extraBundles()}. */
        public Builder extraBundle(Path zip) {
            this.extraBundles.add(Objects.requireNonNull(zip, "extraBundle"));
            return this;
        }
        public Builder httpPort(int port) { this.httpPort = port; return this; }
        public Builder managementPort(int port) { this.managementPort = port; return this; }
        public Builder buildOption(String key, String value) { put(buildOptions, key, value); return this; }
        public Builder runtimeOption(String key, String value) { put(runtimeOptions, key, value); return this; }
        /** Sets an environment variable of the Keycloak processes; a null value removes it. */
        public Builder environment(String key, String value) {
            if (key == null || !key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not an environment variable name: " + key);
            }
            put(environment, key, value);
            return this;
        }
        /**
         * Replaces every occurrence of {@code target} in the realm files before they are imported, e.g. the
         * sandbox's own URL when it runs on another port. Applies to realms imported by this start only.
         */
        public Builder replaceInRealms(String target, String replacement) {
            if (target == null || target.isEmpty() || replacement == null) {
                throw new IllegalArgumentException("a realm replacement needs a target and a replacement");
            }
            realmReplacements.put(target, replacement);
            return this;
        }
        public Builder heapOptions(String options) { this.heapOptions = options; return this; }
        /** Replaces {@link #jvmOptions()} ({@link #ARGON2_INLINING} by default); an empty string for none. */
        public Builder jvmOptions(String options) { this.jvmOptions = Objects.requireNonNull(options, "jvmOptions"); return this; }
        /** When true (the default) the server's database starts empty and the realms are imported anew. */
        public Builder freshData(boolean fresh) { this.freshData = fresh; return this; }
        public Builder importRealms(boolean importRealms) { this.importRealms = importRealms; return this; }
        public Builder startTimeout(Duration timeout) { this.startTimeout = timeout; return this; }
        public Builder admin(String username, String password) {
            this.adminUsername = username;
            this.adminPassword = password;
            return this;
        }

        private static void put(Map<String, String> options, String key, String value) {
            if (value == null) {
                options.remove(key);
            } else {
                options.put(key, value);
            }
        }

        public KeycloakServerConfig build() {
            return new KeycloakServerConfig(this);
        }
    }
}

package vn.vneidbridge.sandbox.cluster;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.distribution.Ports;
import vn.vneidbridge.sandbox.BusinessRegistryConnection;
import vn.vneidbridge.sandbox.PopulationRegistryConnection;
import vn.vneidbridge.sandbox.portal.DemoPortal;
import vn.vneidbridge.sandbox.portal.DemoPortalConfig;

/**
 * The production-shaped deployment on one machine: PostgreSQL, the population database and business registry
 * simulators (the latter on any free port, printed at the start), two Keycloak nodes ({@value #FIRST},
 * {@value #SECOND}) in one cluster, HAProxy in front of them over HTTPS, and the demo portal pointed at HAProxy.
 * Started in that order and stopped in the reverse one; a node can be killed, restarted, and both stopped and
 * started again (what the failover tests do).
 */
public final class Cluster implements AutoCloseable {

    public static final String FIRST = "node1";
    public static final String SECOND = "node2";

    private final ClusterOptions options;
    private final Map<String, String> nodeOptions;
    private final ClusterPorts ports;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, KeycloakServerConfig.Builder> configs = new LinkedHashMap<>();
    private final Map<String, KeycloakServer> nodes = new LinkedHashMap<>();
    private ClusterCertificates tls;
    private ClusterDatabase database;
    private PopulationRegistryConnection registry;
    private BusinessRegistryConnection businessRegistry;
    private Haproxy haproxy;
    private DemoPortal portal;

    /**
     * A cluster to start; {@code nodeOptions} are more Keycloak runtime options for both nodes (e.g. faster
     * webhook polling in tests).
     */
    public Cluster(ClusterOptions options, Map<String, String> nodeOptions) {
        this.options = options;
        this.nodeOptions = Map.copyOf(nodeOptions);
        this.ports = ClusterPorts.behind(options.lbPort());
    }

    /** Starts everything; on failure stops what was started and rethrows. */
    public Cluster start(PrintStream console) throws Exception {
        try {
            Ports.requireFree(options.lbPort(), "load balancer");
            Ports.requireFree(options.portalPort(), "demo portal");
            Ports.requireFree(options.registryPort(), "population database simulator");
            tls = ClusterCertificates.generate(options.serversDir().resolve("shared").resolve("tls"));
            ClusterTrust.install(tls.caPem());
            console.println("TLS: a certificate authority and a certificate for localhost generated in "
                    + tls.caPem().getParent());
            database = started(ClusterDatabase.start(options.serversDir().resolve("shared").resolve("postgres"), ports.postgres(),
                    !options.keepData()));
            console.println("PostgreSQL ready on port " + ports.postgres() + " (databases keycloak, legacy_portal).");
            registry = started(PopulationRegistryConnection.start(options.registryPort(), 0));
            console.println("Population database simulator: " + registry.simulator().baseUri());
            businessRegistry = started(BusinessRegistryConnection.start(0));
            console.println("Business registry simulator: " + businessRegistry.simulator().baseUri());
            configs.put(FIRST, nodeConfig(FIRST, ports.first()));
            configs.put(SECOND, nodeConfig(SECOND, ports.second()));
            console.println("Starting Keycloak " + FIRST + " (the first start builds the server, about a minute)…");
            startNode(FIRST, true);
            SharedBuild.copy(nodes.get(FIRST).config().instanceDir(), configs.get(SECOND).build().instanceDir());
            console.println("Starting Keycloak " + SECOND + " from the same build…");
            startNode(SECOND, false);
            haproxy = started(Haproxy.start(options.serversDir().resolve("shared").resolve("haproxy"), options.lbPort(), tls, List.of(
                    new HaproxyConfig.Backend(FIRST, ports.first().https(), ports.first().management()),
                    new HaproxyConfig.Backend(SECOND, ports.second().https(), ports.second().management()))));
            String portalHost = options.portalPort() == 8081 ? "localhost" : "127.0.0.1";
            portal = started(DemoPortal.start(DemoPortalConfig.sandbox(portalHost, options.portalPort(), publicUri())));
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Where everyone reaches Keycloak: HAProxy, e.g. {@code https://localhost:8443}. */
    public URI publicUri() {
        return URI.create("https://localhost:" + options.lbPort());
    }

    /** A node's own HTTPS address (behind HAProxy). */
    public URI nodeUri(String name) {
        return URI.create("https://localhost:" + configs.get(name).build().httpPort());
    }

    public KeycloakServer node(String name) {
        KeycloakServer node = nodes.get(name);
        if (node == null) {
            throw new IllegalStateException("node " + name + " is not running");
        }
        return node;
    }

    public ClusterPorts ports() {
        return ports;
    }

    public ClusterCertificates tls() {
        return tls;
    }

    public ClusterDatabase database() {
        return database;
    }

    public PopulationRegistryConnection registry() {
        return registry;
    }

    /** The business registry simulator both nodes call. */
    public BusinessRegistryConnection businessRegistry() {
        return businessRegistry;
    }

    public Haproxy haproxy() {
        return haproxy;
    }

    public DemoPortal portal() {
        return portal;
    }

    public KeycloakServerConfig config(String name) {
        return configs.get(name).build();
    }

    /**
     * Kills a node as a crash or a pulled plug would: its whole process tree at once, no shutdown, nothing
     * flushed or handed over.
     */
    public void kill(String name) {
        KeycloakServer node = nodes.remove(name);
        ProcessHandle.of(node.pid()).ifPresent(script -> {
            List<ProcessHandle> tree = script.descendants().toList();
            script.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
            tree.forEach(process -> process.onExit().join());
            script.onExit().join();
        });
        node.close();
        synchronized (running) {
            running.remove(node);
        }
    }

    /** Starts a node that was killed or stopped again; it joins the cluster (no realm import). */
    public KeycloakServer restart(String name) {
        if (nodes.containsKey(name)) {
            throw new IllegalStateException("node " + name + " is running");
        }
        return startNode(name, false);
    }

    /** Stops a node the ordinary way (SIGTERM, it leaves the cluster). */
    public void stop(String name) {
        KeycloakServer node = nodes.remove(name);
        node.close();
        synchronized (running) {
            running.remove(node);
        }
    }

    private KeycloakServer startNode(String name, boolean importRealms) {
        KeycloakServer node = started(KeycloakServer.start(configs.get(name).importRealms(importRealms).build()));
        nodes.put(name, node);
        return node;
    }

    private KeycloakServerConfig.Builder nodeConfig(String name, ClusterPorts.Node nodePorts) {
        KeycloakServerConfig.Builder builder = businessRegistry.configure(registry.configure(
                KeycloakNodes.node(name, nodePorts, options, tls, database, publicUri())));
        nodeOptions.forEach(builder::runtimeOption);
        return builder;
    }

    private <T extends AutoCloseable> T started(T part) {
        synchronized (running) {
            running.push(part);
        }
        return part;
    }

    /** Stops everything that runs, in the reverse order of the start. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (true) {
            AutoCloseable part;
            synchronized (running) {
                part = running.poll();
            }
            if (part == null) {
                break;
            }
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot stop every part of the cluster", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        nodes.clear();
        if (failure != null) {
            throw failure;
        }
    }
}

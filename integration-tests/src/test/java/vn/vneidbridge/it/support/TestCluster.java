package vn.vneidbridge.it.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.vneidbridge.sandbox.cluster.Cluster;
import vn.vneidbridge.sandbox.cluster.ClusterOptions;

/**
 * The cluster command's deployment — PostgreSQL, two Keycloak nodes, HAProxy over HTTPS in front, the demo portal —
 * started by the sandbox's own {@link Cluster} on free ports, once for the run when a test asks for
 * {@link LoadBalancedCluster}, stopped when the run ends. This JVM trusts the cluster's generated authority.
 */
public final class TestCluster implements ParameterResolver {

    private static final String LINK_WEBHOOK = "spi-events-listener--vneid-link-webhook--";

    /** The running cluster, and the admin API reached through HAProxy. */
    public record LoadBalancedCluster(Cluster cluster, AdminApi admin) {

        public URI publicUri() {
            return cluster.publicUri();
        }

        /** The admin API of one node, reached directly (not through HAProxy). */
        public AdminApi adminOn(String node) {
            return new AdminApi(cluster.nodeUri(node), "admin", "admin");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LoadBalancedCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("it-lb-cluster", key -> start(), Running.class).cluster();
    }

    private static Running start() {
        Path servers = Path.of(System.getProperty("keycloak.servers.dir", "target/keycloak-servers"));
        ClusterOptions options = new ClusterOptions(TestKeycloak.requiredFile("keycloak.dist.zip"),
                TestKeycloak.requiredFile("vneid.providers.bundle"), TestKeycloak.requiredFile("vneid.sandbox.bundle"),
                servers, TestKeycloak.freePort(), TestKeycloak.freePort(),
                TestKeycloak.freePort(), false);
        // link events: poll the outbox every second, retry after 1-3 s (defaults 5 s, 10 s-1 h)
        Cluster cluster = new Cluster(options, Map.of(
                LINK_WEBHOOK + "poll-seconds", "1",
                LINK_WEBHOOK + "initial-backoff-seconds", "1",
                LINK_WEBHOOK + "max-backoff-seconds", "3"));
        try {
            cluster.start(System.out);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the cluster behind HAProxy", e);
        }
        return new Running(new LoadBalancedCluster(cluster, new AdminApi(cluster.publicUri(), "admin", "admin")));
    }

    private record Running(LoadBalancedCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.cluster().close();
        }
    }
}

package vn.vneidbridge.sandbox.cluster;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The cluster command ({@code ./mvnw -Pcluster -DskipTests package}): the production-shaped deployment of
 * {@link Cluster} until Ctrl-C.
 */
public final class ClusterMain {

    private ClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        PrintStream console = System.out;
        ClusterOptions options;
        try {
            options = ClusterOptions.parse(args);
        } catch (IllegalArgumentException e) {
            console.println("cluster: " + e.getMessage());
            console.println(ClusterOptions.USAGE);
            System.exit(2);
            return;
        }
        Instant begin = Instant.now();
        Cluster cluster = new Cluster(options, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.println("\nStopping the cluster (demo portal, HAProxy, both nodes, simulator, PostgreSQL)…");
            cluster.close();
            stopped.countDown();
        }, "stop-cluster"));
        cluster.start(console);
        console.printf("Cluster ready in %d s.%n", Duration.between(begin, Instant.now()).toSeconds());
        printWelcome(cluster, console);
        stopped.await();
    }

    static void printWelcome(Cluster cluster, PrintStream console) {
        URI kc = cluster.publicUri();
        URI portal = cluster.portal().baseUri();
        console.println();
        console.println("VNeID Bridge cluster is running (two Keycloak nodes behind HAProxy). Ctrl-C stops everything.");
        console.println("  Keycloak through HAProxy:    " + kc + "/  (TLS: trust " + cluster.tls().caPem()
                + ", or accept the warning)");
        console.println("  Admin console:               " + kc + "/admin/  (admin / admin)");
        console.println("  Demo portal (dvcqg-portal):  " + portal + "/");
        console.println("  Realm dvc:                   " + kc + "/realms/dvc/.well-known/openid-configuration");
        console.println("  Stand-in VNeID:              " + kc + "/realms/vneid-sandbox/account");
        for (String name : new String[] {Cluster.FIRST, Cluster.SECOND}) {
            var node = cluster.node(name);
            console.println("  Keycloak " + name + ":              " + cluster.nodeUri(name) + "  health "
                    + node.managementUri() + "/health/ready, metrics " + node.managementUri() + "/metrics, log "
                    + node.logFile());
        }
        console.println("  HAProxy:                     " + cluster.haproxy().log() + " (cookie "
                + HaproxyConfig.ROUTE_COOKIE + " names the node that serves a browser)");
        console.println("  PostgreSQL:                  jdbc:postgresql://localhost:" + cluster.ports().postgres()
                + "/keycloak and /legacy_portal (postgres / postgres)");
        console.println("  Population DB simulator:     " + cluster.registry().simulator().baseUri());
        console.println("  Legacy portal accounts:      tothinga, nguyenvanan, tranvanbinh, tranvanbinh.hcm, phamminhduc,");
        console.println("                               quantri, congtyabc (password Sandbox@123)");
    }
}

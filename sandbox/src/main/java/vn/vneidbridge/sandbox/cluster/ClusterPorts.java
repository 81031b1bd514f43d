package vn.vneidbridge.sandbox.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * The ports of one cluster: the load balancer's (the only public one), and per node its HTTPS port, its
 * management port (health, metrics) and its Infinispan port, plus PostgreSQL's. The inner ones are free
 * ports picked at start: nobody but HAProxy and the nodes themselves needs to know them.
 */
public record ClusterPorts(int lb, int postgres, Node first, Node second) {

    /** One node's ports. */
    public record Node(int https, int management, int infinispan) {
    }

    /** The load balancer on {@code lb}, everything behind it on free ports. */
    public static ClusterPorts behind(int lb) {
        Set<Integer> taken = new HashSet<>(Set.of(lb));
        return new ClusterPorts(lb, free(taken),
                new Node(free(taken), free(taken), free(taken)),
                new Node(free(taken), free(taken), free(taken)));
    }

    /** A free port none of this cluster's other ports uses. */
    static int free(Set<Integer> taken) {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

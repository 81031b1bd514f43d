package vn.vneidbridge.sandbox.cluster;

import java.util.List;

/**
 * HAProxy's configuration for the cluster, as Keycloak's reverse-proxy guide asks: TLS on the public port,
 * re-encrypted to the nodes (their certificate checked against the cluster's authority), the client's address
 * and scheme in {@code X-Forwarded-*} headers HAProxy sets itself (whatever the client sent is dropped), a node
 * used only while its management port answers {@code /health/ready}, and a browser kept on one node by HAProxy's
 * own cookie ({@value #ROUTE_COOKIE}, the node's name) — sent to the other node when that one is down
 * ({@code option redispatch}), where the shared Infinispan caches and the database carry the login on.
 *
 * <p>When no node is ready, the nodes that are alive ({@code /health/live}) are used rather than none. That is the
 * case after the cluster's coordinator dies hard: the survivor's "Keycloak cluster health check" stays DOWN until
 * the dead coordinator's row in the JDBC_PING table is stale (Keycloak's {@code staleness_timeout}, 60 s), as it
 * cannot tell a crash from a network partition for that long. In a real partition one side stays ready, so the
 * other side gets no traffic.</p>
 */
public final class HaproxyConfig {

    /** HAProxy's stickiness cookie: its value is the name of the node that served the browser. */
    public static final String ROUTE_COOKIE = "KC_ROUTE";

    /** One node behind the load balancer. */
    public record Backend(String name, int httpsPort, int managementPort) {
    }

    private HaproxyConfig() {
    }

    static String render(int lbPort, ClusterCertificates tls, List<Backend> nodes) {
        StringBuilder cfg = new StringBuilder("""
                # Written by the VNeID Bridge cluster command at every start; edits are overwritten.
                global
                    log stdout format raw local0 notice
                    maxconn 4096
                    ssl-default-bind-options ssl-min-ver TLSv1.2
                    ssl-default-server-options ssl-min-ver TLSv1.2

                defaults
                    mode http
                    log global
                    option httplog
                    option dontlognull
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 10s
                    timeout check 5s
                    # a node that is down: try again, and on another node (the cookie's node is gone)
                    retries 3
                    option redispatch 1

                frontend keycloak
                """);
        cfg.append("    bind 127.0.0.1:").append(lbPort).append(" ssl crt ").append(tls.haproxyPem())
                .append(" alpn http/1.1\n");
        cfg.append("""
                    # only what HAProxy saw reaches Keycloak (--proxy-headers=xforwarded trusts 127.0.0.1 only)
                    http-request del-header Forwarded
                    http-request del-header X-Forwarded-For
                    http-request del-header X-Forwarded-Host
                    http-request del-header X-Forwarded-Port
                    http-request del-header X-Forwarded-Proto
                    option forwardfor
                    http-request set-header X-Forwarded-Proto https
                    http-request set-header X-Forwarded-Host %[req.hdr(host)]
                """);
        cfg.append("    http-request set-header X-Forwarded-Port ").append(lbPort).append('\n');
        cfg.append("""
                    http-response set-header Strict-Transport-Security "max-age=31536000"
                    # the nodes that are ready; only when none is, the nodes that are alive (see the class comment)
                    use_backend keycloak-nodes-alive if { nbsrv(keycloak-nodes) eq 0 }
                    default_backend keycloak-nodes
                """);
        backend(cfg, "keycloak-nodes", "/health/ready", tls, nodes);
        backend(cfg, "keycloak-nodes-alive", "/health/live", tls, nodes);
        return cfg.toString();
    }

    private static void backend(StringBuilder cfg, String name, String health, ClusterCertificates tls,
                                List<Backend> nodes) {
        cfg.append("\nbackend ").append(name).append('\n');
        cfg.append("    balance roundrobin\n");
        cfg.append("    option httpchk GET ").append(health).append('\n');
        cfg.append("    http-check expect status 200\n");
        cfg.append("    cookie ").append(ROUTE_COOKIE).append(" insert indirect nocache httponly secure attr \"SameSite=None\"\n");
        cfg.append("    default-server inter 1s fall 2 rise 2 ssl verify required ca-file ").append(tls.caPem())
                .append(" sni str(localhost) verifyhost localhost\n");
        for (Backend node : nodes) {
            cfg.append("    server ").append(node.name()).append(" 127.0.0.1:").append(node.httpsPort())
                    .append(" check port ").append(node.managementPort()).append(" no-check-ssl cookie ")
                    .append(node.name()).append('\n');
        }
    }
}

package vn.vneidbridge.sandbox.cluster;

import java.net.URI;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/**
 * The configuration of one Keycloak node of the cluster, as an operator runs it: {@code start --optimized} from
 * the build both nodes share, Keycloak's database on PostgreSQL, embedded Infinispan ({@code --cache=ispn}) on
 * 127.0.0.1, HTTPS only with the cluster's certificate, the load balancer's URL as {@code --hostname}, the
 * client's address from HAProxy's {@code X-Forwarded-*} headers (trusted from 127.0.0.1 only), health and
 * metrics on the management port (plain HTTP, reached by HAProxy's health check only).
 */
final class KeycloakNodes {

    private KeycloakNodes() {
    }

    static KeycloakServerConfig.Builder node(String name, ClusterPorts.Node ports, ClusterOptions options,
                                             ClusterCertificates tls, ClusterDatabase database, URI publicBase) {
        KeycloakServerConfig.Builder node = KeycloakServerConfig.builder()
                .name(name)
                .distributionZip(options.keycloakZip())
                .serversDir(options.serversDir())
                // the launcher's HTTP port is the node's HTTPS port: plain HTTP is off
                .httpPort(ports.https())
                .managementPort(ports.management())
                .heapOptions("-Xms128m -Xmx768m")
                .freshData(false)
                .buildOption("cache", "ispn")
                .runtimeOption("cache", "ispn")
                .runtimeOption("cache-embedded-network-bind-address", "127.0.0.1")
                .runtimeOption("cache-embedded-network-bind-port", String.valueOf(ports.infinispan()))
                .runtimeOption("http-enabled", "false")
                .runtimeOption("https-port", String.valueOf(ports.https()))
                .runtimeOption("https-certificate-file", tls.certPem().toString())
                .runtimeOption("https-certificate-key-file", tls.keyPem().toString())
                .runtimeOption("http-management-scheme", "http")
                .runtimeOption("hostname", publicBase.toString())
                .runtimeOption("hostname-strict", null)
                .runtimeOption("proxy-headers", "xforwarded")
                .runtimeOption("proxy-trusted-addresses", "127.0.0.1")
                // outgoing calls (realm dvc to the stand-in VNeID through HAProxy) trust the cluster's authority
                .runtimeOption("truststore-paths", tls.caPem().toString())
                // HAProxy keeps a browser on its node with its own cookie: no node name in AUTH_SESSION_ID
                .runtimeOption("spi-sticky-session-encoder--infinispan--should-attach-route", "false");
        return ClusterRealm.configure(database.configure(node), options, publicBase);
    }
}

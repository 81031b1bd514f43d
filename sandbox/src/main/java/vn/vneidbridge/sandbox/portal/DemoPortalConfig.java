package vn.vneidbridge.sandbox.portal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the demo portal listens and which Keycloak realm and clients it uses.
 *
 * @param host            the host name the browser uses for the portal: {@code localhost} in the sandbox;
 *                        {@code 127.0.0.1} lets any port be used with the sandbox clients (RFC 8252)
 * @param port            the portal's port on the loopback interface (8081 in the sandbox)
 * @param keycloakBaseUri e.g. {@code http://localhost:8080}
 * @param realm           the portals' realm, {@code dvc}
 * @param clients         client id → portal name shown on the page, in display order; the first is the default
 * @param clientSecrets   client id → its secret (each portal has its own: it also signs that portal's link webhooks)
 */
public record DemoPortalConfig(String host, int port, URI keycloakBaseUri, String realm, Map<String, String> clients,
                               Map<String, String> clientSecrets) {

    public DemoPortalConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(keycloakBaseUri, "keycloakBaseUri");
        Objects.requireNonNull(realm, "realm");
        if (clients == null || clients.isEmpty()) {
            throw new IllegalArgumentException("at least one client is needed");
        }
        if (clientSecrets == null || !clientSecrets.keySet().containsAll(clients.keySet())) {
            throw new IllegalArgumentException("every client needs its secret");
        }
        clients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clients));
        clientSecrets = Map.copyOf(clientSecrets);
    }

    /** The sandbox's portals, as in {@code shared/design/sandbox.md}. */
    public static DemoPortalConfig sandbox(String host, int port, URI keycloakBaseUri) {
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("dvcqg-portal", "Cổng Dịch vụ công quốc gia");
        clients.put("dvc-hatinh-web", "Cổng Dịch vụ công tỉnh Hà Tĩnh");
        clients.put("dvc-binhduong-web", "Cổng Dịch vụ công tỉnh Bình Dương");
        clients.put("dvc-binhdinh-web", "Cổng Dịch vụ công tỉnh Bình Định");
        clients.put("dvc-lylichtuphap-web", "Cấp Phiếu lý lịch tư pháp trực tuyến (yêu cầu VNeID mức độ 2)");
        Map<String, String> secrets = Map.of(
                "dvcqg-portal", "sandbox-secret",
                "dvc-hatinh-web", "sandbox-secret-hatinh",
                "dvc-binhduong-web", "sandbox-secret-binhduong",
                "dvc-binhdinh-web", "sandbox-secret-binhdinh",
                "dvc-lylichtuphap-web", "sandbox-secret-lylichtuphap");
        return new DemoPortalConfig(host, port, keycloakBaseUri, "dvc", clients, secrets);
    }

    /** The secret of one of {@link #clients()}. */
    public String clientSecret(String clientId) {
        String secret = clientSecrets.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("not a client of this portal: " + clientId);
        }
        return secret;
    }

    public String defaultClient() {
        return clients.keySet().iterator().next();
    }

    public URI issuer() {
        return URI.create(keycloakBaseUri.toString().replaceAll("/+$", "") + "/realms/" + realm);
    }

    public URI baseUri() {
        return URI.create("http://" + host + ":" + port);
    }
}

package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.http.simple.SimpleHttpResponse;

/** The delivery client against real HTTP servers on this machine's loopback. */
class WebhookClientTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer portal;
    private HttpServer internal;

    @BeforeEach
    void servers() throws IOException {
        internal = server("internal");
        portal = server("portal");
        portal.removeContext("/");
        portal.createContext("/", exchange -> {
            received.add("portal " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Location", url(internal, "/admin/secret"));
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
    }

    @AfterEach
    void stop() {
        portal.stop(0);
        internal.stop(0);
    }

    @Nested
    class GivenTheServerAllowsPrivateAddresses {

        @Test
        void thenARedirectIsAnAnswerNotARequestToItsTarget() throws Exception {
            try (WebhookClient client = client(true);
                 SimpleHttpResponse response = post(client, url(portal, "/hook"))) {
                assertThat(response.getStatus()).isEqualTo(307);
            }
            assertThat(received).containsExactly("portal POST /hook");
        }
    }

    @Nested
    class GivenTheServerDoesNotAllowPrivateAddresses {

        @Test
        void thenALoopbackWebhookIsRefusedBeforeAnyConnection() throws Exception {
            try (WebhookClient client = client(false)) {
                assertThatThrownBy(() -> post(client, url(portal, "/hook")).close())
                        .isInstanceOf(WebhookAddresses.Refused.class).hasMessageContaining("loopback");
                assertThatThrownBy(() -> post(client, "http://localhost:" + portal.getAddress().getPort() + "/hook")
                        .close()).isInstanceOf(WebhookAddresses.Refused.class);
                assertThatThrownBy(() -> post(client, "http://2130706433:" + portal.getAddress().getPort() + "/hook")
                        .close()).isInstanceOf(WebhookAddresses.Refused.class);
            }
            assertThat(received).isEmpty();
        }
    }

    private static WebhookClient client(boolean allowPrivate) {
        return WebhookClient.create((org.keycloak.truststore.TruststoreProvider) null,
                new OutboxSettings(5, 10, 3600, 15, 20, 2000, 2000, allowPrivate));
    }

    private static SimpleHttpResponse post(WebhookClient client, String url) throws IOException {
        return client.post(url).entity(new StringEntity("{}", ContentType.APPLICATION_JSON)).asResponse();
    }

    private HttpServer server(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}

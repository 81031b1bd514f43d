package vn.vneidbridge.operations.outbox;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.keycloak.connections.httpclient.HttpClientBuilder;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.truststore.TruststoreProvider;

/**
 * The HTTP client of the webhook deliveries, built with Keycloak's {@link HttpClientBuilder} and Keycloak's
 * truststore like its shared client, with three differences: every connection resolves its host through
 * {@link WebhookAddresses#guard} (so the address checked is the address connected to), redirects are never
 * followed, and it connects directly — a proxy would resolve the name itself, out of reach of the check.
 */
final class WebhookClient implements Closeable {

    private final CloseableHttpClient http;
    private final RequestConfig requestConfig;

    private WebhookClient(CloseableHttpClient http, RequestConfig requestConfig) {
        this.http = http;
        this.requestConfig = requestConfig;
    }

    static WebhookClient create(KeycloakSession session, OutboxSettings settings) {
        return create(session.getProvider(TruststoreProvider.class), settings);
    }

    /** {@code truststore} null: the JVM's default trust. */
    static WebhookClient create(TruststoreProvider truststore, OutboxSettings settings) {
        HttpClientBuilder builder = new HttpClientBuilder(HttpClients.custom()
                .setDnsResolver(WebhookAddresses.guard(settings.allowPrivateAddresses(), WebhookAddresses.SYSTEM)))
                .establishConnectionTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .connectionRequestTimeout(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .socketTimeout(settings.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .connectionPoolSize(8)
                .maxPooledPerRoute(2)
                .disableCookies(true)
                .disableRedirectHandling();
        if (truststore != null && truststore.getTruststore() != null) {
            builder.hostnameVerification(truststore.getPolicy()).trustStore(truststore.getTruststore());
        }
        RequestConfig requestConfig = RequestConfig.custom().setConnectTimeout(settings.connectTimeoutMillis())
                .setConnectionRequestTimeout(settings.connectTimeoutMillis())
                .setSocketTimeout(settings.readTimeoutMillis())
                .setRedirectsEnabled(false).build();
        return new WebhookClient(builder.build(), requestConfig);
    }

    /** A POST to the URL through this client. */
    SimpleHttpRequest post(String url) {
        return SimpleHttp.create(http).withRequestConfig(requestConfig).doPost(url);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}

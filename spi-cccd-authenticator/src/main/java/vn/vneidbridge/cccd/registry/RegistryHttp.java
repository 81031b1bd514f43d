package vn.vneidbridge.cccd.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.vneidbridge.core.http.BoundedBodySubscriber;

/**
 * One pooled HTTP client per provider factory. Every call is bounded by the read timeout, body included,
 * and every way it can fail becomes a {@link RegistryFailure} with a short reason. Public because the business registry
 * ({@code vn.vneidbridge.organisation.registry}) shares it.
 */
public final class RegistryHttp {

    /** Registry answers are a few kilobytes; anything near this is not one. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final HttpClient client;
    private final Duration readTimeout;

    private RegistryHttp(HttpClient client, Duration readTimeout) {
        this.client = client;
        this.readTimeout = readTimeout;
    }

    public static RegistryHttp create(Duration connectTimeout, Duration readTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new RegistryHttp(client, readTimeout);
    }

    /** Sends the request and waits at most the read timeout for the whole answer. */
    public HttpReply send(HttpRequest.Builder request) throws RegistryFailure {
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(
                request.timeout(readTimeout).build(), BoundedBodySubscriber.handler(MAX_RESPONSE_BYTES));
        try {
            HttpResponse<byte[]> response = pending.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new HttpReply(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new RegistryFailure("timeout");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new RegistryFailure("interrupted");
        } catch (ExecutionException e) {
            throw new RegistryFailure(reasonFor(e.getCause()));
        }
    }

    private static String reasonFor(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect-timeout";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof BoundedBodySubscriber.TooLargeException) {
            return "response-too-large";
        }
        if (cause instanceof ConnectException) {
            return "connection-failed";
        }
        return cause instanceof IOException ? "io-error" : "internal-error";
    }
}

package vn.vneidbridge.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array, giving up once it grows past a limit: for the answers of services the
 * bridge calls (the population registry, the CAs' revocation lists), which must not fill the heap.
 */
public final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was larger than the limit. */
    public static final class TooLargeException extends IOException {
        TooLargeException() {
            super("response body too large");
        }
    }

    private final int limit;
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBodySubscriber(int limit) {
        this.limit = limit;
    }

    public static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        return responseInfo -> new BoundedBodySubscriber(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (collected.size() + (long) buffer.remaining() > limit) {
                subscription.cancel();
                body.completeExceptionally(new TooLargeException());
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            collected.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        body.complete(collected.toByteArray());
    }
}

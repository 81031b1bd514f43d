package vn.vneidbridge.vneid.partner;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;

/** What one HTTP call to VNeID's partner API gave: an answer (status and capped body), or why there is none. */
public sealed interface PartnerHttpResult {

    /** The most of a body that is read: VNeID's envelopes are a few kilobytes. */
    int MAX_BODY_BYTES = 64 * 1024;

    record Answer(int status, String body) implements PartnerHttpResult {
    }

    record Failed(Failure failure) implements PartnerHttpResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    enum Failure {
        /** Keycloak's HTTP client gave up waiting (connect or socket timeout). */
        TIMEOUT,
        /** The body was larger than {@link #MAX_BODY_BYTES}. */
        OVERSIZED,
        /** Connection refused, reset, TLS failure, ... */
        UNREACHABLE
    }

    /**
     * The failure an I/O exception of Keycloak's {@code SimpleHttp} means. Its size cap throws a plain
     * {@link IOException} whose message says "max bytes to be consumed" ({@code SafeInputStream}); timeouts are
     * {@link InterruptedIOException}s ({@code SocketTimeoutException}, Apache's {@code ConnectTimeoutException}).
     */
    static Failure of(IOException e) {
        if (e instanceof InterruptedIOException) {
            return Failure.TIMEOUT;
        }
        String message = e.getMessage();
        if (message != null && message.contains("max bytes to be consumed")) {
            return Failure.OVERSIZED;
        }
        return Failure.UNREACHABLE;
    }
}

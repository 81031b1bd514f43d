package vn.vneidbridge.sandbox.registry;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads request bodies up to a limit, never the whole of a huge one.
 *
 * <p>A body over the limit is refused, but up to {@value #DISCARD_LIMIT} bytes of it are still read and dropped
 * first: a client that is still sending when the server closes the connection gets a TCP reset, which can destroy
 * the 413 answer before the client reads it. A body declared larger than that is not read at all.
 */
public final class RequestBodies {

    /** How much of a refused body is read and dropped so that the client sees the 413. */
    static final int DISCARD_LIMIT = 1 << 20;

    private RequestBodies() {
    }

    /**
     * A body that must be one JSON object, strictly UTF-8 (the JSON simulators' requests).
     *
     * @throws IllegalArgumentException with a fixed description, never the body's text, for anything else
     */
    public static Map<String, Object> jsonObject(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the body is not UTF-8");
        }
        if (!text.strip().startsWith("{")) {
            // the parser would read an array of pairs as a map
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
    }

    /** The whole body when it has at most {@code maxBytes}, else empty (see the class comment). */
    public static Optional<byte[]> readAtMost(HttpExchange exchange, int maxBytes) throws IOException {
        InputStream in = exchange.getRequestBody();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = length == null ? -1 : declaredLength(length);
        if (declared > maxBytes) {
            if (declared <= DISCARD_LIMIT) {
                discard(in, DISCARD_LIMIT);
            }
            return Optional.empty();
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            discard(in, DISCARD_LIMIT);
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private static void discard(InputStream in, int limit) throws IOException {
        byte[] buffer = new byte[8192];
        for (int total = 0, read; total < limit
                && (read = in.read(buffer, 0, Math.min(buffer.length, limit - total))) >= 0; total += read) {
            // dropped
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}

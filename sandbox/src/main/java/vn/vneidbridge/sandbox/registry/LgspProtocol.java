package vn.vneidbridge.sandbox.registry;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The LGSP gateway's JSON over HTTP: messages by {@link LgspJsonCodec}; when a token is configured, requests must
 * carry {@code Authorization: Bearer <token>}.
 */
final class LgspProtocol implements RegistryProtocol {

    private final Optional<String> token;

    LgspProtocol(Optional<String> token) {
        this.token = token;
    }

    @Override
    public String name() {
        return "LGSP";
    }

    @Override
    public boolean authorized(HttpExchange exchange, URI baseUri) {
        if (token.isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SimulatorResponse unauthorized() {
        return SimulatorResponse.json(401, Map.of("error", "unauthorized"))
                .withHeader("WWW-Authenticate", "Bearer realm=\"lgsp\"");
    }

    @Override
    public VerificationRequest parse(byte[] body) throws MalformedRequestException {
        return LgspJsonCodec.parseRequest(body);
    }

    @Override
    public SimulatorResponse answer(VerificationAnswer answer) {
        return SimulatorResponse.of(200, SimulatorResponse.JSON, LgspJsonCodec.answer(answer));
    }

    @Override
    public SimulatorResponse failure(int status) {
        return SimulatorResponse.json(status, Map.of("error", "simulated failure"));
    }
}

package vn.vneidbridge.sandbox.registry;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * The test switches under {@code /_simulator/}: {@code POST mode} (and {@code GET mode}), {@code GET stats},
 * {@code POST reset}. Never delayed or failed by the mode.
 */
final class ControlEndpoint {

    static final String MODE = "/_simulator/mode";
    static final String STATS = "/_simulator/stats";
    static final String RESET = "/_simulator/reset";

    private static final Logger LOG = System.getLogger(ControlEndpoint.class.getName());
    private static final int MAX_BODY_BYTES = 4096;

    private final SimulatorState state;

    ControlEndpoint(SimulatorState state) {
        this.state = state;
    }

    /** The answer for a control path and method; empty when the path is not a control path. */
    Optional<SimulatorResponse> respond(String path, String method, HttpExchange exchange) throws IOException {
        switch (path) {
            case MODE:
                if (method.equals("GET")) {
                    return Optional.of(SimulatorResponse.json(200, state.mode().toJson()));
                }
                return Optional.of(method.equals("POST") ? changeMode(exchange) : notAllowed("GET, POST"));
            case STATS:
                return Optional.of(method.equals("GET")
                        ? SimulatorResponse.json(200, Map.of("requests", state.requests())) : notAllowed("GET"));
            case RESET:
                if (!method.equals("POST")) {
                    return Optional.of(notAllowed("POST"));
                }
                state.reset();
                LOG.log(Level.INFO, "population registry simulator reset");
                return Optional.of(SimulatorResponse.json(200, state.mode().toJson()));
            default:
                return Optional.empty();
        }
    }

    private SimulatorResponse changeMode(HttpExchange exchange) throws IOException {
        Optional<byte[]> body = RequestBodies.readAtMost(exchange, MAX_BODY_BYTES);
        if (body.isEmpty()) {
            return SimulatorResponse.text(413, "request body too large").withHeader("Connection", "close");
        }
        try {
            SimulatorMode mode = state.change(LgspJsonCodec.parseObject(body.get()));
            LOG.log(Level.INFO, "population registry simulator mode: {0}", mode);
            return SimulatorResponse.json(200, mode.toJson());
        } catch (MalformedRequestException e) {
            return SimulatorResponse.text(400, "malformed mode: " + e.getMessage());
        }
    }

    static SimulatorResponse notAllowed(String allow) {
        return SimulatorResponse.text(405, "method not allowed").withHeader("Allow", allow);
    }
}

package vn.vneidbridge.sandbox.registry;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One verification endpoint: counts the request, builds the answer at once (413, the {@code failWithStatus}
 * failure, 401, 400 or the registry's answer, in that order) and sends it after the mode's delay. A delayed answer
 * waits on a scheduler, not on a thread, so any number of delayed requests leave the server free.
 */
final class VerificationEndpoint {

    private static final Logger LOG = System.getLogger(VerificationEndpoint.class.getName());

    private final RegistryProtocol protocol;
    private final PopulationDatabase database;
    private final SimulatorState state;
    private final ScheduledExecutorService scheduler;
    private final URI baseUri;
    private final int maxBodyBytes;

    VerificationEndpoint(RegistryProtocol protocol, PopulationDatabase database, SimulatorState state,
            ScheduledExecutorService scheduler, URI baseUri, int maxBodyBytes) {
        this.protocol = protocol;
        this.database = database;
        this.state = state;
        this.scheduler = scheduler;
        this.baseUri = baseUri;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Answers the exchange, now or later, and closes it. */
    void handle(HttpExchange exchange) throws IOException {
        state.countRequest();
        SimulatorMode mode = state.mode();
        SimulatorResponse response = respond(exchange, mode);
        if (mode.delayMillis() == 0) {
            response.sendAndClose(exchange);
            return;
        }
        try {
            scheduler.schedule(() -> send(exchange, response), mode.delayMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    private SimulatorResponse respond(HttpExchange exchange, SimulatorMode mode) throws IOException {
        Optional<byte[]> body = RequestBodies.readAtMost(exchange, maxBodyBytes);
        if (body.isEmpty()) {
            return SimulatorResponse.text(413, "request body larger than " + maxBodyBytes + " bytes")
                    .withHeader("Connection", "close");
        }
        if (mode.failWithStatus() != 0) {
            return protocol.failure(mode.failWithStatus());
        }
        if (!protocol.authorized(exchange, baseUri)) {
            LOG.log(Level.DEBUG, "{0} request refused: missing or wrong credentials", protocol.name());
            return protocol.unauthorized();
        }
        VerificationRequest request;
        try {
            request = protocol.parse(body.get());
        } catch (MalformedRequestException e) {
            LOG.log(Level.DEBUG, "{0} request malformed: {1}", protocol.name(), e.getMessage());
            return SimulatorResponse.text(400, "malformed request: " + e.getMessage());
        }
        VerificationAnswer answer = VerificationAnswer.answer(request, database, mode.bareMatchFlag());
        LOG.log(Level.DEBUG, "{0} verification of {1}: {2}{3}", protocol.name(),
                RegistryFormats.mask(request.idNumber()), answer.resultCode(),
                answer.matchFlag().map(flag -> ", matches " + flag).orElse(""));
        return protocol.answer(answer);
    }

    private static void send(HttpExchange exchange, SimulatorResponse response) {
        try {
            response.sendAndClose(exchange);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "delayed answer not delivered: {0}", e.toString());
        }
    }
}

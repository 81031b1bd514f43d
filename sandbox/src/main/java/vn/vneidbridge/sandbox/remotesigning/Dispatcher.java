package vn.vneidbridge.sandbox.remotesigning;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.vneidbridge.sandbox.registry.RequestBodies;

/**
 * Sends each request of the stand-in where it belongs: {@code /sca/sp769/…} to {@link SmartCaApi} (counted, and
 * failed or held back by the {@link Mode}), {@code /phone/…} to the {@link Phone}, {@code /_simulator/…} to the
 * {@link SimulatorControls} for loopback clients only. A body over {@link SmartCaStandIn#MAX_BODY_BYTES} is 413.
 */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final SmartCaApi api;
    private final Phone phone;
    private final SimulatorControls controls;
    private final Switches switches;
    private final ScheduledExecutorService scheduler;

    Dispatcher(SmartCaApi api, Phone phone, SimulatorControls controls, Switches switches,
               ScheduledExecutorService scheduler) {
        this.api = api;
        this.phone = phone;
        this.controls = controls;
        this.switches = switches;
        this.scheduler = scheduler;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals(SmartCaApi.BASE) || path.startsWith(SmartCaApi.BASE + "/")) {
                callApi(exchange, path, method);
                return;
            }
            Optional<byte[]> body = RequestBodies.readAtMost(exchange, SmartCaStandIn.MAX_BODY_BYTES);
            Answer answer;
            if (body.isEmpty()) {
                answer = Answer.text(413, "request body too large").withHeader("Connection", "close");
            } else if (path.startsWith(Phone.PREFIX)) {
                answer = phone.answer(path, method, body.get());
            } else if (path.startsWith(SimulatorControls.PREFIX)) {
                answer = exchange.getRemoteAddress().getAddress().isLoopbackAddress()
                        ? controls.answer(path, method, body.get()) : Answer.text(403, "loopback only");
            } else {
                answer = Answer.text(404, "not found");
            }
            answer.sendAndClose(exchange);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "VNPT SmartCA stand-in: client went away: {0}", e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "VNPT SmartCA stand-in: request failed: {0}", e.getClass().getName());
            LOG.log(Level.DEBUG, "VNPT SmartCA stand-in: request failure", e);
            try {
                Answer.text(500, "internal error").sendAndClose(exchange);
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    /** Counts the call, builds its answer at once and sends it now or, in {@link Mode#SLOW}, later. */
    private void callApi(HttpExchange exchange, String path, String method) throws IOException {
        switches.countRequest();
        Mode mode = switches.mode();
        Optional<byte[]> body = RequestBodies.readAtMost(exchange, SmartCaStandIn.MAX_BODY_BYTES);
        Answer answer;
        if (body.isEmpty()) {
            answer = SmartCaApi.error(413, "REQUEST_TOO_LARGE").withHeader("Connection", "close");
        } else if (mode == Mode.DOWN) {
            answer = SmartCaApi.error(503, "SERVICE_UNAVAILABLE");
        } else {
            answer = api.answer(path, method, body.get());
        }
        if (mode != Mode.SLOW) {
            answer.sendAndClose(exchange);
            return;
        }
        try {
            scheduler.schedule(() -> sendLater(exchange, answer), SmartCaStandIn.SLOW_DELAY.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    private static void sendLater(HttpExchange exchange, Answer answer) {
        try {
            answer.sendAndClose(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "VNPT SmartCA stand-in: delayed answer not delivered: {0}", e.toString());
        }
    }
}

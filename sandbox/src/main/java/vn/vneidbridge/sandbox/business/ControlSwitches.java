package vn.vneidbridge.sandbox.business;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import vn.vneidbridge.sandbox.registry.SimulatorMode;

/**
 * The test switches under {@code /_simulator/}, as the population database simulator has them: {@code POST mode}
 * (the keys of {@link SimulatorMode}, and {@code "mode"}: a named mode applied first; missing keys keep their
 * values) and {@code GET mode}, {@code GET stats}
 * ({@code {"requests": n}}), {@code POST reset}. Holds the mode and the count of verification requests. Thread-safe.
 */
final class ControlSwitches {

    static final String MODE = "/_simulator/mode";
    static final String STATS = "/_simulator/stats";
    static final String RESET = "/_simulator/reset";

    private static final Logger LOG = System.getLogger(ControlSwitches.class.getName());
    private static final Set<String> KEYS = Set.of("mode", "delayMillis", "failWithStatus", "bareMatchFlag");

    private final AtomicReference<SimulatorMode> mode = new AtomicReference<>(SimulatorMode.normal());
    private final AtomicLong requests = new AtomicLong();

    SimulatorMode mode() {
        return mode.get();
    }

    void setMode(SimulatorMode newMode) {
        mode.set(Objects.requireNonNull(newMode, "mode"));
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    long requests() {
        return requests.get();
    }

    /** Normal mode, no requests counted. */
    void reset() {
        mode.set(SimulatorMode.normal());
        requests.set(0);
    }

    /**
     * The answer for a control path and method; empty when the path is not a control path.
     *
     * @param body the request body, read by the caller (only {@code POST mode} uses it); empty when it was too large
     */
    Optional<SimulatorAnswer> respond(String path, String method, Optional<byte[]> body) {
        switch (path) {
            case MODE:
                if (method.equals("GET")) {
                    return Optional.of(SimulatorAnswer.json(200, json(mode())));
                }
                return Optional.of(method.equals("POST") ? change(body) : SimulatorAnswer.notAllowed("GET, POST"));
            case STATS:
                return Optional.of(method.equals("GET")
                        ? SimulatorAnswer.json(200, Map.of("requests", requests()))
                        : SimulatorAnswer.notAllowed("GET"));
            case RESET:
                if (!method.equals("POST")) {
                    return Optional.of(SimulatorAnswer.notAllowed("POST"));
                }
                reset();
                LOG.log(Level.INFO, "business registry simulator reset");
                return Optional.of(SimulatorAnswer.json(200, json(mode())));
            default:
                return Optional.empty();
        }
    }

    private SimulatorAnswer change(Optional<byte[]> body) {
        if (body.isEmpty()) {
            return SimulatorAnswer.text(413, "request body too large").withHeader("Connection", "close");
        }
        try {
            Map<String, Object> keys = DkkdJson.parseObject(body.get());
            while (true) {
                SimulatorMode current = mode.get();
                SimulatorMode next = with(current, keys);
                if (mode.compareAndSet(current, next)) {
                    LOG.log(Level.INFO, "business registry simulator mode: {0}", next);
                    return SimulatorAnswer.json(200, json(next));
                }
            }
        } catch (DkkdJson.MalformedRequest e) {
            return SimulatorAnswer.text(400, "malformed mode: " + e.getMessage());
        }
    }

    /** {@code {"delayMillis": …, "failWithStatus": …, "bareMatchFlag": …}}. */
    static Map<String, Object> json(SimulatorMode mode) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("delayMillis", mode.delayMillis());
        json.put("failWithStatus", mode.failWithStatus());
        json.put("bareMatchFlag", mode.bareMatchFlag());
        return json;
    }

    /**
     * The mode with the keys present in {@code json} changed: first {@code "mode"} ({@code normal}, {@code down},
     * {@code slow}) replaces the whole mode, then the other keys change it; missing keys keep their values. Unknown
     * keys, wrong types and out-of-range values are malformed.
     */
    static SimulatorMode with(SimulatorMode current, Map<String, Object> json) throws DkkdJson.MalformedRequest {
        for (String key : json.keySet()) {
            if (!KEYS.contains(key)) {
                throw new DkkdJson.MalformedRequest("unknown mode key " + key.substring(0, Math.min(40, key.length())));
            }
        }
        SimulatorMode mode = current;
        if (json.containsKey("mode")) {
            Object name = json.get("mode");
            mode = BusinessRegistrySimulator.named(name instanceof String ? (String) name : null)
                    .orElseThrow(() -> new DkkdJson.MalformedRequest("mode must be normal, down or slow"));
        }
        long delay = json.containsKey("delayMillis") ? integer(json.get("delayMillis"), "delayMillis")
                : mode.delayMillis();
        long status = json.containsKey("failWithStatus") ? integer(json.get("failWithStatus"), "failWithStatus")
                : mode.failWithStatus();
        boolean bare = mode.bareMatchFlag();
        if (json.containsKey("bareMatchFlag")) {
            if (!(json.get("bareMatchFlag") instanceof Boolean)) {
                throw new DkkdJson.MalformedRequest("bareMatchFlag must be true or false");
            }
            bare = (Boolean) json.get("bareMatchFlag");
        }
        try {
            return new SimulatorMode(delay, Math.toIntExact(status), bare);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new DkkdJson.MalformedRequest(e.getMessage());
        }
    }

    private static long integer(Object value, String key) throws DkkdJson.MalformedRequest {
        if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return (long) number;
            }
        }
        throw new DkkdJson.MalformedRequest(key + " must be a whole number");
    }
}

package vn.vneidbridge.sandbox.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's test switches, {@code POST /_simulator/mode}.
 *
 * @param delayMillis    how long every verification answer waits, 0 to {@value #MAX_DELAY_MILLIS}
 * @param failWithStatus 0 for normal answers, or the HTTP status (300–599) every verification answers with
 * @param bareMatchFlag  answers carry only the match flag instead of the citizen's record
 */
public record SimulatorMode(long delayMillis, int failWithStatus, boolean bareMatchFlag) {

    /** The longest delay accepted, ten minutes. */
    public static final long MAX_DELAY_MILLIS = 600_000;

    private static final Set<String> KEYS = Set.of("delayMillis", "failWithStatus", "bareMatchFlag");

    public SimulatorMode {
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("delayMillis must be 0.." + MAX_DELAY_MILLIS);
        }
        if (failWithStatus != 0 && (failWithStatus < 300 || failWithStatus > 599)) {
            throw new IllegalArgumentException("failWithStatus must be 0 or an HTTP status 300..599");
        }
    }

    /** No delay, no failure, full records. */
    public static SimulatorMode normal() {
        return new SimulatorMode(0, 0, false);
    }

    /**
     * This mode with the keys present in {@code json} changed; missing keys keep their values. Unknown keys,
     * wrong types and out-of-range values are malformed.
     */
    SimulatorMode with(Map<String, Object> json) throws MalformedRequestException {
        for (String key : json.keySet()) {
            if (!KEYS.contains(key)) {
                throw new MalformedRequestException("unknown mode key " + key.substring(0, Math.min(40, key.length())));
            }
        }
        long delay = json.containsKey("delayMillis") ? integer(json.get("delayMillis"), "delayMillis") : delayMillis;
        long status = json.containsKey("failWithStatus")
                ? integer(json.get("failWithStatus"), "failWithStatus") : failWithStatus;
        boolean bare = bareMatchFlag;
        if (json.containsKey("bareMatchFlag")) {
            if (!(json.get("bareMatchFlag") instanceof Boolean)) {
                throw new MalformedRequestException("bareMatchFlag must be true or false");
            }
            bare = (Boolean) json.get("bareMatchFlag");
        }
        try {
            return new SimulatorMode(delay, Math.toIntExact(status), bare);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedRequestException(e.getMessage());
        }
    }

    /** {@code {"delayMillis": …, "failWithStatus": …, "bareMatchFlag": …}}. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("delayMillis", delayMillis);
        json.put("failWithStatus", failWithStatus);
        json.put("bareMatchFlag", bareMatchFlag);
        return json;
    }

    private static long integer(Object value, String key) throws MalformedRequestException {
        if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return (long) number;
            }
        }
        throw new MalformedRequestException(key + " must be a whole number");
    }
}

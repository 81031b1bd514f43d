package vn.vneidbridge.sandbox.remotesigning;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stand-in's switches over HTTP, for a sandbox user or a test in another process; bodies are plain text:
 * {@code POST /_simulator/mode} {@code normal|down|slow}, {@code POST /_simulator/misbehave}
 * {@code none|sign-other-hash|certificate-of:<file>}, {@code POST /_simulator/subscriber} {@code <number>=<file>},
 * {@code POST /_simulator/reset}, {@code GET /_simulator/stats} ({@code {"requests": n}}, calls to the {@code /sca}
 * API). Each answers JSON, or 400 with a sentence for a body it does not take. The stand-in serves them to loopback
 * clients only.
 */
final class SimulatorControls {

    static final String PREFIX = "/_simulator/";
    static final String MODE = PREFIX + "mode";
    static final String MISBEHAVE = PREFIX + "misbehave";
    static final String SUBSCRIBER = PREFIX + "subscriber";
    static final String RESET = PREFIX + "reset";
    static final String STATS = PREFIX + "stats";

    private static final Set<String> PATHS = Set.of(MODE, MISBEHAVE, SUBSCRIBER, RESET, STATS);

    private final SmartCaStandIn standIn;

    SimulatorControls(SmartCaStandIn standIn) {
        this.standIn = standIn;
    }

    Answer answer(String path, String method, byte[] body) {
        if (!PATHS.contains(path)) {
            return Answer.text(404, "not found");
        }
        String wanted = path.equals(STATS) ? "GET" : "POST";
        if (!method.equals(wanted)) {
            return Answer.text(405, "method not allowed").withHeader("Allow", wanted);
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            return switch (path) {
                case MODE -> {
                    Mode mode = Mode.named(text)
                            .orElseThrow(() -> new IllegalArgumentException("mode must be normal, down or slow"));
                    standIn.mode(mode);
                    yield json(Map.of("mode", mode.setting()));
                }
                case MISBEHAVE -> {
                    Misbehaviour misbehaviour = Misbehaviour.named(text).orElseThrow(() -> new IllegalArgumentException(
                            "misbehave must be none, sign-other-hash or certificate-of:<file>"));
                    standIn.misbehave(misbehaviour);
                    yield json(Map.of("misbehaviour", misbehaviour.setting()));
                }
                case SUBSCRIBER -> subscribe(text);
                case RESET -> {
                    standIn.reset();
                    yield json(Map.of("requests", standIn.requests()));
                }
                default -> json(Map.of("requests", standIn.requests()));
            };
        } catch (IllegalArgumentException e) {
            return Answer.text(400, e.getMessage());
        }
    }

    private Answer subscribe(String text) {
        int equals = text.indexOf('=');
        Optional<String> number = Optional.of(text.substring(0, Math.max(equals, 0)).strip()).filter(n -> !n.isEmpty());
        if (equals < 0 || number.isEmpty()) {
            throw new IllegalArgumentException("subscriber must be <number>=<persona file>");
        }
        String file = text.substring(equals + 1).strip();
        standIn.subscribe(number.get(), file);
        return json(Map.of("number", number.get(), "file", file));
    }

    private static Answer json(Map<String, ?> json) {
        return Answer.json(200, JSONObjectUtils.toJSONString(json));
    }
}

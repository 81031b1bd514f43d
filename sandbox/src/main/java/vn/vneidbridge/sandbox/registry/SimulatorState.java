package vn.vneidbridge.sandbox.registry;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The simulator's mutable state: the current mode and the count of verification requests. Thread-safe. */
final class SimulatorState {

    private final AtomicReference<SimulatorMode> mode = new AtomicReference<>(SimulatorMode.normal());
    private final AtomicLong requests = new AtomicLong();

    SimulatorMode mode() {
        return mode.get();
    }

    void setMode(SimulatorMode newMode) {
        mode.set(Objects.requireNonNull(newMode, "mode"));
    }

    /** Applies the keys of {@code json} to the current mode, atomically; returns the new mode. */
    SimulatorMode change(Map<String, Object> json) throws MalformedRequestException {
        while (true) {
            SimulatorMode current = mode.get();
            SimulatorMode next = current.with(json);
            if (mode.compareAndSet(current, next)) {
                return next;
            }
        }
    }

    long countRequest() {
        return requests.incrementAndGet();
    }

    long requests() {
        return requests.get();
    }

    /** Normal mode, no requests counted. */
    void reset() {
        mode.set(SimulatorMode.normal());
        requests.set(0);
    }
}

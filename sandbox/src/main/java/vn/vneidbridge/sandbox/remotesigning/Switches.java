package vn.vneidbridge.sandbox.remotesigning;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The stand-in's test switches and its count of {@code /sca} calls. Thread-safe. */
final class Switches {

    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NORMAL);
    private final AtomicReference<Misbehaviour> misbehaviour = new AtomicReference<>(Misbehaviour.NONE);
    private final AtomicLong requests = new AtomicLong();

    Mode mode() {
        return mode.get();
    }

    void mode(Mode newMode) {
        mode.set(Objects.requireNonNull(newMode, "mode"));
    }

    Misbehaviour misbehaviour() {
        return misbehaviour.get();
    }

    void misbehave(Misbehaviour newMisbehaviour) {
        misbehaviour.set(Objects.requireNonNull(newMisbehaviour, "misbehaviour"));
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    long requests() {
        return requests.get();
    }

    /** {@link Mode#NORMAL}, {@link Misbehaviour#NONE}, no calls counted. */
    void reset() {
        mode.set(Mode.NORMAL);
        misbehaviour.set(Misbehaviour.NONE);
        requests.set(0);
    }
}

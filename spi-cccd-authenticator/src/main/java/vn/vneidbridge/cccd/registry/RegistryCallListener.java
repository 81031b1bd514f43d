package vn.vneidbridge.cccd.registry;

/** Told of every verification and how long it took (the metrics); {@link #NONE} hears nothing. */
interface RegistryCallListener {

    RegistryCallListener NONE = (outcome, nanos) -> { };

    void called(RegistryCallOutcome outcome, long nanos);
}

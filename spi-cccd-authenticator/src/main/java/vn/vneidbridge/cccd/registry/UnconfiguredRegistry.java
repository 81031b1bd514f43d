package vn.vneidbridge.cccd.registry;

/** What a provider without the required server options answers: always {@code not-configured}. */
final class UnconfiguredRegistry implements PopulationRegistry {

    static final UnconfiguredRegistry INSTANCE = new UnconfiguredRegistry();

    private UnconfiguredRegistry() {
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        return new RegistryResult.Unavailable("not-configured");
    }

    @Override
    public void close() {
    }
}

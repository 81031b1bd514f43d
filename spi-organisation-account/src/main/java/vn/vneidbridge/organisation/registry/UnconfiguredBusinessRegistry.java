package vn.vneidbridge.organisation.registry;

/** What a provider without the required server options answers: always {@code not-configured}. */
final class UnconfiguredBusinessRegistry implements BusinessRegistry {

    static final UnconfiguredBusinessRegistry INSTANCE = new UnconfiguredBusinessRegistry();

    private UnconfiguredBusinessRegistry() {
    }

    @Override
    public BusinessResult verify(BusinessQuery query) {
        return new BusinessResult.Unavailable("not-configured");
    }

    @Override
    public void close() {
    }
}

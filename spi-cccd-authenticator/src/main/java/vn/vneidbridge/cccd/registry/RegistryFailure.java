package vn.vneidbridge.cccd.registry;

/**
 * Why no answer could be had from the registry; becomes {@link RegistryResult.Unavailable} with the same
 * reason. Carries no personal data and no stack trace (it is control flow, not a bug). Public because the business registry
 * ({@code vn.vneidbridge.organisation.registry}) shares it.
 */
public final class RegistryFailure extends Exception {

    static final String MALFORMED_RESPONSE = "malformed-response";

    private final String reason;

    public RegistryFailure(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public static RegistryFailure malformed() {
        return new RegistryFailure(MALFORMED_RESPONSE);
    }

    public String reason() {
        return reason;
    }

    RegistryResult.Unavailable toResult() {
        return new RegistryResult.Unavailable(reason);
    }
}

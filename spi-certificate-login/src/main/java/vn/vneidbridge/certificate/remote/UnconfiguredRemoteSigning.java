package vn.vneidbridge.certificate.remote;

/**
 * A remote-signing adapter nobody configured: every call answers {@code not-configured}, so a login step using it
 * says the service is not available and changes nothing.
 */
public final class UnconfiguredRemoteSigning implements RemoteSigningService {

    public static final UnconfiguredRemoteSigning INSTANCE = new UnconfiguredRemoteSigning();
    public static final String REASON = "not-configured";

    private UnconfiguredRemoteSigning() {
    }

    @Override
    public Certificates certificates(String id) {
        return new Unavailable(REASON);
    }

    @Override
    public Started start(SignRequest request) {
        return new Unavailable(REASON);
    }

    @Override
    public Progress progress(String reference) {
        return new Unavailable(REASON);
    }

    @Override
    public SignatureScheme scheme() {
        return SignatureScheme.RSA_PKCS1_SHA256;
    }

    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public void close() {
    }
}

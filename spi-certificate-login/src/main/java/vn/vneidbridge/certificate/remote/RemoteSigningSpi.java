package vn.vneidbridge.certificate.remote;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@value #NAME} SPI: remote-signing services ("Sim ký số", VNPT SmartCA, Viettel MySign) that ask a citizen's
 * phone to sign a login's challenge. Several adapters stand side by side; a login step names the one it uses. Server
 * options per adapter, e.g. {@code spi-vneid-remote-signing--vnpt-smartca--endpoint}.
 */
public final class RemoteSigningSpi implements Spi {

    /** The SPI name, as used in server options. */
    public static final String NAME = "vneid-remote-signing";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RemoteSigningService.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RemoteSigningServiceFactory.class;
    }
}

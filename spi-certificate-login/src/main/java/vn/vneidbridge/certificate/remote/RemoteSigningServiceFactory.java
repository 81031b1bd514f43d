package vn.vneidbridge.certificate.remote;

import org.keycloak.provider.ProviderFactory;

/** An adapter of a remote-signing service ({@link RemoteSigningSpi}). */
public interface RemoteSigningServiceFactory extends ProviderFactory<RemoteSigningService> {
}

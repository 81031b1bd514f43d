package vn.vneidbridge.legacy.store;

import org.keycloak.storage.StorageUnavailableException;

/**
 * The legacy portal database did not answer (down, unreachable, timed out). Keycloak's user storage
 * skips the provider on this exception, so VNeID logins and already-imported users keep working; the
 * legacy login form tells the citizen the legacy system is unavailable.
 */
public final class LegacyDatabaseUnavailableException extends StorageUnavailableException {

    private static final long serialVersionUID = 1L;

    public LegacyDatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

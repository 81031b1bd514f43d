package vn.vneidbridge.cccd.registry;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * Null-safe, typed reading of a provider's server options: a missing scope, a missing or blank value and an
 * unreadable number all give the default (the last with a warning naming the option, never its value's
 * neighbours). Never throws. Public because the business registry
 * ({@code vn.vneidbridge.organisation.registry}) shares it.
 */
public final class ScopeReader {

    private static final Logger LOG = Logger.getLogger(ScopeReader.class);

    private final String providerId;
    private final Config.Scope scope;

    /** @param scope the provider's scope; may be null (no options at all) */
    public ScopeReader(String providerId, Config.Scope scope) {
        this.providerId = providerId;
        this.scope = scope;
    }

    public Optional<String> string(String name) {
        String value = scope == null ? null : scope.get(name);
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }

    /** An integer of at least {@code min}; else {@code defaultValue}. */
    public int integer(String name, int defaultValue, int min) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warnf("%s: option %s must be an integer of at least %d; using %d", providerId, name, min, defaultValue);
        return defaultValue;
    }
}

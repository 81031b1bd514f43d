package vn.vneidbridge.vneid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.broker.provider.BrokeredIdentityContext;

/**
 * How the validated identity travels with a {@link BrokeredIdentityContext}, through the first-login flow
 * (Keycloak serialises the context data into the authentication session) to the identity mapper and the
 * user session. Only strings are stored.
 *
 * <ul>
 *   <li>{@code vneid.attribute.<name>}: the user attributes of {@link VneidIdentity#userAttributes()}; what
 *       the {@code vneid-identity-mapper} writes. Kept apart from Keycloak's own {@code user.attributes.*},
 *       which the "review profile" step may let the citizen edit.</li>
 *   <li>{@value #LEVEL_NOTE}: the account level; also the name of the user-session note.</li>
 * </ul>
 */
public final class VneidContext {

    /** User-session note (and context data key) holding the account level, {@code "1"} or {@code "2"}. */
    public static final String LEVEL_NOTE = "vneid.level";
    static final String ATTRIBUTE_PREFIX = "vneid.attribute.";

    private VneidContext() {
    }

    static void store(BrokeredIdentityContext context, VneidIdentity identity) {
        Map<String, Object> data = context.getContextData();
        identity.userAttributes().forEach((name, value) -> data.put(ATTRIBUTE_PREFIX + name, value));
        data.put(LEVEL_NOTE, identity.level().value());
    }

    /** The validated user attributes, by attribute name; empty when the context did not come from VNeID. */
    static Map<String, String> attributes(BrokeredIdentityContext context) {
        Map<String, String> attributes = new LinkedHashMap<>();
        context.getContextData().forEach((key, value) -> {
            if (key.startsWith(ATTRIBUTE_PREFIX) && value instanceof String) {
                attributes.put(key.substring(ATTRIBUTE_PREFIX.length()), (String) value);
            }
        });
        return attributes;
    }

    /** The account level, or null. */
    static String level(BrokeredIdentityContext context) {
        Object level = context.getContextData().get(LEVEL_NOTE);
        return level instanceof String ? (String) level : null;
    }
}

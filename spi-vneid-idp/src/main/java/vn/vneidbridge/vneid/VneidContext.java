package vn.vneidbridge.vneid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.core.user.AccountKind;

/**
 * How the validated identity travels with a {@link BrokeredIdentityContext}, through the first-login flow
 * (Keycloak serialises the context data into the authentication session) to the identity mapper and the
 * user session. Only strings are stored.
 *
 * <ul>
 *   <li>{@code vneid.attribute.<name>}: the user attributes of {@link VneidIdentity#userAttributes()} (a citizen) or
 *       {@link OrganisationIdentity#userAttributes()} (an organisation); what the {@code vneid-identity-mapper} writes.
 *       Kept apart from Keycloak's own {@code user.attributes.*}, which the "review profile" step may let the citizen
 *       edit.</li>
 *   <li>{@value #LEVEL_NOTE}: the account level; also the name of the user-session note.</li>
 *   <li>{@value VneidProvider#ACCOUNT_KIND_CONTEXT}: whose VNeID account it is, {@code CITIZEN} or
 *       {@code ORGANISATION} ({@link AccountKind}), for the first-login step and the link guard; an organisation's
 *       brokered username is its tax code.</li>
 * </ul>
 */
public final class VneidContext {

    /** User-session note (and context data key) holding the account level, {@code "1"} or {@code "2"}. */
    public static final String LEVEL_NOTE = "vneid.level";
    static final String ATTRIBUTE_PREFIX = "vneid.attribute.";

    private VneidContext() {
    }

    static void store(BrokeredIdentityContext context, VneidIdentity identity) {
        store(context, identity.userAttributes(), identity.level(), AccountKind.CITIZEN);
    }

    static void store(BrokeredIdentityContext context, OrganisationIdentity identity) {
        store(context, identity.userAttributes(), identity.level(), AccountKind.ORGANISATION);
    }

    private static void store(BrokeredIdentityContext context, Map<String, String> attributes, VneidLevel level,
                              AccountKind kind) {
        Map<String, Object> data = context.getContextData();
        attributes.forEach((name, value) -> data.put(ATTRIBUTE_PREFIX + name, value));
        data.put(LEVEL_NOTE, level.value());
        data.put(VneidProvider.ACCOUNT_KIND_CONTEXT, kind.name());
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

    /**
     * Whose VNeID account it is: {@link AccountKind#ORGANISATION} only when the context says so; a citizen's otherwise
     * (a context from before organisations were accepted has no kind, and was a citizen's).
     */
    static AccountKind accountKind(BrokeredIdentityContext context) {
        return AccountKind.ORGANISATION.name().equals(context.getContextData().get(VneidProvider.ACCOUNT_KIND_CONTEXT))
                ? AccountKind.ORGANISATION : AccountKind.CITIZEN;
    }
}

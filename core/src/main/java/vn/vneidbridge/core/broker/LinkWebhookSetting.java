package vn.vneidbridge.core.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The portals' link webhooks: the setting {@value #KEY} of the VNeID identity provider ({@link VneidProvider#ALIAS}),
 * one entry per portal, {@code "<client id> <URL>"}, kept in the provider's configuration as one value joined by
 * {@value #SEPARATOR} (as the admin console stores a multivalued setting of an identity provider). The module that
 * delivers them checks them before they are saved: its event listener factory {@value #LISTENER_ID} is a
 * {@link Check}.
 *
 * <p>This class is the one reader and writer of the {@value #SEPARATOR} form: the identity provider's one value
 * ({@link #entries(String)}), the legacy accounts provider's several values, where older versions kept the setting
 * ({@link #entries(Collection)}), and the value written back ({@link #joined(List)}).
 */
public final class LinkWebhookSetting {

    /** The key of the setting, on the identity provider (and, before, on the legacy accounts provider). */
    public static final String KEY = "linkWebhooks";
    /**
     * The legacy accounts provider's setting where the start-up move puts the entries the identity provider refused:
     * read by nothing, so none of them is ever delivered to, whatever becomes of the realm later; an administrator can
     * only remove them.
     */
    public static final String REFUSED_KEY = "linkWebhooksRefused";
    /** The event listener that delivers link events, and checks this setting. */
    public static final String LISTENER_ID = "vneid-link-webhook";
    /** What the admin console puts between the values of a multivalued setting of an identity provider. */
    public static final String SEPARATOR = "##";
    /**
     * The VNeID identity provider's setting naming the VNeID it talks to; with {@value #PRODUCTION} only https
     * webhooks are accepted ({@link #httpsOnly(Map)}).
     */
    public static final String ENVIRONMENT = "environment";
    static final String PRODUCTION = "PRODUCTION";

    private LinkWebhookSetting() {
    }

    /** One entry read: the portal's client id and its absolute http(s) URL. */
    public record Entry(String clientId, URI url) {

        /** True for a plain {@code http} URL. */
        public boolean isHttp() {
            return "http".equals(url.getScheme().toLowerCase(Locale.ROOT));
        }
    }

    /** What the delivering module checks before the setting is saved. */
    public interface Check {

        /**
         * Refuses entries that cannot be used, whatever the realm holds now: the format, the address rules and a
         * client named twice (not whether the client exists: a realm import creates identity providers before
         * clients, so that is checked where the webhooks are read).
         *
         * @throws IllegalArgumentException with a readable message, shown by the admin console
         */
        void check(KeycloakSession session, RealmModel realm, List<String> entries);
    }

    /**
     * The entries of the identity provider's one stored value: split at {@value #SEPARATOR}, trimmed, blanks left
     * out; none for null.
     */
    public static List<String> entries(String value) {
        List<String> entries = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(SEPARATOR)) {
                if (!part.isBlank()) {
                    entries.add(part.trim());
                }
            }
        }
        return entries;
    }

    /**
     * The entries of several stored values (the legacy accounts provider's multivalued setting): each value split
     * on its own, as the versions that kept the setting there read it — never joined first, which would read an
     * entry ending in {@code #} as a different one.
     */
    public static List<String> entries(Collection<String> values) {
        List<String> entries = new ArrayList<>();
        if (values != null) {
            values.forEach(value -> entries.addAll(entries(value)));
        }
        return entries;
    }

    /**
     * The one value the identity provider stores for these entries, which {@link #entries(String)} reads back as the
     * same entries.
     *
     * @throws IllegalArgumentException for an entry that would not be read back as itself (blank, untrimmed, holding
     *     {@value #SEPARATOR} or ending in {@code #}) — no entry that {@link #parse} accepts
     */
    public static String joined(List<String> entries) {
        for (String entry : entries) {
            if (entry == null || entry.isBlank() || !entry.equals(entry.trim()) || entry.contains(SEPARATOR)
                    || entry.endsWith("#")) {
                throw new IllegalArgumentException("not a link webhook entry that can be stored joined");
            }
        }
        return String.join(SEPARATOR, entries);
    }

    /**
     * {@code "<client id> <URL>"} with an absolute http or https URL that has a host and neither user info nor a
     * fragment (not even an empty one: an entry never ends in {@code #}).
     */
    public static Optional<Entry> parse(String entry) {
        String[] parts = entry == null ? new String[0] : entry.trim().split("\\s+");
        if (parts.length != 2 || parts[0].isEmpty() || parts[0].contains(SEPARATOR)) {
            return Optional.empty();
        }
        try {
            URI url = new URI(parts[1]);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getUserInfo() != null
                    || url.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(new Entry(parts[0], url));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * True when the identity provider whose configuration this is talks to the real VNeID ({@value #ENVIRONMENT}
     * {@value #PRODUCTION}, read as the provider reads it: trimmed, in any case): its webhooks must then be https.
     */
    public static boolean httpsOnly(Map<String, String> providerConfig) {
        String environment = providerConfig == null ? null : providerConfig.get(ENVIRONMENT);
        return environment != null && PRODUCTION.equals(environment.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Checks the entries with the deployed delivering module, in the request that saves them. Nothing is checked
     * when there are none, outside a Keycloak request, or without that module (nothing is then delivered either).
     *
     * @throws IllegalArgumentException when an entry cannot be used
     */
    public static void check(RealmModel realm, List<String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session == null) {
            return;
        }
        ProviderFactory<EventListenerProvider> factory = session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, LISTENER_ID);
        if (factory instanceof Check check) {
            check.check(session, realm, entries);
        }
    }
}

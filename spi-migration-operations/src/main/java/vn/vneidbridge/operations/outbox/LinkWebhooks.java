package vn.vneidbridge.operations.outbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import vn.vneidbridge.legacy.storage.LegacyUserStorageProviderFactory;

/**
 * The portals that want link events: the multivalued setting {@value #CONFIG_KEY} of the realm's legacy
 * accounts provider (admin console: User federation → the legacy provider), one entry per portal,
 * {@code "<client id> <https URL>"}. Each delivery is signed with that client's secret, which the portal
 * already has. One entry per client: a second one for the same client is refused.
 */
public final class LinkWebhooks {

    public static final String CONFIG_KEY = LegacyUserStorageProviderFactory.LINK_WEBHOOKS;
    /**
     * The client id of the portal that issued the accounts of this legacy database: it is related to every account
     * imported from it (see {@link PortalRelations}).
     */
    public static final String OWNER_CONFIG_KEY = LegacyUserStorageProviderFactory.OWNER_CLIENT;

    private LinkWebhooks() {
    }

    /** A portal's webhook. */
    public record Webhook(String clientId, URI url) {
    }

    /** The webhooks configured on the realm's enabled legacy providers, one per client (the first wins). */
    public static List<Webhook> of(RealmModel realm) {
        Map<String, Webhook> byClient = new LinkedHashMap<>();
        realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> LegacyUserStorageProviderFactory.PROVIDER_ID.equals(c.getProviderId()))
                .filter(c -> new UserStorageProviderModel(c).isEnabled())
                .forEach(c -> entries(c).forEach(entry -> parse(entry)
                        .ifPresent(webhook -> byClient.putIfAbsent(webhook.clientId(), webhook))));
        return new ArrayList<>(byClient.values());
    }

    /** The webhook configured for one client, if any. */
    public static Optional<Webhook> forClient(RealmModel realm, String clientId) {
        return of(realm).stream().filter(w -> w.clientId().equals(clientId)).findFirst();
    }

    /** The owner portal set on a legacy provider, if any. */
    static Optional<String> owner(ComponentModel provider) {
        String owner = provider.get(OWNER_CONFIG_KEY);
        return owner == null || owner.isBlank() ? Optional.empty() : Optional.of(owner.trim());
    }

    /**
     * Rejects entries that are not {@code "<known confidential client id> <http(s) URL>"}, repeat a client, or —
     * unless the server option {@code allow-private-addresses} of {@value LinkWebhookEventListenerFactory#PROVIDER_ID}
     * is on — whose host is or resolves to a non-public address ({@link WebhookAddresses}). A name that does not
     * resolve now is kept: the delivery checks every address again before it connects.
     */
    public static void validate(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        Optional<String> owner = owner(model);
        if (owner.isPresent() && !PortalRelations.isPortal(realm, owner.get())) {
            throw new ComponentValidationException("vneidLegacyOwnerUnknownClient", owner.get());
        }
        boolean allowPrivate = LinkWebhookEventListenerFactory.settings(session).allowPrivateAddresses();
        List<String> seen = new ArrayList<>();
        for (String entry : entries(model)) {
            Webhook webhook = parse(entry).orElseThrow(
                    () -> new ComponentValidationException("vneidLinkWebhookInvalid", entry));
            if (!allowPrivate) {
                refusal(webhook.url(), WebhookAddresses.SYSTEM).ifPresent(refused -> {
                    throw refused.kind() == null
                            ? new ComponentValidationException("vneidLinkWebhookInvalid", entry)
                            : new ComponentValidationException("vneidLinkWebhookPrivateAddress", webhook.clientId(),
                                    webhook.url().getHost(), refused.address(), refused.kind().label());
                });
            }
            ClientModel client = realm.getClientByClientId(webhook.clientId());
            if (client == null || client.isPublicClient()
                    || client.getSecret() == null || client.getSecret().isBlank()) {
                throw new ComponentValidationException("vneidLinkWebhookUnknownClient", webhook.clientId());
            }
            if (seen.contains(webhook.clientId())) {
                throw new ComponentValidationException("vneidLinkWebhookRepeatedClient", webhook.clientId());
            }
            seen.add(webhook.clientId());
        }
    }

    /** Why a webhook URL may not be used when private addresses are not allowed, or empty. */
    static Optional<WebhookAddresses.Refused> refusal(URI url, WebhookAddresses.Resolver resolver) {
        try {
            WebhookAddresses.publicAddresses(url.getHost(), resolver);
            return Optional.empty();
        } catch (WebhookAddresses.Refused refused) {
            return Optional.of(refused);
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    static List<String> entries(ComponentModel model) {
        List<String> entries = new ArrayList<>();
        for (String value : model.getConfig().getOrDefault(CONFIG_KEY, List.of())) {
            for (String part : value.split("##")) {
                if (!part.isBlank()) {
                    entries.add(part.trim());
                }
            }
        }
        return entries;
    }

    /** {@code "<client id> <URL>"} with an absolute http or https URL that has a host. */
    static Optional<Webhook> parse(String entry) {
        String[] parts = entry == null ? new String[0] : entry.trim().split("\\s+");
        if (parts.length != 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            URI url = new URI(parts[1]);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getUserInfo() != null
                    || url.getFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(new Webhook(parts[0], url));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}

package vn.vneidbridge.operations.outbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import vn.vneidbridge.core.broker.LinkWebhookSetting;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.legacy.storage.LegacyUserStorageProviderFactory;

/**
 * The portals that want link events: the setting {@value LinkWebhookSetting#KEY} of the realm's {@code vneid}
 * identity provider (admin console: Identity providers → vneid → Link event webhooks), one entry per portal,
 * {@code "<client id> <URL>"}. Each delivery is signed with that client's secret, which the portal already has. One
 * entry per client: a second one for the same client is refused. Entries still held by an enabled legacy accounts
 * provider, where the setting was kept before, count too until they are moved ({@link LinkWebhooksMove}).
 */
public final class LinkWebhooks {

    public static final String CONFIG_KEY = LinkWebhookSetting.KEY;
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

    /**
     * The realm's webhooks, one per client (the first wins): those of its {@code vneid} identity provider, then any
     * an enabled legacy provider still holds.
     */
    public static List<Webhook> of(KeycloakSession session, RealmModel realm) {
        List<String> entries = new ArrayList<>(configured(session, realm));
        legacyProviders(realm).forEach(provider -> entries.addAll(entries(provider)));
        Map<String, Webhook> byClient = new LinkedHashMap<>();
        entries.forEach(entry -> parse(entry).ifPresent(webhook -> byClient.putIfAbsent(webhook.clientId(), webhook)));
        return new ArrayList<>(byClient.values());
    }

    /** The webhook configured for one client, if any. */
    public static Optional<Webhook> forClient(KeycloakSession session, RealmModel realm, String clientId) {
        return of(session, realm).stream().filter(w -> w.clientId().equals(clientId)).findFirst();
    }

    /** The entries of the realm's {@code vneid} identity provider; none without one. */
    static List<String> configured(KeycloakSession session, RealmModel realm) {
        IdentityProviderModel provider = identityProvider(session, realm);
        return provider == null ? List.of() : LinkWebhookSetting.entries(provider.getConfig().get(CONFIG_KEY));
    }

    /** The realm's {@code vneid} identity provider, or null (looked up in that realm, whatever the session's is). */
    static IdentityProviderModel identityProvider(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        if (previous != null && previous.getId().equals(realm.getId())) {
            return session.identityProviders().getByAlias(VneidProvider.ALIAS);
        }
        try {
            session.getContext().setRealm(realm);
            return session.identityProviders().getByAlias(VneidProvider.ALIAS);
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    /** The realm's enabled legacy accounts providers. */
    static Stream<ComponentModel> legacyProviders(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> LegacyUserStorageProviderFactory.PROVIDER_ID.equals(c.getProviderId()))
                .filter(c -> new UserStorageProviderModel(c).isEnabled());
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
    static void validate(RealmModel realm, List<String> entries, boolean allowPrivate)
            throws ComponentValidationException {
        List<String> seen = new ArrayList<>();
        for (String entry : entries) {
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

    /** The entries a legacy provider still holds (the setting's place before). */
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

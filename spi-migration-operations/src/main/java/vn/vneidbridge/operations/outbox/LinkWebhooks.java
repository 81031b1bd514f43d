package vn.vneidbridge.operations.outbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
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
 *
 * <p>Checked twice. When saved ({@link #validate}): the format, the address and one entry per client — not whether
 * the client exists, since a realm import creates the identity providers before the clients. Where read
 * ({@link #of}, {@link #forClient}): an entry is used only when it parses, names a confidential client of the realm
 * and, when the identity provider talks to the real VNeID, is https ({@link #usable}); the others are skipped, each
 * with a warning naming only its client. So a value that reached the database around the save check (another
 * provider id in the admin request's body, an older version, the database itself) is not used either.
 */
public final class LinkWebhooks {

    public static final String CONFIG_KEY = LinkWebhookSetting.KEY;
    /**
     * The client id of the portal that issued the accounts of this legacy database: it is related to every account
     * imported from it (see {@link PortalRelations}).
     */
    public static final String OWNER_CONFIG_KEY = LegacyUserStorageProviderFactory.OWNER_CLIENT;
    private static final Logger LOG = Logger.getLogger(LinkWebhooks.class);

    private LinkWebhooks() {
    }

    /** A portal's webhook. */
    public record Webhook(String clientId, URI url) {
    }

    /** Why an entry is not used where webhooks are read. */
    enum Skip {
        NOT_AN_ENTRY("it is not \"<client id> <http(s) URL>\""),
        NOT_A_CONFIDENTIAL_CLIENT("the client is not a confidential client of the realm"),
        HTTP_IN_PRODUCTION("plain http, while the vneid identity provider talks to VNeID's PRODUCTION");

        private final String reason;

        Skip(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * The realm's webhooks that can be used, one per client (the first usable one wins): those of its {@code vneid}
     * identity provider, then any an enabled legacy provider still holds. Each entry skipped is logged at WARN with its
     * client id (never its URL).
     */
    public static List<Webhook> of(KeycloakSession session, RealmModel realm) {
        return read(session, realm, (clientId, skip) -> LOG.warnf(
                "realm %s: a link webhook%s is not used: %s", realm.getName(),
                clientId == null ? "" : " of client " + clientId, skip.reason()));
    }

    /** The usable webhook of one client, if any (nothing logged: {@link #of} did when the event was queued). */
    public static Optional<Webhook> forClient(KeycloakSession session, RealmModel realm, String clientId) {
        return read(session, realm, (client, skip) -> { }).stream()
                .filter(w -> w.clientId().equals(clientId)).findFirst();
    }

    private static List<Webhook> read(KeycloakSession session, RealmModel realm, BiConsumer<String, Skip> skipped) {
        IdentityProviderModel provider = identityProvider(session, realm);
        List<String> entries = new ArrayList<>(configured(provider));
        legacyProviders(realm).forEach(legacy -> entries.addAll(entries(legacy)));
        boolean httpsOnly = provider != null && LinkWebhookSetting.httpsOnly(provider.getConfig());
        return usable(entries, httpsOnly, clientId -> isConfidential(realm.getClientByClientId(clientId)), skipped);
    }

    /**
     * The entries that can be used, in order, one per client (the first usable one wins); each other one is reported
     * to {@code skipped} with its client id (null when it names none) and why, except a later one for a client that
     * has its webhook already.
     */
    static List<Webhook> usable(List<String> entries, boolean httpsOnly, Predicate<String> confidentialClient,
                                BiConsumer<String, Skip> skipped) {
        Map<String, Webhook> byClient = new LinkedHashMap<>();
        for (String entry : entries) {
            Optional<LinkWebhookSetting.Entry> parsed = LinkWebhookSetting.parse(entry);
            if (parsed.isEmpty()) {
                skipped.accept(null, Skip.NOT_AN_ENTRY);
                continue;
            }
            LinkWebhookSetting.Entry webhook = parsed.get();
            if (byClient.containsKey(webhook.clientId())) {
                continue;
            }
            if (httpsOnly && webhook.isHttp()) {
                skipped.accept(webhook.clientId(), Skip.HTTP_IN_PRODUCTION);
            } else if (!confidentialClient.test(webhook.clientId())) {
                skipped.accept(webhook.clientId(), Skip.NOT_A_CONFIDENTIAL_CLIENT);
            } else {
                byClient.put(webhook.clientId(), new Webhook(webhook.clientId(), webhook.url()));
            }
        }
        return new ArrayList<>(byClient.values());
    }

    /** A client that can sign a webhook: confidential, with a secret. */
    static boolean isConfidential(ClientModel client) {
        return client != null && !client.isPublicClient() && client.getSecret() != null
                && !client.getSecret().isBlank();
    }

    /** The entries of the realm's {@code vneid} identity provider; none without one. */
    static List<String> configured(IdentityProviderModel provider) {
        return provider == null ? List.of() : LinkWebhookSetting.entries(provider.getConfig().get(CONFIG_KEY));
    }

    /**
     * The realm's {@code vneid} identity provider, or null — also when a provider of another type has that alias
     * (looked up in that realm, whatever the session's is).
     */
    static IdentityProviderModel identityProvider(KeycloakSession session, RealmModel realm) {
        IdentityProviderModel provider;
        RealmModel previous = session.getContext().getRealm();
        if (previous != null && previous.getId().equals(realm.getId())) {
            provider = session.identityProviders().getByAlias(VneidProvider.ALIAS);
        } else {
            try {
                session.getContext().setRealm(realm);
                provider = session.identityProviders().getByAlias(VneidProvider.ALIAS);
            } finally {
                session.getContext().setRealm(previous);
            }
        }
        return provider != null && VneidProvider.PROVIDER_ID.equals(provider.getProviderId()) ? provider : null;
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
     * Refuses, before they are saved, entries that are not {@code "<client id> <http(s) URL>"}, repeat a client, or —
     * unless the server option {@code allow-private-addresses} of {@value LinkWebhookEventListenerFactory#PROVIDER_ID}
     * is on — whose host is or resolves to a non-public address ({@link WebhookAddresses}). A name that does not
     * resolve now is kept: the delivery checks every address again before it connects. Whether the client exists is
     * not checked here (see the class comment).
     */
    static void validate(List<String> entries, boolean allowPrivate) throws ComponentValidationException {
        List<String> seen = new ArrayList<>();
        for (String entry : entries) {
            Optional<ComponentValidationException> refused = refusalWhenSaved(entry, allowPrivate);
            if (refused.isPresent()) {
                throw refused.get();
            }
            String clientId = LinkWebhookSetting.parse(entry).orElseThrow().clientId();
            if (seen.contains(clientId)) {
                throw new ComponentValidationException("vneidLinkWebhookRepeatedClient", clientId);
            }
            seen.add(clientId);
        }
    }

    /**
     * Why the save would refuse this entry on its own — its format, or its address unless private ones are allowed —
     * or empty.
     */
    static Optional<ComponentValidationException> refusalWhenSaved(String entry, boolean allowPrivate) {
        Optional<LinkWebhookSetting.Entry> parsed = LinkWebhookSetting.parse(entry);
        if (parsed.isEmpty()) {
            return Optional.of(new ComponentValidationException("vneidLinkWebhookInvalid", entry));
        }
        LinkWebhookSetting.Entry webhook = parsed.get();
        if (allowPrivate) {
            return Optional.empty();
        }
        return refusal(webhook.url(), WebhookAddresses.SYSTEM).map(refused -> refused.kind() == null
                ? new ComponentValidationException("vneidLinkWebhookInvalid", entry)
                : new ComponentValidationException("vneidLinkWebhookPrivateAddress", webhook.clientId(),
                        webhook.url().getHost(), refused.address(), refused.kind().label()));
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

    /**
     * The entries a legacy provider still holds (the setting's place before), each stored value read on its own
     * ({@link LinkWebhookSetting#entries(java.util.Collection)}).
     */
    static List<String> entries(ComponentModel model) {
        return LinkWebhookSetting.entries(model.getConfig().get(CONFIG_KEY));
    }

    /** {@code "<client id> <URL>"} with an absolute http or https URL that has a host ({@link LinkWebhookSetting#parse}). */
    static Optional<Webhook> parse(String entry) {
        return LinkWebhookSetting.parse(entry).map(webhook -> new Webhook(webhook.clientId(), webhook.url()));
    }
}

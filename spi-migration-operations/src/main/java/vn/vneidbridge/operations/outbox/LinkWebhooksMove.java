package vn.vneidbridge.operations.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Moves the link webhooks from the legacy accounts providers, where they were kept before, to the realm's
 * {@code vneid} identity provider: at every start, realm by realm, each in a transaction of its own. The entries are
 * added to the identity provider first (after its own, one per client, the first wins, as {@link LinkWebhooks#of}
 * reads them) and only then taken off the legacy providers, so nothing is lost if a step fails; a realm whose
 * providers hold none is left untouched, so running it again changes nothing. A realm without a {@code vneid}
 * identity provider keeps them where they are (and {@link LinkWebhooks#of} still reads them there). Only enabled
 * legacy providers are moved: a disabled one's webhooks were not in use and stay so.
 */
final class LinkWebhooksMove {

    private static final Logger LOG = Logger.getLogger(LinkWebhooksMove.class);

    private LinkWebhooksMove() {
    }

    static void run(KeycloakSessionFactory factory) {
        List<String> realmIds = new ArrayList<>();
        KeycloakModelUtils.runJobInTransaction(factory,
                session -> session.realms().getRealmsStream().forEach(realm -> realmIds.add(realm.getId())));
        for (String realmId : realmIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> move(session, realmId));
            } catch (RuntimeException e) {
                // e.g. another node moved them at the same moment: they are read where they are meanwhile
                LOG.warnf("link webhooks of realm id %s not moved to the vneid identity provider (%s); "
                        + "they keep working where they are", realmId, e.getClass().getSimpleName());
                LOG.debugf(e, "link webhooks of realm id %s not moved", realmId);
            }
        }
    }

    /**
     * The identity provider's entries, then the leftovers, one per client as {@link LinkWebhooks#of} reads them (the
     * first wins); an entry that names no client is kept as it is, so that nothing is lost in the move.
     */
    static List<String> merged(List<String> configured, List<String> leftovers) {
        Map<String, String> byClient = new LinkedHashMap<>();
        List<String> entries = new ArrayList<>(configured);
        entries.addAll(leftovers);
        for (String entry : entries) {
            byClient.putIfAbsent(LinkWebhooks.parse(entry).map(LinkWebhooks.Webhook::clientId).orElse(entry), entry);
        }
        return List.copyOf(byClient.values());
    }

    private static void move(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        List<ComponentModel> holders = LinkWebhooks.legacyProviders(realm)
                .filter(provider -> !LinkWebhooks.entries(provider).isEmpty()).toList();
        if (holders.isEmpty()) {
            return;
        }
        IdentityProviderModel provider = LinkWebhooks.identityProvider(session, realm);
        if (provider == null) {
            LOG.infof("realm %s has no vneid identity provider: its link webhooks stay on the legacy accounts provider",
                    realm.getName());
            return;
        }
        List<String> leftovers = new ArrayList<>();
        holders.forEach(holder -> leftovers.addAll(LinkWebhooks.entries(holder)));
        List<String> entries = merged(LinkWebhooks.configured(session, realm), leftovers);
        RealmModel previous = session.getContext().getRealm();
        try {
            session.getContext().setRealm(realm);
            // copies: the models read may be the cache's own
            IdentityProviderModel updated = new IdentityProviderModel(provider);
            updated.getConfig().put(LinkWebhooks.CONFIG_KEY, String.join("##", entries));
            session.identityProviders().update(updated);
            for (ComponentModel holder : holders) {
                ComponentModel emptied = new ComponentModel(holder);
                emptied.getConfig().remove(LinkWebhooks.CONFIG_KEY);
                realm.updateComponent(emptied);
            }
        } finally {
            session.getContext().setRealm(previous);
        }
        LOG.infof("realm %s: the link webhooks of the legacy accounts provider moved to the vneid identity provider "
                + "(%d entries there now)", realm.getName(), entries.size());
    }
}

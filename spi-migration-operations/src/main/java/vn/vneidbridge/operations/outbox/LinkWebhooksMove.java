package vn.vneidbridge.operations.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import vn.vneidbridge.core.broker.LinkWebhookSetting;

/**
 * Moves the link webhooks from the legacy accounts providers, where they were kept before, to the realm's
 * {@code vneid} identity provider: at every start, realm by realm, each in a transaction of its own. Only an entry the
 * identity provider would accept when saved is moved — it parses, its address passes the address rules (unless the
 * server allows private addresses), and it is https when that provider talks to VNeID's PRODUCTION; any other stays on
 * its legacy provider, unused, with a warning naming only its client at each start ({@link #plan}). The moved entries
 * are added to the identity provider first (after its own, one per client, the first wins, as {@link LinkWebhooks#of}
 * reads them), written with {@link LinkWebhookSetting#joined} so they read back as themselves, and only then taken off
 * the legacy providers, so nothing is lost if a step fails; a realm with nothing to move is left untouched, so running
 * it again changes nothing. A realm without a {@code vneid} identity provider keeps them where they are (and
 * {@link LinkWebhooks#of} still reads them there). Only enabled legacy providers are moved: a disabled one's webhooks
 * were not in use and stay so.
 */
final class LinkWebhooksMove {

    private static final Logger LOG = Logger.getLogger(LinkWebhooksMove.class);

    private LinkWebhooksMove() {
    }

    /** What the move does in one realm. */
    record Plan(List<String> entries, Map<String, List<String>> staying, List<String> refused) {

        /** True when the identity provider's entries or a legacy provider's change. */
        boolean changes(List<String> configured, Map<String, List<String>> leftovers) {
            return !entries.equals(configured) || !staying.equals(leftovers);
        }
    }

    static void run(KeycloakSessionFactory factory, boolean allowPrivate) {
        List<String> realmIds = new ArrayList<>();
        KeycloakModelUtils.runJobInTransaction(factory,
                session -> session.realms().getRealmsStream().forEach(realm -> realmIds.add(realm.getId())));
        for (String realmId : realmIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> move(session, realmId, allowPrivate));
            } catch (RuntimeException e) {
                // e.g. another node moved them at the same moment: they are read where they are meanwhile
                LOG.warnf("link webhooks of realm id %s not moved to the vneid identity provider (%s); "
                        + "they keep working where they are", realmId, e.getClass().getSimpleName());
                LOG.debugf(e, "link webhooks of realm id %s not moved", realmId);
            }
        }
    }

    /**
     * The identity provider's entries after the move — its own, then each acceptable leftover of a client it has no
     * entry for yet (the first wins) — and what stays on each legacy provider: the leftovers that are not acceptable,
     * also listed in {@code refused}. An acceptable leftover of a client that has its entry already is dropped, as
     * {@link LinkWebhooks#of} never used it.
     *
     * @param configured the identity provider's entries
     * @param leftovers each legacy provider's entries, by its id
     * @param acceptable whether the identity provider would accept an entry when saved
     */
    static Plan plan(List<String> configured, Map<String, List<String>> leftovers, Predicate<String> acceptable) {
        Map<String, String> byClient = new LinkedHashMap<>();
        for (String entry : configured) {
            byClient.putIfAbsent(LinkWebhookSetting.parse(entry).map(LinkWebhookSetting.Entry::clientId).orElse(entry),
                    entry);
        }
        Map<String, List<String>> staying = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        leftovers.forEach((holder, entries) -> {
            List<String> kept = new ArrayList<>();
            for (String entry : entries) {
                if (acceptable.test(entry)) {
                    byClient.putIfAbsent(LinkWebhookSetting.parse(entry).orElseThrow().clientId(), entry);
                } else {
                    kept.add(entry);
                    refused.add(entry);
                }
            }
            staying.put(holder, kept);
        });
        return new Plan(List.copyOf(byClient.values()), staying, refused);
    }

    /** Whether the identity provider would accept the entry when saved (see the class comment). */
    static boolean acceptable(String entry, boolean allowPrivate, boolean httpsOnly) {
        return LinkWebhooks.refusalWhenSaved(entry, allowPrivate).isEmpty()
                && !(httpsOnly && LinkWebhookSetting.parse(entry).orElseThrow().isHttp());
    }

    private static void move(KeycloakSession session, String realmId, boolean allowPrivate) {
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
        boolean httpsOnly = LinkWebhookSetting.httpsOnly(provider.getConfig());
        List<String> configured = LinkWebhooks.configured(provider);
        Map<String, List<String>> leftovers = new LinkedHashMap<>();
        holders.forEach(holder -> leftovers.put(holder.getId(), LinkWebhooks.entries(holder)));
        Plan plan = plan(configured, leftovers, entry -> acceptable(entry, allowPrivate, httpsOnly));
        for (String entry : plan.refused()) {
            LOG.warnf("realm %s: a link webhook%s left on the legacy accounts provider is not moved to the vneid identity"
                    + " provider, which would refuse it (its format, its address, or plain http in PRODUCTION); it stays"
                    + " there unused until an administrator removes it", realm.getName(),
                    LinkWebhookSetting.parse(entry).map(e -> " of client " + e.clientId()).orElse(""));
        }
        if (!plan.changes(configured, leftovers)) {
            return;
        }
        RealmModel previous = session.getContext().getRealm();
        try {
            session.getContext().setRealm(realm);
            // copies: the models read may be the cache's own
            if (!plan.entries().equals(configured)) {
                IdentityProviderModel updated = new IdentityProviderModel(provider);
                updated.getConfig().put(LinkWebhooks.CONFIG_KEY, LinkWebhookSetting.joined(plan.entries()));
                session.identityProviders().update(updated);
            }
            for (ComponentModel holder : holders) {
                List<String> kept = plan.staying().get(holder.getId());
                if (kept.equals(leftovers.get(holder.getId()))) {
                    continue;
                }
                ComponentModel emptied = new ComponentModel(holder);
                if (kept.isEmpty()) {
                    emptied.getConfig().remove(LinkWebhooks.CONFIG_KEY);
                } else {
                    // one value per entry: each read back on its own as itself
                    emptied.getConfig().put(LinkWebhooks.CONFIG_KEY, new ArrayList<>(kept));
                }
                realm.updateComponent(emptied);
            }
        } finally {
            session.getContext().setRealm(previous);
        }
        LOG.infof("realm %s: link webhooks of the legacy accounts provider moved to the vneid identity provider "
                + "(%d entries there now, %d left unused on the legacy provider)", realm.getName(),
                plan.entries().size(), plan.refused().size());
    }
}

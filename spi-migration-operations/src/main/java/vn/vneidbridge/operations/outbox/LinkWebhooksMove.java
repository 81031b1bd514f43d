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
 * server allows private addresses), and it is https when that provider talks to VNeID's PRODUCTION; any other is put
 * aside on its legacy provider in {@value LinkWebhookSetting#REFUSED_KEY}, which nothing reads, so it can never be
 * delivered to, whatever becomes of the realm later (the alias {@code vneid} given to a provider of another type, the
 * provider leaving PRODUCTION); a warning naming only its client is logged at each start until an administrator
 * removes it. The moved entries are added to the identity provider first (after its own, one per client, the first
 * wins, as {@link LinkWebhooks#of} reads them), written with {@link LinkWebhookSetting#joined} so they read back as
 * themselves, and only then taken off the legacy providers, so nothing is lost if a step fails; a realm with nothing
 * to move is left untouched, so running it again changes nothing. A realm without a {@code vneid} identity provider
 * keeps them where they are ({@link LinkWebhooks#of} reads them there, as it reads any not moved yet, under the
 * identity provider's rules once there is one). Only enabled legacy providers are moved: a disabled one's webhooks
 * were not in use and stay so until it is enabled.
 */
final class LinkWebhooksMove {

    private static final Logger LOG = Logger.getLogger(LinkWebhooksMove.class);

    private LinkWebhooksMove() {
    }

    /**
     * What the move does in one realm: the identity provider's entries after it, and the entries each legacy provider
     * puts aside (by its id); every live entry of a legacy provider is either moved, dropped (its client has an entry
     * already, which {@link LinkWebhooks#of} always preferred) or put aside.
     */
    record Plan(List<String> entries, Map<String, List<String>> refused) {

        /** Every entry put aside, in order. */
        List<String> allRefused() {
            return refused.values().stream().flatMap(List::stream).toList();
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
                // e.g. another node moved them at the same moment, or another setting of the legacy provider is
                // invalid now (its owner client deleted): they are read where they are meanwhile, under the identity
                // provider's rules, and the next start tries again
                LOG.warnf("link webhooks of realm id %s not moved to the vneid identity provider (%s); they are read "
                        + "where they are, under its rules, until a start moves them: if this repeats at every start, "
                        + "save the legacy accounts provider in the admin console to see which of its settings is "
                        + "refused", realmId, e.getClass().getSimpleName());
                LOG.debugf(e, "link webhooks of realm id %s not moved", realmId);
            }
        }
    }

    /**
     * The identity provider's entries after the move — its own, then each acceptable leftover of a client it has no
     * entry for yet (the first wins) — and the leftovers each legacy provider puts aside, those not acceptable. An
     * acceptable leftover of a client that has an acceptable entry already is dropped, as {@link LinkWebhooks#of} never
     * used it; but where the identity provider's own entry for that client is one it would refuse now (plain http in
     * PRODUCTION, from before that rule; skipped where read), the leftover was the one delivered to, so it takes that
     * entry's place.
     *
     * @param configured the identity provider's entries
     * @param leftovers each legacy provider's live entries, by its id
     * @param acceptable whether the identity provider would accept an entry when saved
     */
    static Plan plan(List<String> configured, Map<String, List<String>> leftovers, Predicate<String> acceptable) {
        Map<String, String> byClient = new LinkedHashMap<>();
        List<String> replaceable = new ArrayList<>();
        for (String entry : configured) {
            String key = LinkWebhookSetting.parse(entry).map(LinkWebhookSetting.Entry::clientId).orElse(entry);
            if (byClient.putIfAbsent(key, entry) == null && !acceptable.test(entry)) {
                replaceable.add(key);
            }
        }
        Map<String, List<String>> refused = new LinkedHashMap<>();
        leftovers.forEach((holder, entries) -> {
            List<String> aside = new ArrayList<>();
            for (String entry : entries) {
                if (acceptable.test(entry)) {
                    String clientId = LinkWebhookSetting.parse(entry).orElseThrow().clientId();
                    if (replaceable.remove(clientId)) {
                        byClient.put(clientId, entry);
                    } else {
                        byClient.putIfAbsent(clientId, entry);
                    }
                } else {
                    aside.add(entry);
                }
            }
            refused.put(holder, aside);
        });
        return new Plan(List.copyOf(byClient.values()), refused);
    }

    /** Whether the identity provider would accept the entry when saved (see the class comment). */
    static boolean acceptable(String entry, boolean allowPrivate, boolean httpsOnly) {
        return LinkWebhooks.refusalWhenSaved(entry, allowPrivate).isEmpty()
                && !(httpsOnly && LinkWebhookSetting.parse(entry).orElseThrow().isHttp());
    }

    /** The entries a legacy provider has put aside before. */
    static List<String> refused(ComponentModel model) {
        return LinkWebhookSetting.entries(model.getConfig().get(LinkWebhookSetting.REFUSED_KEY));
    }

    private static void move(KeycloakSession session, String realmId, boolean allowPrivate) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        List<ComponentModel> enabled = LinkWebhooks.legacyProviders(realm).toList();
        enabled.forEach(holder -> refused(holder).forEach(entry -> warnRefused(realm, entry)));
        List<ComponentModel> holders = enabled.stream()
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
        plan.allRefused().forEach(entry -> warnRefused(realm, entry));
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
                ComponentModel emptied = new ComponentModel(holder);
                emptied.getConfig().remove(LinkWebhooks.CONFIG_KEY);
                List<String> aside = new ArrayList<>(refused(holder));
                plan.refused().get(holder.getId()).stream().filter(entry -> !aside.contains(entry))
                        .forEach(aside::add);
                if (!aside.isEmpty()) {
                    // one value per entry: each read back on its own as itself
                    emptied.getConfig().put(LinkWebhookSetting.REFUSED_KEY, aside);
                }
                realm.updateComponent(emptied);
            }
        } finally {
            session.getContext().setRealm(previous);
        }
        LOG.infof("realm %s: link webhooks of the legacy accounts provider moved to the vneid identity provider "
                + "(%d entries there now, %d put aside unused on the legacy provider)", realm.getName(),
                plan.entries().size(), plan.allRefused().size());
    }

    private static void warnRefused(RealmModel realm, String entry) {
        LOG.warnf("realm %s: a link webhook%s left on the legacy accounts provider is not moved to the vneid identity"
                + " provider, which would refuse it (its format, its address, or plain http in PRODUCTION); it is kept"
                + " aside in %s, never used, until an administrator removes it", realm.getName(),
                LinkWebhookSetting.parse(entry).map(e -> " of client " + e.clientId()).orElse(""),
                LinkWebhookSetting.REFUSED_KEY);
    }
}

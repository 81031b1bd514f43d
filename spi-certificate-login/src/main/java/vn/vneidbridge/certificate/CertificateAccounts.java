package vn.vneidbridge.certificate;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.truststore.TruststoreProvider;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * From a certificate chain to the one account it logs in, for both certificate logins ("Usb ký số", where the chain
 * is the TLS handshake's, and remote signing, where the provider sent it): the chain checked ({@link CertificateCheck}
 * over {@link CertificatePath}, to the execution's pinned roots only, revocation over the whole path), the subject's
 * id read ({@link CertificateIds}), and the account found ({@link CertificateLoginDecision} over
 * {@link CertificateHolders}); administrators and accounts locked by Keycloak's brute-force detection refused. A
 * legacy row is imported only when the caller says the citizen has confirmed. Every refusal is written to the event
 * given (certificate issuer and account id, never the subject).
 */
final class CertificateAccounts {

    private static final Logger LOG = Logger.getLogger(CertificateAccounts.class);
    /** Warnings already given (one each, not one per request). */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final CrlCache crls;
    private final Clock clock;

    CertificateAccounts(CrlCache crls, Clock clock) {
        this.crls = crls;
        this.clock = clock;
    }

    /** What checking a chain came to. */
    sealed interface Checked permits Refused, Accepted {
    }

    record Refused(CertificateRefusal refusal) implements Checked {
    }

    /**
     * The chain is trusted and names one account.
     *
     * @param user the account, once it is in Keycloak (empty for a legacy row not yet imported)
     */
    record Accepted(CertificateHolders.Found account, Optional<UserModel> user, X509Certificate leaf, String issuer)
            implements Checked {
    }

    /**
     * Checks {@code chain} (the leaf first) and finds its account.
     *
     * @param typed       the id the citizen typed, when the login started from one: the certificate must name it
     * @param importIfOne whether a legacy row found is imported now (after the citizen confirmed)
     */
    Checked check(AuthenticationFlowContext context, X509Certificate[] chain, Optional<CertificateId> typed,
                  java.util.function.Predicate<CertificateHolders.Found> importIfOne, EventBuilder event) {
        try {
            return checkChain(context, chain, typed, importIfOne, event);
        } catch (CertificateHolders.LegacyDatabaseUnavailable | LegacyDatabaseUnavailableException e) {
            event.error(CertificateRefusal.LEGACY_DATABASE_UNAVAILABLE.eventError());
            return new Refused(CertificateRefusal.LEGACY_DATABASE_UNAVAILABLE);
        } catch (RuntimeException e) {
            // a database or setting error: nothing decided, the class is enough for an operator (review F8)
            LOG.warnf("certificate login: the certificate or its account could not be checked (%s)",
                    e.getClass().getName());
            event.error(CertificateRefusal.LOOKUP_FAILED.eventError());
            return new Refused(CertificateRefusal.LOOKUP_FAILED);
        }
    }

    private Checked checkChain(AuthenticationFlowContext context, X509Certificate[] chain,
                               Optional<CertificateId> typed,
                               java.util.function.Predicate<CertificateHolders.Found> importIfOne,
                               EventBuilder event) {
        CertificateLoginConfig config = new CertificateLoginConfig(context.getAuthenticatorConfig());
        TrustedRoots roots = config.trustedRoots();
        if (!roots.invalid().isEmpty()) {
            warnOnce(context, "ignores " + roots.invalid().size() + " value(s) of trustedRootsSha256 that are not"
                    + " SHA-256 fingerprints");
        }
        if (roots.isEmpty()) {
            warnOnce(context, "has no trusted root configured: it accepts no certificate");
            return new Refused(CertificateRefusal.NOT_CONFIGURED);
        }
        X509Certificate leaf = chain[0];
        TruststoreProvider truststore = context.getSession().getProvider(TruststoreProvider.class);
        Collection<X509Certificate> pinned = pinned(truststore, roots);
        if (pinned.size() < roots.size()) {
            warnOnce(context, "has " + (roots.size() - pinned.size()) + " pinned root(s) that are not in Keycloak's"
                    + " trust store (option truststore-paths): no chain can end in them");
        }
        CertificatePath path = new CertificatePath(chain, intermediates(truststore), pinned,
                Date.from(clock.instant()));
        URI responder = config.ocspResponder().isEmpty() ? null : URI.create(config.ocspResponder());
        Optional<CertificateRefusal> failed = CertificateCheck.check(leaf, clock.instant(), roots,
                new CertificateCheck.Steps(path::build, path::anchor, path::checkValidity, () -> { },
                        () -> path.checkRevocation(config.revocationMode(), responder,
                                (certificate, issuer) -> crls.crls(certificate, issuer, config.crlCacheMaxAge())),
                        path::listedRevoked));
        if (failed.isPresent()) {
            event.error(failed.get().eventError());
            return new Refused(failed.get());
        }
        String issuer = leaf.getIssuerX500Principal().getName(X500Principal.RFC2253);
        event.detail(CertificateLoginAuthenticator.DETAIL_ISSUER, issuer);
        CertificateIds.Reading reading = CertificateIds.read(leaf.getSubjectX500Principal(), config.acceptedIds());
        if (typed.isPresent() && reading instanceof CertificateIds.One one && !TypedIds.same(typed.get(), one.id())) {
            // the provider's certificate names someone else than the number typed: nobody is logged in
            event.error(CertificateRefusal.ANOTHER_PERSON.eventError());
            return new Refused(CertificateRefusal.ANOTHER_PERSON);
        }
        CertificateHolders holders = new CertificateHolders(context.getSession(), context.getRealm());
        CertificateLoginDecision.Outcome outcome = CertificateLoginDecision.decide(reading, holders::holders);
        if (outcome instanceof CertificateLoginDecision.Refuse refuse) {
            holders.found().ifPresent(found -> event.user(found.userId()));
            event.error(refuse.reason().eventError());
            return new Refused(refuse.reason());
        }
        CertificateHolders.Found account = holders.found().orElseThrow();
        Optional<UserModel> user = holders.user(importIfOne.test(account));
        if (user.isPresent() && holders.administrator(user.get())) {
            event.user(account.userId()).error(CertificateRefusal.ADMINISTRATOR.eventError());
            return new Refused(CertificateRefusal.ADMINISTRATOR);
        }
        if (user.isPresent() && temporarilyLocked(context.getSession(), context.getRealm(), user.get())) {
            event.user(account.userId()).error(CertificateRefusal.ACCOUNT_LOCKED.eventError());
            return new Refused(CertificateRefusal.ACCOUNT_LOCKED);
        }
        return new Accepted(account, user, leaf, issuer);
    }

    private static Collection<X509Certificate> pinned(TruststoreProvider truststore, TrustedRoots roots) {
        List<X509Certificate> found = new ArrayList<>();
        if (truststore != null) {
            for (Map<X500Principal, List<X509Certificate>> certificates : List.of(
                    nonNull(truststore.getHttpsRootCertificates()), nonNull(truststore.getRootCertificates()))) {
                certificates.values().forEach(list -> list.stream().filter(roots::trusts)
                        .filter(root -> !found.contains(root)).forEach(found::add));
            }
        }
        return found;
    }

    private static Collection<X509Certificate> intermediates(TruststoreProvider truststore) {
        List<X509Certificate> found = new ArrayList<>();
        if (truststore != null) {
            nonNull(truststore.getHttpsIntermediateCertificates()).values().forEach(found::addAll);
            nonNull(truststore.getIntermediateCertificates()).values().forEach(found::addAll);
        }
        return found;
    }

    private static Map<X500Principal, List<X509Certificate>> nonNull(Map<X500Principal, List<X509Certificate>> map) {
        return map == null ? Map.of() : map;
    }

    private static boolean temporarilyLocked(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector != null && protector.isTemporarilyDisabled(session, realm, user);
    }

    /** Logs a configuration problem of the step once per execution, not once per request. */
    static void warnOnce(AuthenticationFlowContext context, String what) {
        String execution = context.getExecution() == null ? "?" : context.getExecution().getId();
        if (WARNED.add(execution + what)) {
            LOG.warnf("certificate login (execution %s of realm %s) %s", execution, context.getRealm().getName(),
                    what);
        }
    }
}

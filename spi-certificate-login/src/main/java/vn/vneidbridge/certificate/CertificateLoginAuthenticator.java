package vn.vneidbridge.certificate;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.GeneralSecurityException;
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
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import org.keycloak.truststore.TruststoreProvider;
import vn.vneidbridge.core.flow.LoginNotes;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * Step {@value CertificateLoginAuthenticatorFactory#PROVIDER_ID}, "Usb ký số": the certificate the browser presented
 * in the TLS handshake (Keycloak's own lookup, {@code X509ClientCertificateLookup}) logs in the one account that
 * holds its subject's id verified. An alternative beside the password form: a browser that presented no certificate
 * goes on to the password form without a word. With a certificate, the step checks it ({@link CertificateCheck},
 * {@link CertificatePath}), finds the account ({@link CertificateLoginDecision}), and asks the citizen to confirm on a
 * page that names the certificate's holder and issuer and the account, masked: a token left in a shared computer
 * logs nobody in by itself. The confirmation checks everything again on its own request, must present the same
 * certificate and find the same account; only then is a legacy row imported. Every refusal is a page with its own
 * message and a way back to the other login means; nothing changes on any account. Events carry the certificate's
 * SHA-256, and its issuer once the chain is trusted; never the subject.
 */
final class CertificateLoginAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(CertificateLoginAuthenticator.class);
    static final String PAGE = "vneid-certificate-login.ftl";
    static final String FIELD_ACTION = "vneidCertificate";
    static final String ACTION_LOGIN = "login";
    static final String ACTION_OTHER = "other";
    /** The confirmed certificate's SHA-256 and the account it found, between the page and its answer. */
    static final String NOTE_CERTIFICATE = "vneid_certificate_sha256";
    static final String NOTE_ACCOUNT = "vneid_certificate_account";
    static final String DETAIL_CERTIFICATE = "certificate_sha256";
    static final String DETAIL_ISSUER = "certificate_issuer";
    static final String DETAIL_MEANS = "sign_in_means";
    static final String MEANS = "certificate";
    /**
     * Keycloak's lookups that read the certificate of this request's own TLS handshake: {@code quarkus} (the
     * server's default) and {@code default}; every other one reads a header a proxy sets.
     */
    private static final Set<String> HANDSHAKE_LOOKUPS = Set.of("quarkus", "default");
    /** Warnings already given (one each, not one per request). */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final CrlCache crls;
    private final Clock clock;

    CertificateLoginAuthenticator(CrlCache crls, Clock clock) {
        this.crls = crls;
        this.clock = clock;
    }

    /** What checking one request's certificate came to. */
    private sealed interface Checked permits Refused, Accepted, Absent {
    }

    private record Absent() implements Checked {
    }

    private record Refused(CertificateRefusal refusal) implements Checked {
    }

    private record Accepted(CertificateHolders.Found account, Optional<UserModel> user, X509Certificate leaf,
                            String issuer) implements Checked {
    }

    /** What the confirmation page named: the certificate's SHA-256 and the account's user id (null: no page). */
    private record Confirmation(String certificate, String account) {
        static final Confirmation NONE = new Confirmation(null, null);

        boolean names(String fingerprint, CertificateHolders.Found found) {
            return fingerprint.equals(certificate) && found.userId().equals(account);
        }
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        boolean offered = !new CertificateLoginConfig(context.getAuthenticatorConfig()).trustedRoots().isEmpty();
        context.getAuthenticationSession().setAuthNote(LoginNotes.CERTIFICATE_LOGIN_OFFERED, String.valueOf(offered));
        Checked checked = check(context, Confirmation.NONE);
        if (checked instanceof Absent
                || checked instanceof Refused refused && refused.refusal() == CertificateRefusal.NOT_CONFIGURED) {
            // no certificate, or an execution nobody configured (the log says so once): the password form is shown
            context.attempted();
            return;
        }
        if (checked instanceof Refused refused) {
            refuse(context, refused.refusal());
            return;
        }
        confirm(context, (Accepted) checked);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(FIELD_ACTION);
        if (ACTION_OTHER.equals(action)) {
            forget(context);
            context.attempted();
            return;
        }
        if (!ACTION_LOGIN.equals(action)) {
            authenticate(context);
            return;
        }
        Confirmation confirmation = new Confirmation(
                context.getAuthenticationSession().getAuthNote(NOTE_CERTIFICATE),
                context.getAuthenticationSession().getAuthNote(NOTE_ACCOUNT));
        Checked checked = check(context, confirmation);
        if (checked instanceof Absent) {
            refuse(context, CertificateRefusal.NO_CERTIFICATE);
            return;
        }
        if (checked instanceof Refused refused) {
            refuse(context, refused.refusal());
            return;
        }
        Accepted done = (Accepted) checked;
        String fingerprint = TrustedRoots.fingerprint(done.leaf());
        if (!confirmation.names(fingerprint, done.account())) {
            // another certificate, or another account, than the page named (another token, another browser's post,
            // an account changed meanwhile): ask again
            context.getEvent().clone().detail(DETAIL_CERTIFICATE, fingerprint).detail(DETAIL_MEANS, MEANS)
                    .error("certificate_changed");
            confirm(context, done);
            return;
        }
        if (done.user().isEmpty()) {
            refuse(context, CertificateRefusal.LOOKUP_FAILED);
            return;
        }
        forget(context);
        context.getEvent().detail(DETAIL_CERTIFICATE, fingerprint).detail(DETAIL_ISSUER, done.issuer())
                .detail(DETAIL_MEANS, MEANS);
        context.setUser(done.user().get());
        context.success();
    }

    private void confirm(AuthenticationFlowContext context, Accepted accepted) {
        context.getAuthenticationSession().setAuthNote(NOTE_CERTIFICATE, TrustedRoots.fingerprint(accepted.leaf()));
        context.getAuthenticationSession().setAuthNote(NOTE_ACCOUNT, accepted.account().userId());
        context.challenge(context.form()
                .setAttribute("vneidCertHolder", commonName(accepted.leaf().getSubjectX500Principal()))
                .setAttribute("vneidCertIssuer", commonName(accepted.leaf().getIssuerX500Principal()))
                .setAttribute("vneidCertAccount", masked(accepted.account().username()))
                .createForm(PAGE));
    }

    /**
     * Checks this request's certificate and finds its account. When the certificate and account are those the
     * confirmation page named, a legacy row is imported, and the imported user is checked as an administrator and
     * against the brute-force lock like any other.
     */
    private Checked check(AuthenticationFlowContext context, Confirmation confirmation) {
        X509Certificate[] chain = presented(context);
        if (chain.length == 0) {
            return new Absent();
        }
        X509Certificate leaf = chain[0];
        EventBuilder event = context.getEvent().clone().detail(DETAIL_CERTIFICATE, TrustedRoots.fingerprint(leaf))
                .detail(DETAIL_MEANS, MEANS);
        try {
            return check(context, confirmation, chain, event);
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

    private Checked check(AuthenticationFlowContext context, Confirmation confirmation, X509Certificate[] chain,
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
        event.detail(DETAIL_ISSUER, issuer);
        CertificateHolders holders = new CertificateHolders(context.getSession(), context.getRealm());
        CertificateLoginDecision.Outcome outcome = CertificateLoginDecision.decide(
                CertificateIds.read(leaf.getSubjectX500Principal(), config.acceptedIds()), holders::holders);
        if (outcome instanceof CertificateLoginDecision.Refuse refuse) {
            holders.found().ifPresent(found -> event.user(found.userId()));
            event.error(refuse.reason().eventError());
            return new Refused(refuse.reason());
        }
        CertificateHolders.Found account = holders.found().orElseThrow();
        Optional<UserModel> user = holders.user(confirmation.names(TrustedRoots.fingerprint(leaf), account));
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

    private static X509Certificate[] presented(AuthenticationFlowContext context) {
        X509ClientCertificateLookup lookup = context.getSession().getProvider(X509ClientCertificateLookup.class);
        if (lookup == null) {
            return new X509Certificate[0];
        }
        var factory = context.getSession().getKeycloakSessionFactory()
                .getProviderFactory(X509ClientCertificateLookup.class);
        if (factory == null || !HANDSHAKE_LOOKUPS.contains(factory.getId())) {
            // a certificate in a header proves nothing unless only the TLS proxy can set it (review F5): not yet
            warnOnce(context, "reads certificates from the TLS handshake only; the server's x509cert-lookup provider"
                    + " reads them from headers, so no certificate is accepted");
            return new X509Certificate[0];
        }
        try {
            X509Certificate[] chain = lookup.getCertificateChain(context.getHttpRequest());
            return chain == null || chain.length == 0 || chain[0] == null ? new X509Certificate[0] : chain;
        } catch (GeneralSecurityException | RuntimeException e) {
            return new X509Certificate[0];
        }
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

    private static void refuse(AuthenticationFlowContext context, CertificateRefusal refusal) {
        forget(context);
        context.challenge(context.form().setAttribute("vneidCertRefusal", refusal.messageKey())
                .setStatus(Response.Status.fromStatusCode(refusal.status()))
                .createForm(PAGE));
    }

    private static void forget(AuthenticationFlowContext context) {
        context.getAuthenticationSession().removeAuthNote(NOTE_CERTIFICATE);
        context.getAuthenticationSession().removeAuthNote(NOTE_ACCOUNT);
    }

    private static void warnOnce(AuthenticationFlowContext context, String what) {
        String execution = context.getExecution() == null ? "?" : context.getExecution().getId();
        if (WARNED.add(execution + what)) {
            LOG.warnf("certificate login (execution %s of realm %s) %s", execution, context.getRealm().getName(),
                    what);
        }
    }

    /** The common name of a trusted certificate's subject or issuer, for the confirmation page. */
    static String commonName(X500Principal principal) {
        try {
            for (Rdn rdn : new LdapName(principal.getName(X500Principal.RFC2253)).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return "";
        }
        return "";
    }

    /**
     * A username as the confirmation page shows it: enough for its owner to recognise (the first two characters and
     * the last), not enough to learn it.
     */
    static String masked(String username) {
        if (username == null || username.length() < 4) {
            return "***";
        }
        return username.substring(0, 2) + "***" + username.substring(username.length() - 1);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}

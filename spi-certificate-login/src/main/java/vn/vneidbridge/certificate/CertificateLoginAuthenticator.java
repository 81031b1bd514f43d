package vn.vneidbridge.certificate;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.x509.X509ClientCertificateLookup;
import vn.vneidbridge.core.flow.LoginNotes;

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

    private final CertificateAccounts accounts;

    CertificateLoginAuthenticator(CrlCache crls, Clock clock) {
        this.accounts = new CertificateAccounts(crls, clock);
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
        Optional<CertificateAccounts.Checked> checked = check(context, Confirmation.NONE);
        if (checked.isEmpty() || checked.get() instanceof CertificateAccounts.Refused refused
                && refused.refusal() == CertificateRefusal.NOT_CONFIGURED) {
            // no certificate, or an execution nobody configured (the log says so once): the password form is shown
            context.attempted();
            return;
        }
        if (checked.get() instanceof CertificateAccounts.Refused refused) {
            refuse(context, refused.refusal());
            return;
        }
        confirm(context, (CertificateAccounts.Accepted) checked.get());
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
        Optional<CertificateAccounts.Checked> checked = check(context, confirmation);
        if (checked.isEmpty()) {
            refuse(context, CertificateRefusal.NO_CERTIFICATE);
            return;
        }
        if (checked.get() instanceof CertificateAccounts.Refused refused) {
            refuse(context, refused.refusal());
            return;
        }
        CertificateAccounts.Accepted done = (CertificateAccounts.Accepted) checked.get();
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

    private void confirm(AuthenticationFlowContext context, CertificateAccounts.Accepted accepted) {
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
    /** Empty when the browser presented no certificate. */
    private Optional<CertificateAccounts.Checked> check(AuthenticationFlowContext context,
                                                        Confirmation confirmation) {
        X509Certificate[] chain = presented(context);
        if (chain.length == 0) {
            return Optional.empty();
        }
        String fingerprint = TrustedRoots.fingerprint(chain[0]);
        EventBuilder event = context.getEvent().clone().detail(DETAIL_CERTIFICATE, fingerprint)
                .detail(DETAIL_MEANS, MEANS);
        return Optional.of(accounts.check(context, chain, Optional.empty(),
                account -> confirmation.names(fingerprint, account), event));
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
            CertificateAccounts.warnOnce(context, "reads certificates from the TLS handshake only; the server's x509cert-lookup provider"
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

package vn.vneidbridge.certificate;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.certificate.remote.LoginChallenge;
import vn.vneidbridge.certificate.remote.RemoteSignatureCheck;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions.AtFinish;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions.State;
import vn.vneidbridge.certificate.remote.RemoteSigningService;
import vn.vneidbridge.certificate.remote.UnconfiguredRemoteSigning;
import vn.vneidbridge.core.limit.AccountAndAddressAttempts;
import vn.vneidbridge.core.limit.AttemptSlots;

/**
 * Step {@value RemoteSigningLoginAuthenticatorFactory#PROVIDER_ID}, "Sim ký số" / VNPT SmartCA: the citizen types their
 * id number; the provider's certificate for it is taken, and the phone is asked to sign this login's challenge
 * ({@link LoginChallenge}: realm, portal, issuer, a hash of this login's session ids, a nonce, a code shown on both
 * screens, an end time). The waiting page polls {@link RemoteSigningResource}; at the finish the entry is taken once
 * across the cluster ({@link RemoteSigningStore}), the signature is fetched from the provider and verified over the
 * challenge rebuilt from this login's own notes with the certificate chosen before signing, and the certificate is
 * then checked and mapped to its account exactly as a USB token's ({@link CertificateAccounts}): pinned roots,
 * revocation of the whole path, the one account holding its id verified, never by name; it must also name the number
 * typed. Requests are limited per number and per address before the provider is called. Reached only when the
 * citizen picks its tab or card (an alternative after the password form, posted as Keycloak's
 * {@code authenticationExecution}). Every refusal is a page with its text and the ways back; nothing changes on any
 * account. Events carry the provider, the certificate's SHA-256 and issuer; never the number or the subject.
 */
final class RemoteSigningLoginAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(RemoteSigningLoginAuthenticator.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PAGE = "vneid-remote-signing.ftl";
    static final String FIELD_ACTION = "vneidRs";
    static final String FIELD_NUMBER = "vneidRsNumber";
    static final String FIELD_HANDLE = "vneidRsHandle";
    static final String ACTION_SEND = "send";
    static final String ACTION_FINISH = "finish";
    static final String ACTION_CANCEL = "cancel";
    static final String MEANS = "remote_signing";
    static final String DETAIL_PROVIDER = "remote_signing_provider";
    /** Auth notes of one request, written by this step only, read again at the finish. */
    static final String NOTE_HANDLE = "vneid_rs_handle";
    static final String NOTE_NUMBER = "vneid_rs_number";
    static final String NOTE_CHAIN = "vneid_rs_chain";
    static final String NOTE_NONCE = "vneid_rs_nonce";
    static final String NOTE_NOT_AFTER = "vneid_rs_not_after";
    static final String NOTE_PROVIDER = "vneid_rs_provider";
    static final String NOTE_ISSUER = "vneid_rs_issuer";
    private static final List<String> NOTES = List.of(NOTE_HANDLE, NOTE_NUMBER, NOTE_CHAIN, NOTE_NONCE,
            NOTE_NOT_AFTER, NOTE_PROVIDER, NOTE_ISSUER);

    private final CertificateAccounts accounts;
    private final Clock clock;

    RemoteSigningLoginAuthenticator(CrlCache crls, Clock clock) {
        this.accounts = new CertificateAccounts(crls, clock);
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        RemoteSigningLoginConfig config = new RemoteSigningLoginConfig(context.getAuthenticatorConfig());
        if (service(context, config) == null) {
            refuse(context, config, event(context, config), CertificateRefusal.REMOTE_SIGNING_NOT_CONFIGURED);
            return;
        }
        forget(context);
        context.challenge(page(context, View.START).createForm(PAGE));
    }

    /** The execution's adapter, or null when it has none, the server lacks it, or no root is pinned. */
    private static RemoteSigningService service(AuthenticationFlowContext context, RemoteSigningLoginConfig config) {
        if (config.provider().isEmpty()
                || new CertificateLoginConfig(context.getAuthenticatorConfig()).trustedRoots().isEmpty()) {
            CertificateAccounts.warnOnce(context, "has no remote-signing adapter or no trusted root: it logs nobody"
                    + " in");
            return null;
        }
        RemoteSigningService service = context.getSession().getProvider(RemoteSigningService.class,
                config.provider());
        // an adapter deployed but given no server options would spend a citizen's request on a certain 503 (R8)
        return service == null || !service.configured() ? null : service;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(FIELD_ACTION);
        if (ACTION_SEND.equals(action)) {
            send(context, form.getFirst(FIELD_NUMBER));
        } else if (ACTION_FINISH.equals(action)) {
            finish(context, form.getFirst(FIELD_HANDLE));
        } else if (ACTION_CANCEL.equals(action)) {
            String handle = context.getAuthenticationSession().getAuthNote(NOTE_HANDLE);
            if (handle != null) {
                new RemoteSigningStore(context.getSession(), context.getRealm()).forget(handle);
            }
            forget(context);
            context.challenge(page(context, View.START).setAttribute("vneidRsNotice", "vneidRsCancelled")
                    .createForm(PAGE));
        } else {
            authenticate(context);
        }
    }

    private void send(AuthenticationFlowContext context, String typedNumber) {
        RemoteSigningLoginConfig config = new RemoteSigningLoginConfig(context.getAuthenticatorConfig());
        EventBuilder event = event(context, config);
        Optional<CertificateId> typed = TypedIds.read(typedNumber);
        if (typed.isEmpty()) {
            event.error("remote_signing_invalid_number");
            String shown = typedNumber == null ? "" : typedNumber.strip();
            context.challenge(page(context, View.START)
                    .setAttribute("vneidRsNumber", shown.length() > 20 ? shown.substring(0, 20) : shown)
                    .addError(new FormMessage(FIELD_NUMBER, "vneidRsNumberInvalid"))
                    .setStatus(Response.Status.BAD_REQUEST).createForm(PAGE));
            return;
        }
        RemoteSigningService service = service(context, config);
        if (service == null) {
            refuse(context, config, event, CertificateRefusal.REMOTE_SIGNING_NOT_CONFIGURED);
            return;
        }
        String number = TypedIds.number(typed.get());
        String address = context.getConnection() == null ? "unknown" : context.getConnection().getRemoteAddr();
        AccountAndAddressAttempts attempts = new AccountAndAddressAttempts(context.getSession(), context.getRealm(),
                "remote-signing", config.perNumber(), config.perAddress(), config.windowMinutes());
        AttemptSlots.Reservation reservation = attempts.reserve(number, address);
        if (!reservation.granted()) {
            refuse(context, config, event, CertificateRefusal.TOO_MANY_REQUESTS);
            return;
        }
        RemoteSigningService.Certificates certificates = service.certificates(number);
        if (certificates instanceof RemoteSigningService.Unavailable) {
            // the look-up failed (an outage, an answer the adapter cannot read), so nothing went to a phone: the
            // request does not count against the citizen's number, still against the address that sent it (a
            // signing request that fails keeps both: it may have reached the phone)
            attempts.giveBackAccount(reservation);
        }
        if (!(certificates instanceof RemoteSigningService.Found found)) {
            refuse(context, config, event, certificates instanceof RemoteSigningService.NotSubscribed
                    ? CertificateRefusal.NOT_SUBSCRIBED : unavailable(certificates));
            return;
        }
        Optional<RemoteSigningService.Offer> naming = offerNaming(context, found, typed.get());
        if (naming.isEmpty()) {
            // no certificate of the provider names the number typed (a relative's or an organisation's subscription,
            // a CMND typed where the certificate says CCCD): nothing is pushed to any phone (review 2026-12-07 R5)
            refuse(context, config, event, CertificateRefusal.NOT_SUBSCRIBED);
            return;
        }
        RemoteSigningService.Offer offer = naming.get();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        Instant notAfter = clock.instant().plus(config.approval()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // the issuer as the browser reached it when the request was sent: the polls and the finish may reach
        // another node, under another address, and must rebuild the same challenge
        String issuer = Urls.realmIssuer(context.getSession().getContext().getUri().getBaseUri(),
                context.getRealm().getName());
        LoginChallenge challenge = challenge(context, nonce, notAfter, issuer);
        String description = "Đăng nhập " + realmName(context.getRealm()) + " — mã " + challenge.code();
        RemoteSigningService.Started started = service.start(new RemoteSigningService.SignRequest(number,
                offer.serial(), challenge.sha256(), challenge.code(), description, transactionId()));
        if (!(started instanceof RemoteSigningService.Sent sent)) {
            refuse(context, config, event, started instanceof RemoteSigningService.NotSubscribed
                    ? CertificateRefusal.NOT_SUBSCRIBED : unavailable(started));
            return;
        }
        String handle = RemoteSigningStore.newHandle();
        new RemoteSigningStore(context.getSession(), context.getRealm()).save(handle, new RemoteSigningStore.Entry(
                authSession.getParentSession().getId(), authSession.getTabId(), notAfter.getEpochSecond(),
                sent.reference(), config.provider()), clock.instant().getEpochSecond());
        authSession.setAuthNote(NOTE_HANDLE, handle);
        authSession.setAuthNote(NOTE_NUMBER, number);
        authSession.setAuthNote(NOTE_CHAIN, encode(offer.chain()));
        authSession.setAuthNote(NOTE_NONCE, Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
        authSession.setAuthNote(NOTE_NOT_AFTER, Long.toString(notAfter.getEpochSecond()));
        authSession.setAuthNote(NOTE_PROVIDER, config.provider());
        authSession.setAuthNote(NOTE_ISSUER, issuer);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("remote signing: request sent to %s for %s", config.provider(),
                    number.length() > 4 ? "***" + number.substring(number.length() - 3) : "***");
        }
        context.challenge(waiting(context, config, handle, challenge.code(), notAfter, null));
    }

    private void finish(AuthenticationFlowContext context, String postedHandle) {
        RemoteSigningLoginConfig config = new RemoteSigningLoginConfig(context.getAuthenticatorConfig());
        EventBuilder event = event(context, config);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String handle = authSession.getAuthNote(NOTE_HANDLE);
        RemoteSigningStore store = new RemoteSigningStore(context.getSession(), context.getRealm());
        long now = clock.millis();
        String rootId = authSession.getParentSession().getId();
        if (handle == null || !handle.equals(postedHandle)) {
            // not this login's request (another browser's or tab's handle, a form posted again after a new request)
            refuse(context, config, event, store.used(postedHandle) && handle == null ? CertificateRefusal.USED
                    : CertificateRefusal.FOREIGN);
            return;
        }
        RemoteSigningStore.Entry entry = store.entry(handle);
        AtFinish decision = entry == null
                ? (store.used(handle) ? AtFinish.USED : AtFinish.EXPIRED)
                : RemoteSigningDecisions.atFinish(entry.decisions(store.answer(handle), false), rootId,
                        authSession.getTabId(), Instant.ofEpochMilli(now));
        if (decision == AtFinish.NOT_READY || decision == AtFinish.UNAVAILABLE) {
            // the page without script, or a poll that met an outage: ask once now
            State state = RemoteSigningProgress.refresh(context.getSession(), store, handle, entry, now, true);
            decision = switch (state) {
                case READY -> AtFinish.READY;
                case REFUSED -> AtFinish.REFUSED;
                case EXPIRED -> AtFinish.EXPIRED;
                default -> state == State.UNAVAILABLE ? AtFinish.UNAVAILABLE : AtFinish.NOT_READY;
            };
            if (decision == AtFinish.NOT_READY || decision == AtFinish.UNAVAILABLE) {
                context.challenge(waiting(context, config, handle, code(context), notAfter(authSession),
                        decision == AtFinish.NOT_READY ? "vneidRsNotYet" : "vneidRsStillUnavailable"));
                return;
            }
        }
        switch (decision) {
            case READY -> logIn(context, config, event, store, handle, now);
            case REFUSED -> {
                store.forget(handle);
                refuse(context, config, event, CertificateRefusal.REFUSED_ON_PHONE);
            }
            case EXPIRED -> {
                store.forget(handle);
                refuse(context, config, event, CertificateRefusal.APPROVAL_EXPIRED);
            }
            case USED -> refuse(context, config, event, CertificateRefusal.USED);
            default -> refuse(context, config, event, CertificateRefusal.FOREIGN);
        }
    }

    private void logIn(AuthenticationFlowContext context, RemoteSigningLoginConfig config, EventBuilder event,
                       RemoteSigningStore store, String handle, long now) {
        RemoteSigningStore.Entry taken = store.take(handle, now / 1000);
        if (taken == null) {
            refuse(context, config, event, CertificateRefusal.USED);
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        RemoteSigningService service = context.getSession().getProvider(RemoteSigningService.class,
                taken.provider());
        RemoteSigningService.Progress progress = service == null
                ? new RemoteSigningService.Unavailable(UnconfiguredRemoteSigning.REASON)
                : service.progress(taken.reference());
        if (!(progress instanceof RemoteSigningService.Signed signed)) {
            refuse(context, config, event, progress instanceof RemoteSigningService.Unavailable
                    ? CertificateRefusal.PROVIDER_UNAVAILABLE : CertificateRefusal.SIGNATURE_INVALID);
            return;
        }
        Optional<List<X509Certificate>> chain = decode(authSession.getAuthNote(NOTE_CHAIN));
        Optional<byte[]> nonce = nonce(authSession.getAuthNote(NOTE_NONCE));
        Optional<CertificateId> typed = TypedIds.read(authSession.getAuthNote(NOTE_NUMBER));
        String issuer = authSession.getAuthNote(NOTE_ISSUER);
        if (chain.isEmpty() || nonce.isEmpty() || typed.isEmpty() || issuer == null) {
            refuse(context, config, event, CertificateRefusal.FOREIGN);
            return;
        }
        X509Certificate leaf = chain.get().get(0);
        event.detail(CertificateLoginAuthenticator.DETAIL_CERTIFICATE, TrustedRoots.fingerprint(leaf));
        LoginChallenge challenge = challenge(context, nonce.get(), notAfter(authSession), issuer);
        if (!RemoteSignatureCheck.verifies(challenge, signed.signature(), leaf, service.scheme())) {
            refuse(context, config, event, CertificateRefusal.SIGNATURE_INVALID);
            return;
        }
        CertificateAccounts.Checked checked = accounts.check(context, chain.get().toArray(X509Certificate[]::new),
                typed, account -> true, event.clone());
        if (checked instanceof CertificateAccounts.Refused refused) {
            forget(context);
            context.challenge(page(context, View.REFUSED)
                    .setAttribute("vneidRsRefusal", refused.refusal().remoteSigningMessageKey())
                    .setStatus(Response.Status.fromStatusCode(refused.refusal().status())).createForm(PAGE));
            return;
        }
        CertificateAccounts.Accepted accepted = (CertificateAccounts.Accepted) checked;
        Optional<UserModel> user = accepted.user();
        if (user.isEmpty()) {
            forget(context);
            context.challenge(page(context, View.REFUSED)
                    .setAttribute("vneidRsRefusal", CertificateRefusal.LOOKUP_FAILED.messageKey())
                    .setStatus(Response.Status.SERVICE_UNAVAILABLE).createForm(PAGE));
            return;
        }
        forget(context);
        context.getEvent().detail(CertificateLoginAuthenticator.DETAIL_MEANS, MEANS)
                .detail(DETAIL_PROVIDER, config.provider())
                .detail(CertificateLoginAuthenticator.DETAIL_CERTIFICATE, TrustedRoots.fingerprint(leaf))
                .detail(CertificateLoginAuthenticator.DETAIL_ISSUER, accepted.issuer());
        context.setUser(user.get());
        context.success();
    }

    /**
     * The newest of the provider's certificates whose subject names the number typed (the same reading of its
     * {@code UID} the finish applies), before anything is pushed to a phone.
     */
    private static Optional<RemoteSigningService.Offer> offerNaming(AuthenticationFlowContext context,
                                                                   RemoteSigningService.Found found,
                                                                   CertificateId typed) {
        java.util.Set<CertificateId.Kind> accepted = new CertificateLoginConfig(context.getAuthenticatorConfig())
                .acceptedIds();
        return found.offers().stream().filter(offer -> CertificateIds.read(offer.leaf().getSubjectX500Principal(),
                accepted) instanceof CertificateIds.One one && TypedIds.same(typed, one.id())).findFirst();
    }

    /**
     * The challenge of this login: its realm, portal and session ids, with the issuer, nonce and end time given (all
     * three kept in the login's notes when the request was sent).
     */
    private static LoginChallenge challenge(AuthenticationFlowContext context, byte[] nonce, Instant notAfter,
                                            String issuer) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return LoginChallenge.of(new LoginChallenge.Fields(context.getRealm().getName(),
                authSession.getClient().getClientId(), issuer, authSession.getParentSession().getId(),
                authSession.getTabId(), nonce, notAfter));
    }

    private static String code(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<byte[]> nonce = nonce(authSession.getAuthNote(NOTE_NONCE));
        String issuer = authSession.getAuthNote(NOTE_ISSUER);
        return nonce.filter(bytes -> issuer != null)
                .map(bytes -> challenge(context, bytes, notAfter(authSession), issuer).code()).orElse("");
    }

    private Response waiting(AuthenticationFlowContext context, RemoteSigningLoginConfig config, String handle,
                             String code, Instant notAfter, String notice) {
        long left = Math.max(0, notAfter.getEpochSecond() - clock.instant().getEpochSecond());
        LoginFormsProvider form = page(context, View.WAIT)
                .setAttribute("vneidRsHandle", handle)
                .setAttribute("vneidRsCode", code)
                .setAttribute("vneidRsSeconds", left)
                .setAttribute("vneidRsStatusUrl", context.getSession().getContext().getUri().getBaseUriBuilder()
                        .path("realms").path(context.getRealm().getName()).path(RemoteSigningResourceFactory.PROVIDER_ID)
                        .path("status").path(handle).build().toString());
        if (notice != null) {
            form.setAttribute("vneidRsNotice", notice);
        }
        return form.createForm(PAGE);
    }

    private enum View {
        START, WAIT, REFUSED
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, View view) {
        RemoteSigningLoginConfig config = new RemoteSigningLoginConfig(context.getAuthenticatorConfig());
        return context.form().setAttribute("vneidRsView", view.name().toLowerCase(java.util.Locale.ROOT))
                .setAttribute("vneidRsLabel", config.label())
                .setAttribute("vneidRsMeans", config.means());
    }

    private void refuse(AuthenticationFlowContext context, RemoteSigningLoginConfig config, EventBuilder event,
                        CertificateRefusal refusal) {
        event.error(refusal.eventError());
        forget(context);
        context.challenge(page(context, View.REFUSED).setAttribute("vneidRsRefusal", refusal.remoteSigningMessageKey())
                .setStatus(Response.Status.fromStatusCode(refusal.status())).createForm(PAGE));
    }

    private static CertificateRefusal unavailable(Object answer) {
        return answer instanceof RemoteSigningService.Unavailable unavailable
                && UnconfiguredRemoteSigning.REASON.equals(unavailable.reason())
                ? CertificateRefusal.REMOTE_SIGNING_NOT_CONFIGURED : CertificateRefusal.PROVIDER_UNAVAILABLE;
    }

    private static EventBuilder event(AuthenticationFlowContext context, RemoteSigningLoginConfig config) {
        return context.getEvent().clone().detail(CertificateLoginAuthenticator.DETAIL_MEANS, MEANS)
                .detail(DETAIL_PROVIDER, config.provider());
    }

    private static void forget(AuthenticationFlowContext context) {
        NOTES.forEach(context.getAuthenticationSession()::removeAuthNote);
    }

    private static Instant notAfter(AuthenticationSessionModel authSession) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(authSession.getAuthNote(NOTE_NOT_AFTER)));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static Optional<byte[]> nonce(String note) {
        try {
            return note == null ? Optional.empty() : Optional.of(Base64.getUrlDecoder().decode(note));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String encode(List<X509Certificate> chain) {
        List<String> encoded = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                encoded.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a certificate the provider sent cannot be encoded again", e);
            }
        }
        return String.join(",", encoded);
    }

    private static Optional<List<X509Certificate>> decode(String note) {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (String part : note.split(",")) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(part))));
            }
            return Optional.of(chain);
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static String transactionId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String realmName(RealmModel realm) {
        return realm.getDisplayName() == null || realm.getDisplayName().isBlank() ? realm.getName()
                : realm.getDisplayName();
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

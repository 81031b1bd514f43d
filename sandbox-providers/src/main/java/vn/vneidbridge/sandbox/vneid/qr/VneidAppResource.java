package vn.vneidbridge.sandbox.vneid.qr;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.util.JsonSerialization;

/**
 * The "VNeID app" stand-in's pages and the waiting page's two calls. The app logs the citizen in with id number
 * and password (Keycloak's credential manager, at most {@value QrLoginDecisions#MAX_APP_LOGIN_FAILURES} wrong
 * tries per QR; each wrong password of a known account also counts in Keycloak's brute-force detection of the
 * realm, and an account it locked cannot log in to the app, so new QRs give no new tries), shows the asking service, and records "confirm" or "refuse". Every form carries a CSRF token
 * bound to the QR session; the confirm form's token is issued only to the browser that logged in to the app.
 */
final class VneidAppResource {

    static final String TEMPLATE = "vneid-sandbox-app.ftl";
    private static final Logger LOG = Logger.getLogger(VneidAppResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final QrLoginStore store;

    VneidAppResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.store = new QrLoginStore(session, realm);
    }

    @GET
    @Path("qr/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response open(@PathParam("token") String token) {
        QrLogin login = store.login(token);
        return page(token, login, QrLoginDecisions.onOpen(login, QrOffers.now()), null);
    }

    @POST
    @Path("qr/{token}/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response logIn(@PathParam("token") String token, @FormParam("csrf") String csrf,
            @FormParam("username") String username, @FormParam("password") String password) {
        long now = QrOffers.now();
        QrLogin login = store.login(token);
        QrLoginDecisions.AppView view = QrLoginDecisions.inApp(login, now);
        EventBuilder event = event(login).detail("vneid_qr_step", "app_login");
        if (!QrLoginDecisions.takesAppLogin(view)) {
            event.error("vneid_qr_" + view.name().toLowerCase(java.util.Locale.ROOT));
            return page(token, login, view, null);
        }
        if (!QrLoginDecisions.csrfMatches(login.csrf(), csrf)) {
            event.error("vneid_qr_csrf");
            return page(token, login, QrLoginDecisions.AppView.LOGIN, "vneidSandboxAppCsrf");
        }
        UserModel user = username == null || username.isBlank() ? null
                : session.users().getUserByUsername(realm, username.trim());
        BruteForceProtector bruteForce = session.getProvider(BruteForceProtector.class);
        // Keycloak's own lockout of the account (temporary, or permanent: then the user is disabled), as its forms check it
        String lockout = user == null ? null
                : AuthenticatorUtils.getDisabledByBruteForceEventError(bruteForce, session, realm, user);
        boolean valid = user != null && lockout == null && user.isEnabled() && password != null && !password.isEmpty()
                && user.credentialManager().isValid(UserCredentialModel.password(password));
        if (!valid) {
            QrLogin failed = login.withFailedAppLogin();
            store.save(token, failed, now);
            if (user != null) {
                event.user(user);
            }
            if (QrLoginDecisions.countsAsFailedLogin(realm.isBruteForceProtected(), user != null,
                    user != null && user.isEnabled(), lockout != null)) {
                // one more failure for the account, whichever QR it came through (Keycloak counts per user, cluster-wide)
                bruteForce.failedLogin(realm, user, session.getContext().getConnection(), session.getContext().getUri(),
                        Set.of(PasswordCredentialModel.TYPE));
            }
            event.error(lockout != null ? lockout : Errors.INVALID_USER_CREDENTIALS);
            LOG.debugf("Refused login in the VNeID app stand-in of realm %s", realm.getName());
            QrLoginDecisions.AppView next = QrLoginDecisions.onOpen(failed, now);
            return page(token, failed, next, QrLoginDecisions.appLoginError(next,
                    Errors.USER_TEMPORARILY_DISABLED.equals(lockout)));
        }
        QrLogin loggedIn = login.withAppUser(user.getId(), QrLoginStore.randomToken(32));
        store.save(token, loggedIn, now);
        event.user(user).detail("vneid_qr_step", "app_login").success();
        return page(token, loggedIn, QrLoginDecisions.AppView.CONFIRM, null);
    }

    @POST
    @Path("qr/{token}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response answer(@PathParam("token") String token, @FormParam("csrf") String csrf,
            @FormParam("answer") String answer) {
        long now = QrOffers.now();
        QrLogin login = store.login(token);
        QrLoginDecisions.AppView view = QrLoginDecisions.inApp(login, now);
        EventBuilder event = event(login).detail("vneid_qr_step", "app_answer");
        if (view != QrLoginDecisions.AppView.CONFIRM || !QrLoginDecisions.csrfMatches(login.appCsrf(), csrf)) {
            event.error(view == QrLoginDecisions.AppView.CONFIRM ? "vneid_qr_csrf"
                    : "vneid_qr_" + view.name().toLowerCase(java.util.Locale.ROOT));
            return page(token, login, view == QrLoginDecisions.AppView.CONFIRM ? QrLoginDecisions.AppView.LOGIN : view,
                    view == QrLoginDecisions.AppView.CONFIRM ? "vneidSandboxAppCsrf" : null);
        }
        UserModel user = session.users().getUserById(realm, login.appUserId());
        if (user != null) {
            event.user(user);
        }
        if ("confirm".equals(answer) && user != null && user.isEnabled()) {
            QrLogin confirmed = login.confirmed();
            store.save(token, confirmed, now);
            event.detail("vneid_qr_answer", "confirmed").success();
            return page(token, confirmed, QrLoginDecisions.AppView.ANSWERED, null);
        }
        QrLogin refused = login.refused();
        store.save(token, refused, now);
        event.detail("vneid_qr_answer", "refused").error("vneid_qr_refused_in_app");
        return page(token, refused, QrLoginDecisions.AppView.ANSWERED, null);
    }

    /** The waiting page's poll: only the state, never who. */
    @GET
    @Path("qr-status/{handle}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("handle") String handle) {
        long now = QrOffers.now();
        QrPage page = store.page(handle);
        QrLogin login = page == null ? null : store.login(page.token());
        QrLoginDecisions.Status status = QrLoginDecisions.status(page, login, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.json());
        body.put("expiresIn", page == null ? 0 : Math.max(0, page.expiresAt() - now));
        body.put("inApp", status == QrLoginDecisions.Status.PENDING && login.appUserId() != null);
        return json(body);
    }

    /** A new QR for the waiting page (same handle, same binding); none once the current one is confirmed. */
    @POST
    @Path("qr-renew/{handle}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response renew(@PathParam("handle") String handle) {
        long now = QrOffers.now();
        QrPage page = store.page(handle);
        QrLogin login = page == null ? null : store.login(page.token());
        QrLoginDecisions.Status status = QrLoginDecisions.status(page, login, now);
        Map<String, Object> body = new LinkedHashMap<>();
        if (page == null || status == QrLoginDecisions.Status.CONFIRMED || status == QrLoginDecisions.Status.USED) {
            body.put("status", page == null ? "gone" : status.json());
            return json(body);
        }
        QrOffers.Offer offer = new QrOffers(session, realm).renew(handle, page);
        body.put("status", QrLoginDecisions.Status.PENDING.json());
        body.put("expiresIn", offer.expiresIn());
        body.put("url", offer.url());
        body.put("image", offer.image());
        return json(body);
    }

    private Response page(String token, QrLogin login, QrLoginDecisions.AppView view, String error) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class)
                .setAttribute("vneidAppView", view.name())
                .setAttribute("vneidAppBase", new QrOffers(session, realm).appUrl(token).toString());
        if (login != null) {
            form.setAttribute("vneidAppState", login.state().name());
            ClientModel client = login.clientId() == null ? null : realm.getClientById(login.clientId());
            if (client != null) {
                form.setAttribute("vneidAppClient",
                        client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName());
            }
            if (view == QrLoginDecisions.AppView.LOGIN) {
                form.setAttribute("vneidAppCsrf", login.csrf());
            } else if (view == QrLoginDecisions.AppView.CONFIRM) {
                form.setAttribute("vneidAppCsrf", login.appCsrf());
            }
        }
        if (error != null) {
            form.setError(error);
        }
        Response response = form.createForm(TEMPLATE);
        return Response.fromResponse(response).cacheControl(noStore()).build();
    }

    private EventBuilder event(QrLogin login) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGIN).detail("auth_method_vneid", "qr_app");
        ClientModel client = login == null || login.clientId() == null ? null : realm.getClientById(login.clientId());
        if (client != null) {
            event.client(client);
        }
        return event;
    }

    private static Response json(Map<String, Object> body) {
        try {
            return Response.ok(JsonSerialization.writeValueAsString(body), MediaType.APPLICATION_JSON_TYPE)
                    .cacheControl(noStore()).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoCache(true);
        return cache;
    }
}

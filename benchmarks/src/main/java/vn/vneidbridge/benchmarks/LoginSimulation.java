package vn.vneidbridge.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * One login of a portal's user through the browser authorization-code flow with PKCE, as a browser without
 * JavaScript does it: the authorization request, every redirect, every form Keycloak or the upstream shows (login,
 * SMS code, CCCD form, linking notice, the account a first VNeID login links), back to the portal's callback, then
 * the code exchanged at the token endpoint (the login ends with the tokens). Each login is a new browser (no
 * cookies), closed model: a fixed number of users, each replaced by a new one when its login ends. The journeys
 * ({@link Journey}) add a step-up to VNeID level 2 in a browser holding a lower session, and a browser waiting at the
 * stand-in's QR ({@link QrWaitingBrowser}). Request names (the per-request breakdown): "authorize", "redirect",
 * "login form", "sms code", "cccd check", "cccd skip", "link notice skip", "shown account mine", "step-up authorize",
 * "token", "qr poll", "qr renew".
 */
public final class LoginSimulation extends Simulation {

    static final String REALM = "dvc";
    static final String CLIENT_ID = "dvcqg-portal";
    static final String CLIENT_SECRET = "sandbox-secret";
    /** The portal's redirect URI: never called, the code is read from the Location header. */
    static final String CALLBACK = "http://127.0.0.1:18999/callback";
    static final String PASSWORD = "Sandbox@123";
    static final String OTP = "123456";
    static final int MAX_STEPS = 16;
    private static final String[] SAVED = {"next", "loginAction", "otpAction", "cccdAction", "noticeAction",
        "shownAction"};
    /**
     * What one login leaves in the Gatling session, forgotten before the next: a preparation run's virtual user logs
     * in again and again with the same session (with "cccdChecked" left over, its next account's CCCD form would be
     * skipped instead of checked).
     */
    private static final String[] PER_LOGIN = {"cccdChecked", "cccdTyped", "stepStart", "idToken", "lowerSid",
        "_next", "_page", "_action", "loginName", "next", "loginAction", "otpAction", "cccdAction", "noticeAction",
        "shownAction"};
    /** The user-map key of a {@link SavedBrowserSession} (accounts of {@link Journey#VNEID_LEVEL_ONE_SESSION}). */
    static final String BROWSER_SESSION = "browserSession";

    /** How many loopback addresses the CCCD scenarios' browsers come from (see the constructor). */
    static final int CLIENT_ADDRESSES = 64;

    /**
     * {@code count} loopback addresses other than 127.0.0.1 (Linux answers the whole 127.0.0.0/8 on the loopback
     * interface), for virtual users that must not share one client address.
     */
    static List<String> clientAddresses(int count) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i + 2;
            addresses.add("127.0." + (n / 256) + "." + (n % 256));
        }
        return addresses;
    }

    public LoginSimulation() {
        BenchRun run = BenchRun.current();
        HttpProtocolBuilder protocol = http.baseUrl(run.baseUrl())
                .disableFollowRedirect()
                // a browser sends Origin with the forms it posts (set on them below), never with the portal's own
                // token request, which Keycloak would refuse with 403 as a cross-origin request once the page
                // before it was the stand-in VNeID's on another server
                .disableAutoOrigin()
                .disableUrlEncoding()
                .disableCaching()
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("vi,en;q=0.8")
                .userAgentHeader("vneid-bridge-benchmark");
        if (run.journey() == Journey.CCCD_MISS || run.journey() == Journey.CCCD_HIT) {
            // the CCCD check counts attempts per client address, at most 1,000 a window whatever the realm says
            // (AttemptSlots.MAX_ATTEMPTS): from one address, the load would measure its "too many attempts" answer
            // after 1,000 checks, not the registry; each new virtual user (browser) takes the next address
            protocol = protocol.localAddresses(clientAddresses(CLIENT_ADDRESSES));
        }
        ChainBuilder login = login(run);
        if (run.timed()) {
            // closed model: each virtual user is a new browser doing one login, replaced when it ends; once the
            // runner has closed the window, the next user to start stops the load generator
            ScenarioBuilder scenario = scenario(run.name())
                    .exec(stopLoadGeneratorIf("the measured window is over", session -> run.stopped()))
                    .exec(login);
            setUp(scenario.injectClosed(constantConcurrentUsers(run.concurrency()).during(run.cap())))
                    .protocols(protocol)
                    .maxDuration(run.cap().plusSeconds(60));
        } else {
            ScenarioBuilder scenario = scenario(run.name())
                    .asLongAs(session -> run.users().hasMore()).on(exec(login));
            setUp(scenario.injectOpen(atOnceUsers(run.concurrency()))).protocols(protocol);
        }
    }

    /** The chain of {@code run}'s journey: a login of one account, or a waiting QR page. */
    static ChainBuilder login(BenchRun run) {
        return switch (run.journey()) {
            case STEP_UP_FROM_PASSWORD, STEP_UP_FROM_LEVEL_ONE -> stepUp(run);
            case QR_WAITING -> QrWaitingBrowser.chain(run, (name, nanos) -> {
                long now = System.nanoTime();
                run.recorder().request(name, now - nanos, now);
            });
            default -> browserLogin(run);
        };
    }

    /**
     * One login in a new browser (no cookies), recorded from its authorization request to its tokens. A migrated
     * citizen's login must end with {@code acr} "0"; the preparation of a level-1 session with "1", and keeps the
     * browser's realm-dvc cookies.
     */
    private static ChainBuilder browserLogin(BenchRun run) {
        Journey journey = run.journey();
        Recorder recorder = run.recorder();
        ChainBuilder login = pages(journey, recorder, "authorize", session -> authorizationUrl(session, journey));
        if (journey == Journey.MIGRATED_PASSWORD) {
            login = login.exec(expectAcr("0"));
        } else if (journey == Journey.VNEID_LEVEL_ONE_SESSION) {
            login = login.exec(expectAcr("1")).exec(keepBrowserSession());
        }
        // a new browser for each login: a preparation run's virtual user loops over its accounts, and with the
        // cookies of the login before, realm dvc's SSO would log the next account in as the last one
        return exec(flushCookieJar())
                .exec(session -> begin(session, run))
                // a use-once pool that is used up: this virtual user waits instead of sending requests without
                // an account (which the server would answer with errors, and which would load it for nothing)
                .doIfOrElse(session -> session.contains("exhausted")).then(pause(1)).orElse(exitBlockOnFail().on(login))
                .exec(session -> record(session, recorder));
    }

    /**
     * A step-up to VNeID level 2 in a browser that holds a lower-level session of realm {@code dvc}: made by a
     * migrated citizen's password login in this chain ({@link Journey#STEP_UP_FROM_PASSWORD}, not recorded), or
     * restored from a kept VNeID level-1 session ({@link Journey#STEP_UP_FROM_LEVEL_ONE}). Then the portal's second
     * authorization request, with {@code acr_values=2} ("step-up authorize"), through the stand-in VNeID (its login
     * form and SMS code), back, the code exchanged; the tokens must say {@code acr} "2" and belong to the same
     * session as before (the ID token's {@code sid}: the session was raised, not replaced by a new login). Recorded
     * from the second authorization request to its tokens.
     */
    private static ChainBuilder stepUp(BenchRun run) {
        Journey journey = run.journey();
        Recorder recorder = run.recorder();
        ChainBuilder lowerSession = journey == Journey.STEP_UP_FROM_PASSWORD
                ? pages(journey, recorder, "authorize", session -> authorizationUrl(session, Journey.PASSWORD))
                        .exec(expectAcr("0"))
                        .exec(session -> {
                            String sid = IdTokens.claim(session.getString("idToken"), "sid");
                            return sid == null ? session.markAsFailed() : session.set("lowerSid", sid);
                        })
                : restoreBrowserSession();
        return exec(flushCookieJar())
                .exec(session -> begin(session, run))
                .doIfOrElse(session -> session.contains("exhausted")).then(pause(1)).orElse(exitBlockOnFail().on(
                        lowerSession
                        .exec(session -> newAuthorizationRequest(session).set("start", System.nanoTime()))
                        .exec(pages(journey, recorder, "step-up authorize",
                                session -> authorizationUrl(session, journey) + "&acr_values=2"))
                        .exec(expectAcr("2"))
                        // the same session, raised: not a new login beside it
                        .exec(session -> session.getString("lowerSid").equals(
                                IdTokens.claim(session.getString("idToken"), "sid")) ? session : session.markAsFailed())))
                .exec(session -> record(session, recorder));
    }

    /**
     * The authorization request, every redirect and form up to the portal's callback, then the code exchanged at the
     * token endpoint (the ID token kept as {@code idToken}). Fails the session on any other end.
     */
    private static ChainBuilder pages(Journey journey, Recorder recorder, String authorizeName,
                                      java.util.function.Function<Session, String> authorizationUrl) {
        return clear().exec(timed(authorizeName, http(authorizeName).get(authorizationUrl).check(pageChecks()), recorder))
                .asLongAs(session -> !atCallback(session) && session.getInt("steps") < MAX_STEPS).on(
                        exec(session -> session.set("steps", session.getInt("steps") + 1))
                        .doIfOrElse(session -> session.contains("next")).then(
                                clear().exec(timed(session -> redirectName(session.getString("_next")),
                                        http("redirect").get(session -> session.getString("_next")).check(pageChecks()),
                                        recorder)))
                        .orElse(exec(form(journey, recorder))))
                .exec(session -> atCallback(session) ? session : session.markAsFailed())
                .exec(timed("token", http("token").post("/realms/" + REALM + "/protocol/openid-connect/token")
                        .formParam("grant_type", "authorization_code")
                        .formParam("code", LoginSimulation::code)
                        .formParam("redirect_uri", CALLBACK)
                        .formParam("code_verifier", "#{verifier}")
                        .formParam("client_id", CLIENT_ID)
                        .formParam("client_secret", CLIENT_SECRET)
                        .check(status().is(200), jsonPath("$.id_token").saveAs("idToken")), recorder));
    }

    /** The tokens just received say {@code acr} = {@code expected}, or the login failed. */
    private static ChainBuilder expectAcr(String expected) {
        return exec(session -> IdTokens.hasAcr(session.getString("idToken"), expected) ? session : session.markAsFailed());
    }

    /** Keeps this browser's realm-dvc cookies in the account's {@link SavedBrowserSession}. */
    private static ChainBuilder keepBrowserSession() {
        ChainBuilder chain = null;
        for (String name : SavedBrowserSession.COOKIES) {
            ChainBuilder get = exec(getCookieValue(CookieKey(name).withPath(SavedBrowserSession.PATH)
                    .saveAs("_cookie_" + name)));
            chain = chain == null ? get : chain.exec(get);
        }
        return chain.exec(session -> {
            SavedBrowserSession saved = session.get(BROWSER_SESSION);
            if (saved == null) {
                return session.markAsFailed();
            }
            Map<String, String> cookies = new java.util.HashMap<>();
            for (String name : SavedBrowserSession.COOKIES) {
                cookies.put(name, session.getString("_cookie_" + name));
            }
            String sid = IdTokens.claim(session.getString("idToken"), "sid");
            if (sid == null) {
                return session.markAsFailed();
            }
            saved.keep(cookies, sid);
            return session;
        });
    }

    /** This new browser takes the realm-dvc cookies a preparation run kept for the account (fails without them). */
    private static ChainBuilder restoreBrowserSession() {
        ChainBuilder chain = exec(session -> {
            SavedBrowserSession saved = session.get(BROWSER_SESSION);
            if (saved == null || !saved.kept()) {
                return session.markAsFailed();
            }
            Session s = session.set("lowerSid", saved.sessionId());
            for (String name : SavedBrowserSession.COOKIES) {
                s = s.set("_cookie_" + name, saved.cookie(name));
            }
            return s;
        });
        for (String name : SavedBrowserSession.COOKIES) {
            chain = chain.exec(addCookie(Cookie(name, "#{_cookie_" + name + "}").withPath(SavedBrowserSession.PATH)));
        }
        return chain;
    }

    private static Session record(Session session, Recorder recorder) {
        if (session.contains("exhausted")) {
            return session; // not a login, not a failure
        }
        if (session.isFailed() || !session.contains("start")) {
            recorder.failure();
        } else {
            recorder.login(session.getLong("start"), System.nanoTime());
        }
        return session;
    }

    /** The page the user is on is a form: fill it in as the journey says ({@link PageAction}). */
    private static ChainBuilder form(Journey journey, Recorder recorder) {
        return exec(session -> session.set("_page", PageAction.on(journey, session.contains("otpAction"),
                        session.contains("cccdAction"), session.contains("loginAction"), session.contains("noticeAction"),
                        session.contains("shownAction"), session.contains("cccdChecked")).name()))
                .doSwitchOrElse("#{_page}").on(
                        onCase(PageAction.SMS_CODE.name()).then(
                                post(PageAction.SMS_CODE.requestName(), "otpAction", Map.of("otp", OTP), recorder)),
                        onCase(PageAction.CCCD_CHECK.name()).then(cccdCheck(journey, recorder)),
                        onCase(PageAction.CCCD_SKIP.name()).then(
                                post(PageAction.CCCD_SKIP.requestName(), "cccdAction", Map.of("action", "skip"), recorder)),
                        onCase(PageAction.LOGIN_FORM.name()).then(
                                exec(session -> session.set("loginName", PageAction.loginName(
                                        session.getString("loginAction"), BenchmarkMain.UPSTREAM_REALM,
                                        session.getString("username"),
                                        session.contains("cccd") ? session.getString("cccd") : null)))
                                .exec(post(PageAction.LOGIN_FORM.requestName(), "loginAction",
                                        Map.of("username", "#{loginName}", "password", PASSWORD), recorder))),
                        onCase(PageAction.LINK_NOTICE_SKIP.name()).then(
                                post(PageAction.LINK_NOTICE_SKIP.requestName(), "noticeAction", Map.of("cancel-aia", ""), recorder)),
                        onCase(PageAction.SHOWN_ACCOUNT_MINE.name()).then(
                                post(PageAction.SHOWN_ACCOUNT_MINE.requestName(), "shownAction", Map.of("action", "mine"), recorder)))
                .orElse(exec(Session::markAsFailed));
    }

    /** The CCCD form, the first time: a number typed (a registry miss or hit), its request timed as the step. */
    private static ChainBuilder cccdCheck(Journey journey, Recorder recorder) {
        return exec(session -> session.set("cccdChecked", true)
                        .set("cccdTyped", journey == Journey.CCCD_MISS
                                ? freshWrongNumber(session.getString("cccd")) : session.getString("wrongCccd"))
                        .set("stepStart", System.nanoTime()))
                .exec(post(PageAction.CCCD_CHECK.requestName(), "cccdAction",
                        Map.of("action", "update", "cccd", "#{cccdTyped}"), recorder))
                .exec(session -> {
                    if (!session.isFailed()) {
                        recorder.step(System.nanoTime() - session.getLong("stepStart"));
                    }
                    return session;
                });
    }

    /**
     * {@code request} as one named step of the per-request breakdown: its duration as the client sees it (sent to
     * response read, checks included) goes to the recorder under {@code name}; a failed request is not recorded.
     */
    static ChainBuilder timed(String name, HttpRequestActionBuilder request, Recorder recorder) {
        return timed(session -> name, request, recorder);
    }

    /** As {@link #timed(String, HttpRequestActionBuilder, Recorder)}, the name taken from the session before the request. */
    static ChainBuilder timed(Function<Session, String> name, HttpRequestActionBuilder request, Recorder recorder) {
        return exec(session -> session.set("_t0", System.nanoTime()).set("_request", name.apply(session)))
                .exec(request)
                .exec(session -> {
                    if (!session.isFailed()) {
                        recorder.request(session.getString("_request"), session.getLong("_t0"), System.nanoTime());
                    }
                    return session;
                });
    }

    /** A redirect's name in the breakdown: "redirect " and the path it goes to (no query, no host). */
    static String redirectName(String location) {
        String path = location;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        return "redirect " + (query < 0 ? path : path.substring(0, query));
    }

    private static ChainBuilder post(String name, String actionKey, Map<String, Object> fields, Recorder recorder) {
        return exec(session -> session.set("_action", session.getString(actionKey)))
                .exec(clear().exec(timed(name, http(name).post(session -> session.getString("_action"))
                        .header("Origin", session -> origin(session.getString("_action")))
                        .formParamMap(fields).check(pageChecks()), recorder)));
    }

    /**
     * The Origin a browser sends with a form it posts: that of the page holding the form, which is the form's own
     * here (every form posts to the server that drew it).
     */
    static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** Forgets what the last page offered, so that each response says afresh where to go. */
    static ChainBuilder clear() {
        return exec(session -> {
            Session s = session;
            if (s.contains("next")) {
                s = s.set("_next", s.getString("next"));
            }
            for (String key : SAVED) {
                s = s.remove(key);
            }
            return s;
        });
    }

    static CheckBuilder[] pageChecks() {
        return new CheckBuilder[] {
            status().in(200, 302, 303),
            header("Location").optional().saveAs("next"),
            css("#kc-form-login", "action").optional().saveAs("loginAction"),
            css("#vneid-sandbox-otp-form", "action").optional().saveAs("otpAction"),
            css("#vneid-cccd-form", "action").optional().saveAs("cccdAction"),
            // the notice "Đăng nhập bằng VNeID / Bỏ qua" after a portal-account login with a verified CCCD
            css("#dvc-link-notice-form", "action").optional().saveAs("noticeAction"),
            // a first VNeID login that links by CCCD shows the portal account: "Đây là tài khoản của tôi"
            css("#vneid-shown-account-form", "action").optional().saveAs("shownAction"),
        };
    }

    private static Session begin(Session session, BenchRun run) {
        Map<String, Object> user = run.users().next();
        if (user == null) {
            return session.set("exhausted", true);
        }
        Session fresh = session;
        for (String key : PER_LOGIN) {
            fresh = fresh.remove(key);
        }
        return newAuthorizationRequest(fresh.setAll(user)).set("start", System.nanoTime());
    }

    /** A new authorization request's secrets (PKCE verifier, state, nonce) and page count. */
    static Session newAuthorizationRequest(Session session) {
        String verifier = random(32);
        return session.set("verifier", verifier)
                .set("challenge", challenge(verifier))
                .set("state", random(12))
                .set("nonce", random(12))
                .set("steps", 0);
    }

    static String authorizationUrl(Session session, Journey journey) {
        String url = "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid"
                + "&state=" + session.getString("state")
                + "&nonce=" + session.getString("nonce")
                + "&code_challenge=" + session.getString("challenge")
                + "&code_challenge_method=S256";
        boolean vneid = journey == Journey.VNEID || journey == Journey.VNEID_LEVEL_ONE_SESSION
                || journey == Journey.QR_WAITING;
        return vneid ? url + "&kc_idp_hint=vneid" : url;
    }

    private static boolean atCallback(Session session) {
        return session.contains("next") && session.getString("next").startsWith(CALLBACK);
    }

    private static String code(Session session) {
        String location = session.getString("next");
        int at = location.indexOf("code=");
        if (at < 0) {
            return "";
        }
        int end = location.indexOf('&', at);
        return location.substring(at + "code=".length(), end < 0 ? location.length() : end);
    }

    /** A number of the same province, century, gender and birth year as {@code cccd}, but not it. */
    static String freshWrongNumber(String cccd) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String candidate;
        do {
            candidate = cccd.substring(0, 6) + String.format("%06d", random.nextInt(1_000_000));
        } while (candidate.equals(cccd));
        return candidate;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

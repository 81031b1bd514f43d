package vn.vneidbridge.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One login of a portal's user through the browser authorization-code flow with PKCE, as a browser without
 * JavaScript does it: the authorization request, every redirect, every form Keycloak or the upstream shows (login,
 * SMS code, CCCD form), back to the portal's callback, then the code exchanged at the token endpoint (the login
 * ends with the tokens). Each login is a new browser (no cookies), closed model: a fixed number of users, each
 * replaced by a new one when its login ends.
 */
public final class LoginSimulation extends Simulation {

    static final String REALM = "dvc";
    static final String CLIENT_ID = "dvcqg-portal";
    static final String CLIENT_SECRET = "sandbox-secret";
    /** The portal's redirect URI: never called, the code is read from the Location header. */
    static final String CALLBACK = "http://127.0.0.1:18999/callback";
    static final String PASSWORD = "Sandbox@123";
    static final String OTP = "123456";
    private static final int MAX_STEPS = 16;
    private static final String[] SAVED = {"next", "loginAction", "otpAction", "cccdAction", "noticeAction",
        "shownAction"};
    /**
     * What one login leaves in the Gatling session, forgotten before the next: a preparation run's virtual user logs
     * in again and again with the same session (with "cccdChecked" left over, its next account's CCCD form would be
     * skipped instead of checked).
     */
    private static final String[] PER_LOGIN = {"cccdChecked", "cccdTyped", "stepStart", "_next", "_action", "next",
        "loginAction", "otpAction", "cccdAction", "noticeAction", "shownAction"};

    public LoginSimulation() {
        BenchRun run = BenchRun.current();
        HttpProtocolBuilder protocol = http.baseUrl(run.baseUrl())
                .disableFollowRedirect()
                .disableUrlEncoding()
                .disableCaching()
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("vi,en;q=0.8")
                .userAgentHeader("vneid-bridge-benchmark");
        ChainBuilder login = login(run);
        if (run.timed()) {
            ScenarioBuilder scenario = scenario(run.name()).exec(login);
            setUp(scenario.injectClosed(constantConcurrentUsers(run.concurrency()).during(run.duration())))
                    .protocols(protocol)
                    .maxDuration(run.duration().plusSeconds(120));
        } else {
            ScenarioBuilder scenario = scenario(run.name())
                    .asLongAs(session -> run.users().hasMore()).on(exec(login));
            setUp(scenario.injectOpen(atOnceUsers(run.concurrency()))).protocols(protocol);
        }
    }

    static ChainBuilder login(BenchRun run) {
        Recorder recorder = run.recorder();
        // a new browser for each login: a preparation run's virtual user loops over its accounts, and with the
        // cookies of the login before, realm dvc's SSO would log the next account in as the last one
        return exec(flushCookieJar())
                .exec(session -> begin(session, run))
                // a use-once pool that is used up: this virtual user waits instead of sending requests without
                // an account (which the server would answer with errors, and which would load it for nothing)
                .doIfOrElse(session -> session.contains("exhausted")).then(pause(1)).orElse(exitBlockOnFail().on(
                        clear().exec(http("authorize").get(session -> authorizationUrl(session, run.journey()))
                                .check(pageChecks()))
                        .asLongAs(session -> !atCallback(session) && session.getInt("steps") < MAX_STEPS).on(
                                exec(session -> session.set("steps", session.getInt("steps") + 1))
                                .doIfOrElse(session -> session.contains("next")).then(
                                        clear().exec(http("redirect").get(session -> session.getString("_next"))
                                                .check(pageChecks())))
                                .orElse(exec(form(run.journey(), recorder))))
                        .exec(session -> atCallback(session) ? session : session.markAsFailed())
                        .exec(http("token").post("/realms/" + REALM + "/protocol/openid-connect/token")
                                .formParam("grant_type", "authorization_code")
                                .formParam("code", LoginSimulation::code)
                                .formParam("redirect_uri", CALLBACK)
                                .formParam("code_verifier", "#{verifier}")
                                .formParam("client_id", CLIENT_ID)
                                .formParam("client_secret", CLIENT_SECRET)
                                .check(status().is(200), jsonPath("$.id_token").exists()))))
                .exec(session -> {
                    if (session.contains("exhausted")) {
                        return session; // not a login, not a failure
                    }
                    if (session.isFailed() || !session.contains("start")) {
                        recorder.failure();
                    } else {
                        recorder.login(session.getLong("start"), System.nanoTime());
                    }
                    return session;
                });
    }

    /** The page the user is on is a form: fill it in as the journey says. */
    private static ChainBuilder form(Journey journey, Recorder recorder) {
        return doIfOrElse(session -> session.contains("otpAction")).then(
                        post("sms code", "otpAction", Map.of("otp", OTP)))
                .orElse(doIfOrElse(session -> session.contains("cccdAction")).then(cccdForm(journey, recorder))
                        .orElse(doIfOrElse(session -> session.contains("loginAction")).then(
                                        post("login form", "loginAction",
                                                Map.of("username", "#{username}", "password", PASSWORD)))
                                .orElse(doIfOrElse(session -> session.contains("noticeAction")).then(
                                                post("link notice skip", "noticeAction", Map.of("cancel-aia", "")))
                                        .orElse(doIfOrElse(session -> session.contains("shownAction")).then(
                                                        post("shown account mine", "shownAction",
                                                                Map.of("action", "mine")))
                                                .orElse(exec(Session::markAsFailed))))));
    }

    private static ChainBuilder cccdForm(Journey journey, Recorder recorder) {
        boolean check = journey == Journey.CCCD_MISS || journey == Journey.CCCD_HIT;
        ChainBuilder skip = post("cccd skip", "cccdAction", Map.of("action", "skip"));
        if (!check) {
            return skip;
        }
        return doIfOrElse(session -> !session.contains("cccdChecked")).then(
                        exec(session -> session.set("cccdChecked", true)
                                .set("cccdTyped", journey == Journey.CCCD_MISS
                                        ? freshWrongNumber(session.getString("cccd")) : session.getString("wrongCccd"))
                                .set("stepStart", System.nanoTime()))
                        .exec(post("cccd check", "cccdAction", Map.of("action", "update", "cccd", "#{cccdTyped}")))
                        .exec(session -> {
                            if (!session.isFailed()) {
                                recorder.step(System.nanoTime() - session.getLong("stepStart"));
                            }
                            return session;
                        }))
                .orElse(skip);
    }

    private static ChainBuilder post(String name, String actionKey, Map<String, Object> fields) {
        return exec(session -> session.set("_action", session.getString(actionKey)))
                .exec(clear().exec(http(name).post(session -> session.getString("_action"))
                        .formParamMap(fields).check(pageChecks())));
    }

    /** Forgets what the last page offered, so that each response says afresh where to go. */
    private static ChainBuilder clear() {
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

    private static CheckBuilder[] pageChecks() {
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
        String verifier = random(32);
        return fresh.setAll(user)
                .set("verifier", verifier)
                .set("challenge", challenge(verifier))
                .set("state", random(12))
                .set("nonce", random(12))
                .set("steps", 0)
                .set("start", System.nanoTime());
    }

    static String authorizationUrl(Session session, Journey journey) {
        String url = "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid"
                + "&state=" + session.getString("state")
                + "&nonce=" + session.getString("nonce")
                + "&code_challenge=" + session.getString("challenge")
                + "&code_challenge_method=S256";
        return journey == Journey.VNEID ? url + "&kc_idp_hint=vneid" : url;
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

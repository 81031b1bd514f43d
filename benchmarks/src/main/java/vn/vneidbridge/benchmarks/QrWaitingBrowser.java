package vn.vneidbridge.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A browser waiting at the stand-in VNeID's QR login ({@link Journey#QR_WAITING}): it opens realm {@code dvc}'s
 * authorization request with {@code kc_idp_hint=vneid} ("authorize", then each "redirect": realm {@code dvc}'s broker,
 * the stand-in's authorization endpoint) up to the stand-in's login page, which shows a QR (the page's
 * {@code #vneid-qr} with its status and renewal addresses and the QR's validity). Then it does what the page's script
 * does while nobody scans the QR ({@link QrPageClock}): every 2 s a GET of the QR's status ("qr poll",
 * {@code Accept: application/json}, answer {@code pending}), and 10 s before the QR expires a POST for a new one
 * ("qr renew", answer {@code pending} with the new validity) — and so on until the run stops. It never confirms.
 * Each poll's and renewal's duration is reported by name; an answer other than {@code pending} (or {@code expired},
 * which the page answers with a renewal) is a failure and ends this browser. Each virtual user takes one account of
 * the run's source first (any placeholder, {@link ScenarioSetup#qrWaitingBrowsers}), so a use-once source bounds a
 * preparation run.
 */
final class QrWaitingBrowser {

    /** Where a named request's duration goes ({@code recorder::request} once the per-request recorder lands). */
    @FunctionalInterface
    interface RequestTimes {
        void request(String name, long nanos);
    }

    static final String POLL = "qr poll";
    static final String RENEW = "qr renew";
    private static final long SECOND = 1_000_000_000L;

    private QrWaitingBrowser() {
    }

    static ChainBuilder chain(BenchRun run, RequestTimes times) {
        BooleanSupplier stop = run::stopped;
        Recorder recorder = run.recorder();
        return exec(flushCookieJar())
                // a browser that would start once the run has stopped opens no page (the closed model starts one
                // as each ends): it waits, so that the end of the run is not a burst of page loads
                .exec(session -> stop.getAsBoolean() || run.users().next() == null ? session.set("exhausted", true)
                        : LoginSimulation.newAuthorizationRequest(session))
                .doIfOrElse(session -> session.contains("exhausted")).then(pause(1)).orElse(exitBlockOnFail().on(
                        LoginSimulation.clear().exec(http("authorize")
                                .get(session -> LoginSimulation.authorizationUrl(session, Journey.QR_WAITING))
                                .check(checks()))
                        .asLongAs(session -> session.contains("next")
                                && session.getInt("steps") < LoginSimulation.MAX_STEPS).on(
                                exec(session -> session.set("steps", session.getInt("steps") + 1))
                                .exec(LoginSimulation.clear())
                                .exec(http("redirect").get(session -> session.getString("_next")).check(checks())))
                        .exec(QrWaitingBrowser::pageLoaded)
                        .asLongAs(session -> !stop.getAsBoolean()).on(
                                exec(QrWaitingBrowser::nextTick)
                                .pause(session -> Duration.ofNanos(Math.max(0,
                                        session.getLong("qrLoaded") + session.getLong("qrTick") * SECOND
                                                - System.nanoTime())))
                                // the run may have stopped during the pause: no request after it
                                .doIf(session -> !stop.getAsBoolean()).then(
                                        doIfOrElse(session -> QrPageClock.Act.RENEW.name().equals(
                                                session.getString("qrAct")))
                                        .then(renew(times))
                                        .orElse(poll(times)
                                                .doIf(session -> "expired".equals(session.getString("qrStatus")))
                                                .then(renew(times)))))))
                .exec(session -> {
                    if (session.isFailed() && !session.contains("exhausted")) {
                        recorder.failure();
                    }
                    return session;
                });
    }

    /** The stand-in's login page with a QR: the clock starts; any other page fails this browser. */
    private static Session pageLoaded(Session session) {
        if (session.contains("next") || !session.contains("qrStatusUrl") || !session.contains("qrRenewUrl")
                || !session.contains("qrExpiresIn")) {
            return session.markAsFailed();
        }
        long validity;
        try {
            validity = Long.parseLong(session.getString("qrExpiresIn").strip());
        } catch (NumberFormatException e) {
            return session.markAsFailed();
        }
        return session.set("qrLoaded", System.nanoTime()).set("qrTick", 0L).set("qrIssuedAt", 0L)
                .set("qrValidity", validity);
    }

    private static Session nextTick(Session session) {
        long issuedAt = session.getLong("qrIssuedAt");
        long validity = session.getLong("qrValidity");
        long tick = QrPageClock.nextTick(session.getLong("qrTick"), issuedAt, validity);
        return session.set("qrTick", tick).set("qrAct", QrPageClock.actAt(tick, issuedAt, validity).name());
    }

    private static ChainBuilder poll(RequestTimes times) {
        return timed(times, POLL, http(POLL).get("#{qrStatusUrl}")
                .header("Accept", "application/json")
                .check(status().is(200), jsonPath("$.status").in("pending", "expired").saveAs("qrStatus")));
    }

    /** A new QR: its validity counts from this tick. */
    private static ChainBuilder renew(RequestTimes times) {
        return timed(times, RENEW, http(RENEW).post("#{qrRenewUrl}")
                        .header("Accept", "application/json")
                        .header("Origin", session -> LoginSimulation.origin(session.getString("qrRenewUrl")))
                        .check(status().is(200), jsonPath("$.status").is("pending"),
                                jsonPath("$.expiresIn").ofLong().saveAs("qrValidity")))
                .exec(session -> session.set("qrIssuedAt", session.getLong("qrTick")).remove("qrStatus"));
    }

    private static ChainBuilder timed(RequestTimes times, String name, HttpRequestActionBuilder request) {
        return exec(session -> session.set("_t", System.nanoTime()))
                .exec(request)
                .exec(session -> {
                    if (!session.isFailed()) {
                        times.request(name, System.nanoTime() - session.getLong("_t"));
                    }
                    return session;
                });
    }

    private static CheckBuilder[] checks() {
        List<CheckBuilder> checks = new ArrayList<>(Arrays.asList(LoginSimulation.pageChecks()));
        checks.add(css("#vneid-qr", "data-status-url").optional().saveAs("qrStatusUrl"));
        checks.add(css("#vneid-qr", "data-renew-url").optional().saveAs("qrRenewUrl"));
        checks.add(css("#vneid-qr", "data-expires-in").optional().saveAs("qrExpiresIn"));
        return checks.toArray(CheckBuilder[]::new);
    }
}

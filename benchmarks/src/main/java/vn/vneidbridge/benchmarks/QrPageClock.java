package vn.vneidbridge.benchmarks;

/**
 * When the stand-in VNeID's waiting login page acts, as its script does ({@code sandbox-providers},
 * {@code theme/vneid-sandbox/login/login.ftl}): a 2-second timer polls the QR's status, a 1-second timer counts the
 * QR's remaining validity down and asks for a new QR once 10 seconds or fewer remain (the citizen has not opened it
 * in the app, which a waiting browser never does). Seconds are counted from the page's load; a QR was issued at
 * second {@code issuedAt} valid {@code validity} seconds (the page's {@code data-expires-in}, then each renewal's
 * {@code expiresIn}). While a renewal is due, its tick renews and the poll of the same second is skipped (the page's
 * request is busy).
 */
final class QrPageClock {

    /** The page's {@code window.setInterval(poll, 2000)}. */
    static final int POLL_SECONDS = 2;
    /** The page renews when {@code remaining <= 10} and the QR is not open in the app. */
    static final int RENEW_WITHIN_SECONDS = 10;

    /** What the page does at a tick. */
    enum Act { POLL, RENEW }

    private QrPageClock() {
    }

    /** Whether, at second {@code second}, the countdown of a QR issued at {@code issuedAt} asks for a new one. */
    static boolean renewDue(long second, long issuedAt, long validity) {
        return validity - (second - issuedAt) <= RENEW_WITHIN_SECONDS;
    }

    /** The first second after {@code after} at which the page sends a request. */
    static long nextTick(long after, long issuedAt, long validity) {
        long second = after + 1;
        while (!renewDue(second, issuedAt, validity) && second % POLL_SECONDS != 0) {
            second++;
        }
        return second;
    }

    /** What the page does at {@code second} (one of {@link #nextTick}'s seconds). */
    static Act actAt(long second, long issuedAt, long validity) {
        return renewDue(second, issuedAt, validity) ? Act.RENEW : Act.POLL;
    }
}

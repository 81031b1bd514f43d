package vn.vneidbridge.sandbox;

/**
 * Turns Nagle's algorithm off in the JDK's {@code HttpServer} (the registry simulators, the demo portal) before the
 * first one starts; the JDK reads {@code sun.net.httpserver.nodelay} once, and it is off by default. With it on, a
 * response's headers and body leave as two small writes and the second waits for the client's delayed ACK (40 ms on
 * Linux): every registry call of a bulk job took about 60 ms on loopback while the simulator used a sixth of a core
 * (profile of 2026-12-06, run S), so the job's pace measured the simulator's sockets. A value set on the command line
 * is kept.
 */
public final class HttpServerNoDelay {

    private static final String PROPERTY = "sun.net.httpserver.nodelay";

    private HttpServerNoDelay() {
    }

    /** Before {@code HttpServer.create}. */
    public static void ensure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}

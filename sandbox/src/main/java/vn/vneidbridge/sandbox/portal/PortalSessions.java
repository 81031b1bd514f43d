package vn.vneidbridge.sandbox.portal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's logged-in browsers: per browser, one session per portal client it logged in through (a citizen who
 * uses two portals of the sandbox has two), in login order. Back-channel logout ends sessions by client and
 * Keycloak session id ({@code sid}) or subject. Bounded: beyond {@code maxBrowsers} the oldest browser is forgotten.
 */
final class PortalSessions {

    private final Map<String, LinkedHashMap<String, DemoPortal.PortalSession>> browsers;

    PortalSessions(int maxBrowsers) {
        this.browsers = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LinkedHashMap<String, DemoPortal.PortalSession>> e) {
                return size() > maxBrowsers;
            }
        };
    }

    /**
     * A login through {@code session.clientId()} finished in the browser known as {@code before} (null when it had
     * no id yet), which is known as {@code after} from now on: its other sessions move with it.
     */
    synchronized void loggedIn(String before, String after, DemoPortal.PortalSession session) {
        LinkedHashMap<String, DemoPortal.PortalSession> sessions = before == null ? null : browsers.remove(before);
        if (sessions == null) {
            sessions = new LinkedHashMap<>();
        }
        sessions.remove(session.clientId());
        sessions.put(session.clientId(), session);
        browsers.put(after, sessions);
    }

    /** The browser's session at {@code clientId}. */
    synchronized Optional<DemoPortal.PortalSession> at(String browser, String clientId) {
        return Optional.ofNullable(browsers.get(browser)).map(sessions -> sessions.get(clientId));
    }

    /** The browser's latest session. */
    synchronized Optional<DemoPortal.PortalSession> latest(String browser) {
        List<DemoPortal.PortalSession> all = all(browser);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The browser's sessions in login order. */
    synchronized List<DemoPortal.PortalSession> all(String browser) {
        return new ArrayList<>(Optional.ofNullable(browsers.get(browser)).map(Map::values).orElse(List.of()));
    }

    /** Ends the browser's session at {@code clientId} (the portal's own logout). */
    synchronized Optional<DemoPortal.PortalSession> end(String browser, String clientId) {
        LinkedHashMap<String, DemoPortal.PortalSession> sessions = browsers.get(browser);
        if (sessions == null) {
            return Optional.empty();
        }
        DemoPortal.PortalSession ended = sessions.remove(clientId);
        if (sessions.isEmpty()) {
            browsers.remove(browser);
        }
        return Optional.ofNullable(ended);
    }

    /**
     * Ends every session a valid logout token names: of one of its clients, and with its {@code sid} and its
     * {@code sub} where it has them. Returns how many ended.
     */
    synchronized int end(LogoutTokenCheck.Accepted logout) {
        int ended = 0;
        for (Iterator<LinkedHashMap<String, DemoPortal.PortalSession>> browser = browsers.values().iterator();
             browser.hasNext(); ) {
            LinkedHashMap<String, DemoPortal.PortalSession> sessions = browser.next();
            for (Iterator<DemoPortal.PortalSession> it = sessions.values().iterator(); it.hasNext(); ) {
                if (names(logout, it.next())) {
                    it.remove();
                    ended++;
                }
            }
            if (sessions.isEmpty()) {
                browser.remove();
            }
        }
        return ended;
    }

    static boolean names(LogoutTokenCheck.Accepted logout, DemoPortal.PortalSession session) {
        return logout.clients().contains(session.clientId())
                && logout.sid().map(sid -> sid.equals(session.sid())).orElse(true)
                && logout.sub().map(sub -> sub.equals(session.subject())).orElse(true);
    }
}

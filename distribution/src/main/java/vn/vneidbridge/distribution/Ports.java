package vn.vneidbridge.distribution;

import java.io.IOException;
import java.net.ServerSocket;

/** Checks on local TCP ports, so a busy port is reported before anything starts. */
public final class Ports {

    private Ports() {
    }

    /** Fails with a readable message when {@code port} cannot be bound. */
    public static void requireFree(int port, String what) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // bound and released: free
        } catch (IOException e) {
            throw new IllegalStateException("the " + what + " port " + port
                    + " is already in use (another Keycloak or sandbox running?)", e);
        }
    }
}

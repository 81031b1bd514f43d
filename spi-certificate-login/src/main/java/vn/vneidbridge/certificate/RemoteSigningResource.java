package vn.vneidbridge.certificate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions.State;

/**
 * The waiting page's poll, {@code GET /realms/<realm>/vneid-remote-signing/status/<handle>}: where the phone's answer
 * stands ({@code pending}, {@code ready}, {@code refused}, {@code expired}, {@code unavailable}) and the seconds left,
 * never who. A handle that is malformed, unknown, taken, expired past its grace, or another browser's (its login's
 * root session is not the one of this request's cookie) is {@code gone}, one body for all.
 */
final class RemoteSigningResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    RemoteSigningResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Path("status/{handle}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("handle") String handle) {
        long nowMillis = System.currentTimeMillis();
        RemoteSigningStore store = new RemoteSigningStore(session, realm);
        RemoteSigningStore.Entry entry = store.entry(handle);
        Map<String, Object> body = new LinkedHashMap<>();
        if (entry == null || !sameBrowser(entry)) {
            body.put("status", "gone");
            return json(body);
        }
        long left = Math.max(0, entry.expiresAt() - nowMillis / 1000);
        State state = left == 0 ? State.EXPIRED
                : RemoteSigningProgress.refresh(session, store, handle, entry, nowMillis, false);
        body.put("status", state.name().toLowerCase(Locale.ROOT));
        body.put("expiresIn", left);
        return json(body);
    }

    private boolean sameBrowser(RemoteSigningStore.Entry entry) {
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session)
                .getCurrentRootAuthenticationSession(realm);
        return root != null && root.getId().equals(entry.rootSessionId());
    }

    private static Response json(Map<String, Object> body) {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoCache(true);
        try {
            return Response.ok(JsonSerialization.writeValueAsString(body), MediaType.APPLICATION_JSON_TYPE)
                    .cacheControl(cache).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

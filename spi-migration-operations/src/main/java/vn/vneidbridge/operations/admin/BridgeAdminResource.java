package vn.vneidbridge.operations.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.legacy.username.IdNumberUsernames;
import vn.vneidbridge.operations.bulk.BulkVerificationResource;
import vn.vneidbridge.operations.console.ConsoleResource;
import vn.vneidbridge.operations.outbox.LinkOutbox;
import vn.vneidbridge.operations.outbox.LinkOutboxEntity;
import vn.vneidbridge.operations.outbox.PortalRelations;
import vn.vneidbridge.operations.review.ReviewEntries;
import vn.vneidbridge.operations.review.ReviewEntryEntity;
import vn.vneidbridge.operations.review.ReviewRefusalAudit;
import vn.vneidbridge.operations.review.ReviewResolution;

/**
 * {@code /admin/realms/{realm}/vneid-bridge}: review entries (list, resolve), migration progress, link event
 * deliveries, bulk pre-verification jobs ({@link BulkVerificationResource}). The same permissions as Keycloak's own users API, through its {@link AdminPermissionEvaluator}:
 * review entries (id numbers, candidate accounts) and deliveries (user ids) need {@code view-users} (or
 * {@code manage-users}); resolving an entry links or closes it for a user, so it needs {@code manage-users}; the
 * migration progress, counts without personal data, needs {@code view-realm} or {@code query-users} (Keycloak's
 * own user count asks {@code query-users}). Each resolution — also a refused one — is an admin event (resource
 * type {@value #RESOURCE_TYPE}); a link is also a user event. The portals a user is related to (whose webhooks hear
 * of the user's link and unlink) are listed with {@code view-users} and assigned or unassigned with
 * {@code manage-users}, for that user; each change is an admin event (resource type {@value #PORTAL_RESOURCE_TYPE}).
 */
public final class BridgeAdminResource {

    static final String RESOURCE_TYPE = ReviewRefusalAudit.RESOURCE_TYPE;
    static final String PORTAL_RESOURCE_TYPE = "VNEID_PORTAL_RELATION";
    static final String USERNAMES_RESOURCE_TYPE = "VNEID_USERNAMES";
    private static final String IDENTITY_PROVIDER = VneidProvider.ALIAS;
    private static final int MAX_RESULTS = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    BridgeAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                        AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(RESOURCE_TYPE);
    }

    @GET
    @Path("review-entries")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> reviewEntries(@QueryParam("status") String status, @QueryParam("first") Integer first,
                                                   @QueryParam("max") Integer max) {
        auth.users().requireView();
        ReviewResolution resolution = new ReviewResolution(session, realm);
        return ReviewEntries.list(session, realm, status(status, ReviewEntries.OPEN, ReviewEntries.LINKED,
                        ReviewEntries.DISMISSED), first(first), max(max)).stream().map(resolution::describe).toList();
    }

    @GET
    @Path("review-entries/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> reviewEntry(@PathParam("id") String id) {
        auth.users().requireView();
        return new ReviewResolution(session, realm).describe(entry(id));
    }

    /** Body {@code {"action": "link", "accountId": "…", "note": "…"}} or {@code {"action": "dismiss", "note": "…"}}. */
    @POST
    @Path("review-entries/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resolve(@PathParam("id") String id, Map<String, Object> body) {
        auth.users().requireManage();
        ReviewEntryEntity entry = entry(id);
        String action = text(body, "action");
        String note = text(body, "note");
        if (note != null && note.length() > 1000) {
            return error(Response.Status.BAD_REQUEST, "note is longer than 1000 characters");
        }
        String operator = auth.adminAuth().getUser().getUsername();
        ReviewResolution resolution = new ReviewResolution(session, realm);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("action", action);
        try {
            if ("link".equals(action)) {
                String accountId = text(body, "accountId");
                if (accountId == null) {
                    return error(Response.Status.BAD_REQUEST, "accountId is required to link");
                }
                UserModel user = resolution.link(entry, accountId, operator, note);
                audit.put("userId", user.getId());
            } else if ("dismiss".equals(action)) {
                resolution.dismiss(entry, operator, note);
            } else {
                return error(Response.Status.BAD_REQUEST, "action must be link or dismiss");
            }
        } catch (ReviewResolution.Refused refused) {
            ReviewRefusalAudit.record(session, realm, auth.adminAuth(), entry.getId(), action, refused, null);
            return error(refused.status(), refused.getMessage());
        }
        adminEvent.operation(OperationType.ACTION)
                .resourcePath("vneid-bridge", "review-entries", entry.getId(), action)
                .representation(audit)
                .success();
        return Response.ok(resolution.describe(entry)).build();
    }

    @GET
    @Path("progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> progress() {
        if (!auth.realm().canViewRealm() && !auth.users().canQuery()) {
            throw new ForbiddenException();
        }
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("realm", realm.getName());
        progress.put("at", Instant.now().toString());
        progress.putAll(ProgressQueries.progress(session, realm, IDENTITY_PROVIDER));
        return progress;
    }

    /**
     * Renames the users an older version created from VNeID with their id number as username
     * ({@link IdNumberUsernames}); {@code dryRun=true} only counts them. Needs {@code manage-users}; an admin event
     * (resource type {@value #USERNAMES_RESOURCE_TYPE}) with the counts, never a number.
     */
    @POST
    @Path("usernames/replace-id-numbers")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> replaceIdNumberUsernames(@QueryParam("dryRun") boolean dryRun) {
        auth.users().requireManage();
        IdNumberUsernames.Result result = IdNumberUsernames.run(session.getKeycloakSessionFactory(), realm.getId(),
                dryRun);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dryRun", result.dryRun());
        answer.put("toRename", result.toRename());
        answer.put("renamed", result.renamed());
        answer.put("conflicts", result.conflicts());
        adminEvent.resource(USERNAMES_RESOURCE_TYPE).operation(OperationType.ACTION)
                .resourcePath("vneid-bridge", "usernames", "replace-id-numbers")
                .representation(answer)
                .success();
        return answer;
    }

    /** The bulk pre-verification jobs ({@link BulkVerificationResource}, its own permissions per method). */
    @Path("bulk-verification")
    public BulkVerificationResource bulkVerification() {
        return new BulkVerificationResource(session, realm, auth, adminEvent);
    }

    /** What the operators' pages read and do ({@link ConsoleResource}, its own roles per method). */
    @Path("console")
    public ConsoleResource console() {
        return new ConsoleResource(session, realm, auth, adminEvent);
    }

    @GET
    @Path("link-deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> linkDeliveries(@QueryParam("status") String status, @QueryParam("first") Integer first,
                                                    @QueryParam("max") Integer max) {
        auth.users().requireView();
        return LinkOutbox.list(session, realm.getId(), status(status, LinkOutboxEntity.PENDING,
                LinkOutboxEntity.DELIVERED, LinkOutboxEntity.FAILED), first(first), max(max)).stream().map(row -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", row.getId());
                    view.put("eventId", row.getEventId());
                    view.put("clientId", row.getClientId());
                    view.put("userId", row.getUserId());
                    view.put("status", row.getStatus());
                    view.put("attempts", row.getAttempts());
                    view.put("createdAt", Instant.ofEpochMilli(row.getCreatedAt()).toString());
                    if (LinkOutboxEntity.PENDING.equals(row.getStatus())) {
                        view.put("nextAttemptAt", Instant.ofEpochMilli(row.getNextAttemptAt()).toString());
                    }
                    if (row.getDeliveredAt() != null) {
                        view.put("deliveredAt", Instant.ofEpochMilli(row.getDeliveredAt()).toString());
                    }
                    view.put("lastError", row.getLastError());
                    return view;
                }).toList();
    }

    /**
     * The portals the user is related to: {@code portals} (logged in through or assigned, each
     * {@code {"clientId": …}}) and {@code legacyDatabaseOwner}, the portal that issued the user's legacy account.
     */
    @GET
    @Path("users/{userId}/portals")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> portals(@PathParam("userId") String userId) {
        UserModel user = user(userId);
        auth.users().requireView(user);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("portals", PortalRelations.recorded(user).stream().map(id -> Map.of("clientId", id)).toList());
        view.put("legacyDatabaseOwner", PortalRelations.legacyDatabaseOwner(realm, user).orElse(null));
        return view;
    }

    /** Relates the user to a portal (a confidential client of the realm): its webhook hears of the user from now on. */
    @PUT
    @Path("users/{userId}/portals/{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response assignPortal(@PathParam("userId") String userId, @PathParam("clientId") String clientId) {
        UserModel user = user(userId);
        auth.users().requireManage(user);
        if (!PortalRelations.isPortal(realm, clientId)) {
            return error(Response.Status.BAD_REQUEST, "not a confidential client of this realm");
        }
        if (PortalRelations.add(realm, user, clientId)) {
            portalEvent(OperationType.CREATE, user, clientId);
        }
        return Response.noContent().build();
    }

    /**
     * Takes a portal off the user's portals (until the user logs in through it again). The legacy database's owner
     * stays related: it issued the account.
     */
    @DELETE
    @Path("users/{userId}/portals/{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unassignPortal(@PathParam("userId") String userId, @PathParam("clientId") String clientId) {
        UserModel user = user(userId);
        auth.users().requireManage(user);
        if (PortalRelations.remove(user, clientId)) {
            portalEvent(OperationType.DELETE, user, clientId);
        }
        return Response.noContent().build();
    }

    private void portalEvent(OperationType operation, UserModel user, String clientId) {
        adminEvent.resource(PORTAL_RESOURCE_TYPE).operation(operation)
                .resourcePath("vneid-bridge", "users", user.getId(), "portals", clientId)
                .representation(Map.of("userId", user.getId(), "clientId", clientId))
                .success();
    }

    /** The user, or 404 (403 for an operator who may not view users, as Keycloak's users API answers). */
    private UserModel user(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            if (!auth.users().canView()) {
                throw new ForbiddenException();
            }
            throw new NotFoundException("user not found");
        }
        return user;
    }

    private ReviewEntryEntity entry(String id) {
        ReviewEntryEntity entry = ReviewEntries.find(session, realm, id);
        if (entry == null) {
            throw new NotFoundException("review entry not found");
        }
        return entry;
    }

    private static String status(String value, String... allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.equals(upper)) {
                return upper;
            }
        }
        throw new jakarta.ws.rs.BadRequestException("unknown status");
    }

    private static int first(Integer first) {
        return first == null || first < 0 ? 0 : first;
    }

    private static int max(Integer max) {
        return max == null || max <= 0 || max > MAX_RESULTS ? 100 : max;
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON).build();
    }
}

package vn.vneidbridge.operations.console;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import vn.vneidbridge.operations.admin.ProgressRows;
import vn.vneidbridge.operations.bulk.BulkJobsOverview;
import vn.vneidbridge.operations.metrics.OperationsMetrics;
import vn.vneidbridge.operations.review.ReviewEntries;
import vn.vneidbridge.operations.review.ReviewEntryEntity;
import vn.vneidbridge.operations.review.ReviewRefusalAudit;
import vn.vneidbridge.operations.review.ReviewResolution;

/**
 * {@code /admin/realms/{realm}/vneid-bridge/console}: what the operators' pages ({@link ConsolePage}) read and do,
 * with the operator's bearer token like every admin REST call, decided by {@link ConsoleAccess}: {@code me} (what
 * this operator may do; nothing else), the dashboard (counts only) and the review queue for the reader role, the
 * resolution of an entry for the resolver role — with a reason, always. A resolution, and every refused one, is an
 * admin event of resource type {@value #RESOURCE_TYPE} like the review REST's, with {@code channel}
 * {@value #CHANNEL}. Of two operators resolving one entry only the first succeeds; the second gets 409 and the code
 * {@code vneid_review_resolved_concurrently} or {@code vneid_review_already_resolved}.
 */
public final class ConsoleResource {

    static final String RESOURCE_TYPE = ReviewRefusalAudit.RESOURCE_TYPE;
    static final String CHANNEL = "operators-page";
    static final int MAX_REASON = 1000;
    private static final int HISTORY_DAYS = 30;
    private static final int JOBS_SHOWN = 10;
    private static final int MAX_RESULTS = 200;

    /** The dashboard's whole-table figures, shared by a realm's operators for a few seconds (this node). */
    private static final DashboardSnapshots<Heavy> SNAPSHOTS = new DashboardSnapshots<>(Instant::now);

    /** What the dashboard reads over whole tables. */
    private record Heavy(OperationsMetrics.RealmProgress progress, Map<String, Map<LocalDate, Long>> daily) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public ConsoleResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                           AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** The operator's name and what the pages may offer; {@code access.read} false: the pages show no data. */
    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> me() {
        ConsoleAccess access = access();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", auth.adminAuth().getUser().getUsername());
        me.put("realm", realm.getName());
        me.put("access", access);
        return me;
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> dashboard() {
        requireRead();
        DashboardSnapshots.Snapshot<Heavy> snapshot = SNAPSHOTS.of(realm.getId(),
                () -> new Heavy(ProgressRows.of(session, realm), HistoryQueries.daily(session, realm)));
        OperationsMetrics.RealmProgress progress = snapshot.figures().progress();
        List<Map<String, Object>> jobs = BulkJobsOverview.newest(session, realm, JOBS_SHOWN);
        Map<String, Object> refusedFrom = refusedFrom(jobs);
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("realm", realm.getName());
        dashboard.put("at", snapshot.at().toString());
        dashboard.putAll(DashboardFigures.of(progress.accounts(), progress.conflicts(), progress.notImported(),
                refusedFrom == null ? null : refused(refusedFrom)));
        dashboard.put("refusedFromJob", refusedFrom == null ? null : refusedFrom.get("id"));
        dashboard.put("history", History.of(snapshot.figures().daily(), LocalDate.now(ZoneOffset.UTC),
                HISTORY_DAYS));
        dashboard.put("jobs", jobs);
        return dashboard;
    }

    @GET
    @Path("review-entries")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> reviewEntries(@QueryParam("status") String status,
                                                   @QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        ConsoleAccess access = requireRead();
        ReviewResolution resolution = new ReviewResolution(session, realm);
        return ReviewEntries.list(session, realm, status(status), first == null || first < 0 ? 0 : first,
                        max == null || max <= 0 || max > MAX_RESULTS ? 50 : max).stream()
                .map(entry -> view(resolution, entry, access)).toList();
    }

    @GET
    @Path("review-entries/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> reviewEntry(@PathParam("id") String id) {
        ConsoleAccess access = requireRead();
        return view(new ReviewResolution(session, realm), entry(id), access);
    }

    /** Body {@code {"action": "link", "accountId": "…", "reason": "…"}} or {@code {"action": "dismiss", "reason": "…"}}. */
    @POST
    @Path("review-entries/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resolve(@PathParam("id") String id, Map<String, Object> body) {
        ConsoleAccess access = access();
        if (!access.resolve()) {
            throw new ForbiddenException();
        }
        ReviewEntryEntity entry = entry(id);
        String action = text(body, "action");
        String reason = text(body, "reason");
        if (!"link".equals(action) && !"dismiss".equals(action)) {
            return error(Response.Status.BAD_REQUEST, "vneid_console_unknown_action", "action must be link or dismiss");
        }
        if (reason == null) {
            return error(Response.Status.BAD_REQUEST, "vneid_console_reason_required", "a reason is required");
        }
        if (reason.length() > MAX_REASON) {
            return error(Response.Status.BAD_REQUEST, "vneid_console_reason_too_long",
                    "the reason is longer than " + MAX_REASON + " characters");
        }
        String accountId = text(body, "accountId");
        if ("link".equals(action) && accountId == null) {
            return error(Response.Status.BAD_REQUEST, "vneid_console_account_required", "choose the account to link");
        }
        String operator = auth.adminAuth().getUser().getUsername();
        ReviewResolution resolution = new ReviewResolution(session, realm);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("action", action);
        audit.put("channel", CHANNEL);
        try {
            if ("link".equals(action)) {
                UserModel user = resolution.link(entry, accountId, operator, reason);
                audit.put("userId", user.getId());
            } else {
                resolution.dismiss(entry, operator, reason);
            }
        } catch (ReviewResolution.Refused refused) {
            ReviewRefusalAudit.record(session, realm, auth.adminAuth(), entry.getId(), action, refused, CHANNEL);
            return error(refused.status(), refused.code(), refused.getMessage());
        }
        adminEvent.resource(RESOURCE_TYPE).operation(OperationType.ACTION)
                .resourcePath("vneid-bridge", "review-entries", entry.getId(), action)
                .representation(audit)
                .success();
        return Response.ok(view(resolution, entry, access)).build();
    }

    private Map<String, Object> view(ReviewResolution resolution, ReviewEntryEntity entry, ConsoleAccess access) {
        return ReviewView.of(resolution.describe(entry), !ReviewEntries.withoutVneidIdentity(entry),
                access.fullNumbers());
    }

    /** The newest job that checked accounts: its "not confirmed" counts are the dashboard's "refused". */
    static Map<String, Object> refusedFrom(List<Map<String, Object>> jobs) {
        for (Map<String, Object> job : jobs) {
            if (job.get("processed") instanceof Number processed && processed.longValue() > 0) {
                return job;
            }
        }
        return null;
    }

    static long refused(Map<String, Object> job) {
        if (!(job.get("counts") instanceof Map<?, ?> counts)) {
            return 0;
        }
        long refused = 0;
        for (String key : List.of("mismatch", "notFound")) {
            if (counts.get(key) instanceof Number number) {
                refused += number.longValue();
            }
        }
        return refused;
    }

    ConsoleAccess access() {
        AdminAuth operator = auth.adminAuth();
        ClientModel management = OperationsRoles.managementClient(realm, operator.getRealm());
        // not AdminAuth#hasAppRole, which counts a role reached through any client's composites (OperatorRoleHolding)
        boolean reader = OperatorRoleHolding.holds(operator.getUser(), operator.getClient(), management,
                OperationsRoles.READER);
        boolean resolver = OperatorRoleHolding.holds(operator.getUser(), operator.getClient(), management,
                OperationsRoles.RESOLVER);
        return ConsoleAccess.of(new ConsoleAccess.Facts(reader, resolver, auth.realm().canManageRealm(),
                auth.users().canManage(), auth.users().canView()));
    }

    private ConsoleAccess requireRead() {
        ConsoleAccess access = access();
        if (!access.read()) {
            throw new ForbiddenException();
        }
        return access;
    }

    private ReviewEntryEntity entry(String id) {
        ReviewEntryEntity entry = ReviewEntries.find(session, realm, id);
        if (entry == null) {
            throw new NotFoundException("review entry not found");
        }
        return entry;
    }

    private static String status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (List.of(ReviewEntries.OPEN, ReviewEntries.LINKED, ReviewEntries.DISMISSED).contains(upper)) {
            return upper;
        }
        throw new BadRequestException("unknown status");
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static Response error(Response.Status status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).build();
    }
}

package vn.vneidbridge.operations.bulk;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import vn.vneidbridge.cccd.registry.BackgroundLane;
import vn.vneidbridge.cccd.registry.PopulationRegistry;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * {@code /admin/realms/{realm}/vneid-bridge/bulk-verification}: start a bulk pre-verification job, follow it (state,
 * counts, progress, ETA: counts only, {@code view-realm} or {@code query-users} as the migration progress), pause,
 * resume or cancel it, withdraw a finished job's results, and download its report (it lists legacy account keys with
 * their outcome; never an id number, name or birth date). Who may do which: {@link BulkPermissions}
 * ({@code manage-realm} to start, resume, cancel or withdraw). A job asks only a registry adapter the realm's flows
 * name ({@link RegistryChoice}) at no more than the server's cap. Each command and each report download is an admin
 * event of resource type {@value #RESOURCE_TYPE}; each refusal is a message key with its text in the operator's
 * language.
 */
public final class BulkVerificationResource {

    static final String RESOURCE_TYPE = "VNEID_BULK_JOB";
    private static final int REPORT_PAGE = 1_000;
    private static final int MAX_LISTED = 20;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public BulkVerificationResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                    AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** Body: the {@link BulkJobDefinition} as JSON (every field optional). 201 with the job's status. */
    @POST
    @Path("jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(Map<String, Object> body) {
        require(BulkPermissions.START);
        BulkJobDefinition.Parsed parsed = BulkJobDefinition.parse(body);
        if (!parsed.isValid()) {
            return refused(Response.Status.BAD_REQUEST, parsed.problems());
        }
        BulkJobDefinition asked = parsed.definition().orElseThrow();
        List<ComponentModel> legacy = LegacyUserStorage.enabledProviders(realm);
        if (legacy.isEmpty()) {
            return refused(Response.Status.BAD_REQUEST, new BulkJobDefinition.Problem("vneidBulkNoLegacyDatabase"));
        }
        RegistryChoice choice = RegistryChoice.choose(
                body != null && body.get("registry") != null ? Optional.of(asked.registry()) : Optional.empty(),
                RealmRegistries.of(realm));
        if (choice.problem().isPresent()) {
            return refused(Response.Status.BAD_REQUEST, choice.problem().get());
        }
        String registry = choice.registry().orElseThrow();
        Optional<BackgroundLane> lane = JobRegistry.lane(
                session.getKeycloakSessionFactory().getProviderFactory(PopulationRegistry.class, registry));
        if (lane.isEmpty()) {
            return refused(Response.Status.BAD_REQUEST,
                    new BulkJobDefinition.Problem("vneidBulkUnknownRegistry", registry));
        }
        BulkJobDefinition definition = asked.with(registry,
                BulkRate.clamp(asked.ratePerSecond(), lane.get().maxRatePerSecond()));
        ComponentModel provider = legacy.get(0);
        if (definition.filtersCreation() && !creationDatesReadable(provider)) {
            return refused(Response.Status.BAD_REQUEST, new BulkJobDefinition.Problem("vneidBulkNoCreationDates"));
        }
        if (BulkJobs.unfinished(session, realm).isPresent()) {
            return refused(Response.Status.CONFLICT, new BulkJobDefinition.Problem("vneidBulkJobUnfinished"));
        }
        BulkJobEntity job;
        try {
            job = BulkJobs.create(session, realm, definition, provider.getId(),
                    auth.adminAuth().getUser().getUsername(), Time.currentTimeMillis());
        } catch (PersistenceException race) {
            // another operator started one a moment ago: the unique ACTIVE_KEY refused this one
            session.getTransactionManager().setRollbackOnly();
            return refused(Response.Status.CONFLICT, new BulkJobDefinition.Problem("vneidBulkJobUnfinished"));
        }
        Map<String, Object> status = BulkJobStatus.of(job, Time.currentTimeMillis());
        event(OperationType.CREATE, job, "start", status);
        return Response.status(Response.Status.CREATED).entity(status).build();
    }

    @GET
    @Path("jobs")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> jobs() {
        requireProgressView();
        long now = Time.currentTimeMillis();
        return BulkJobs.list(session, realm, MAX_LISTED).stream().map(job -> BulkJobStatus.of(job, now)).toList();
    }

    @GET
    @Path("jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> job(@PathParam("id") String id) {
        requireProgressView();
        return BulkJobStatus.of(find(id), Time.currentTimeMillis());
    }

    @POST
    @Path("jobs/{id}/pause")
    @Produces(MediaType.APPLICATION_JSON)
    public Response pause(@PathParam("id") String id) {
        return command(id, JobState.Command.PAUSE);
    }

    @POST
    @Path("jobs/{id}/resume")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resume(@PathParam("id") String id) {
        return command(id, JobState.Command.RESUME);
    }

    @POST
    @Path("jobs/{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") String id) {
        return command(id, JobState.Command.CANCEL);
    }

    /**
     * Withdraws a finished job's results: its {@code VERIFIED} current results become {@code WITHDRAWN}, so no import
     * applies them (marks written already stay; results applied already are {@code APPLIED}). 204; 409 for a job not
     * finished yet (cancel it, which withdraws too); 404 for no such job of this realm.
     */
    @POST
    @Path("jobs/{id}/withdraw")
    public Response withdraw(@PathParam("id") String id) {
        require(BulkPermissions.WITHDRAW);
        BulkJobEntity job = find(id);
        if (!JobState.valueOf(job.getState()).canWithdraw()) {
            return refused(Response.Status.CONFLICT, new BulkJobDefinition.Problem("vneidBulkWithdrawUnfinished",
                    job.getState()));
        }
        BulkResults.withdraw(session, job.getId());
        event(OperationType.ACTION, job, "withdraw", BulkJobStatus.of(job, Time.currentTimeMillis()));
        return Response.noContent().build();
    }

    /** The report, streamed page by page (each page read in a short transaction of its own). */
    @GET
    @Path("jobs/{id}/report.csv")
    @Produces("text/csv")
    public Response report(@PathParam("id") String id) {
        require(BulkPermissions.REPORT);
        BulkJobEntity job = find(id);
        String jobId = job.getId();
        event(OperationType.ACTION, job, "report", BulkJobStatus.of(job, Time.currentTimeMillis()));
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        StreamingOutput csv = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            writer.write(ReportCsv.HEADER);
            String after = null;
            while (true) {
                String from = after;
                List<BulkResultEntity> page = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                        s -> BulkResults.reportPage(s, jobId, from, REPORT_PAGE));
                for (BulkResultEntity row : page) {
                    writer.write(ReportCsv.line(row.getLegacyId(), row.getOutcome(),
                            "MISMATCH".equals(row.getOutcome()) ? BulkJobs.split(row.getFields()) : List.of(),
                            row.getCheckedAt()));
                }
                writer.flush();
                if (page.size() < REPORT_PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).getLegacyId();
            }
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"bulk-verification-" + jobId + ".csv\"")
                .build();
    }

    private Response command(String id, JobState.Command command) {
        require(BulkPermissions.of(command));
        BulkJobEntity job = find(id);
        if (command == JobState.Command.RESUME) {
            // the realm's flows may have moved to another registry since the job started
            RegistryChoice still = RegistryChoice.choose(Optional.of(job.getRegistryId()), RealmRegistries.of(realm));
            if (still.problem().isPresent()) {
                return refused(Response.Status.BAD_REQUEST, still.problem().get());
            }
        }
        JobState from = JobState.valueOf(job.getState());
        Optional<JobState> to = command.from(from);
        if (to.isEmpty() || !BulkJobs.command(session, job, from, to.get(), Time.currentTimeMillis())) {
            return refused(Response.Status.CONFLICT, new BulkJobDefinition.Problem("vneidBulkCommandRefused",
                    command.name().toLowerCase(Locale.ROOT), job.getState()));
        }
        Map<String, Object> status = BulkJobStatus.of(job, Time.currentTimeMillis());
        event(OperationType.ACTION, job, command.name().toLowerCase(Locale.ROOT), status);
        return Response.ok(status).build();
    }

    private void event(OperationType operation, BulkJobEntity job, String action, Map<String, Object> status) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("jobId", job.getId());
        audit.put("action", action);
        audit.put("state", status.get("state"));
        audit.put("definition", status.get("definition"));
        adminEvent.resource(RESOURCE_TYPE).operation(operation)
                .resourcePath("vneid-bridge", "bulk-verification", "jobs", job.getId(), action)
                .representation(audit)
                .success();
    }

    private boolean creationDatesReadable(ComponentModel provider) {
        try {
            return LegacyUserStorage.store(session, provider).hasCreationDates();
        } catch (LegacyDatabaseUnavailableException e) {
            return false;
        }
    }

    private void require(BulkPermissions action) {
        if (!action.allowed(auth.realm().canManageRealm(), auth.users().canManage())) {
            throw new ForbiddenException();
        }
    }

    private void requireProgressView() {
        if (!auth.realm().canViewRealm() && !auth.users().canQuery()) {
            throw new ForbiddenException();
        }
    }

    private BulkJobEntity find(String id) {
        BulkJobEntity job = BulkJobs.find(session, realm, id);
        if (job == null) {
            throw new NotFoundException("bulk job not found");
        }
        return job;
    }

    private Response refused(Response.Status status, BulkJobDefinition.Problem problem) {
        return refused(status, List.of(problem));
    }

    private Response refused(Response.Status status, List<BulkJobDefinition.Problem> problems) {
        BulkMessages messages = BulkMessages.of(session, realm);
        List<Map<String, Object>> listed = problems.stream().map(problem -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("key", problem.key());
            view.put("message", messages.text(problem));
            return view;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problems.get(0).key());
        body.put("message", listed.get(0).get("message"));
        body.put("problems", listed);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).build();
    }
}

package vn.vneidbridge.operations.bulk;

import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's newest bulk jobs as the bulk REST lists them ({@link BulkJobStatus}: definition, state, counts,
 * progress, ETA; no personal data), for the operators' pages, which show them to the reader role.
 */
public final class BulkJobsOverview {

    private BulkJobsOverview() {
    }

    public static List<Map<String, Object>> newest(KeycloakSession session, RealmModel realm, int max) {
        long now = Time.currentTimeMillis();
        return BulkJobs.list(session, realm, max).stream().map(job -> BulkJobStatus.of(job, now)).toList();
    }
}

package vn.vneidbridge.operations.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.operations.metrics.OperationsMetrics;

/**
 * The realm's migration progress as the gauges count it (imported accounts by state, type and province; open
 * conflicts by province; legacy rows never imported by type, null when the legacy database did not answer), for the
 * operators' pages. The same aggregate queries as {@code /metrics} ({@link ProgressQueries#gauges}).
 */
public final class ProgressRows {

    private ProgressRows() {
    }

    public static OperationsMetrics.RealmProgress of(KeycloakSession session, RealmModel realm) {
        return ProgressQueries.gauges(session, realm, VneidProvider.ALIAS);
    }
}

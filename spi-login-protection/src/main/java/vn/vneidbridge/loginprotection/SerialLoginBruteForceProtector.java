package vn.vneidbridge.loginprotection;

import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.common.util.Time;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.DefaultBruteForceProtector;

/**
 * Keycloak's brute-force protection, with a second login of a user that arrives while one is in flight made to wait
 * for its turn ({@link LoginTurns}) instead of being refused. Keycloak 26.7's default protector refuses it
 * ({@code DefaultBlockingBruteForceProtector}: several staff of one organisation account, or a citizen who submits
 * the form twice, meet "account temporarily disabled" with the right password). Limits stay exactly as strict:
 * <ul>
 *   <li>a login's turn is taken at its first brute-force question, before its password is checked, and passes on
 *       only when its request has ended;</li>
 *   <li>Keycloak's own counting of a success or failure ({@code success}, {@code failure}: failure count, quick
 *       logins, waits, lockouts) runs on the request's thread in a transaction of its own, so it is stored before
 *       the turn passes on (Keycloak runs it in the background, after the answer);</li>
 *   <li>a login that waited decides on the user and the failure record read afresh, since what its own session
 *       read before the wait may be stale.</li>
 * </ul>
 * So a burst of wrong passwords gets as many checked on a node as one after another would, no more. A login without
 * an authentication session (admin REST, account pages) takes no turn, as in Keycloak. One instance per session.
 * Keycloak 26.8 serializes concurrent logins itself (keycloak#52126): this module goes then.
 */
final class SerialLoginBruteForceProtector extends DefaultBruteForceProtector {

    private static final Logger LOG = Logger.getLogger(SerialLoginBruteForceProtector.class);

    /** What a brute-force question is answered against. */
    private enum Basis { NO_TURN, OWN_TURN, TURN_AFTER_WAIT, BUSY }

    @FunctionalInterface
    private interface Check {
        boolean test(KeycloakSession session, RealmModel realm, UserModel user);
    }

    private final KeycloakSession session;
    private final LoginTurns turns;
    private final LoginTurnMetrics metrics;
    private final Map<String, Basis> basisByUser = new HashMap<>();

    SerialLoginBruteForceProtector(KeycloakSessionFactory factory, KeycloakSession session, LoginTurns turns,
                                   LoginTurnMetrics metrics) {
        super(factory);
        this.session = session;
        this.turns = turns;
        this.metrics = metrics;
    }

    @Override
    public boolean isPermanentlyLockedOut(KeycloakSession asking, RealmModel realm, UserModel user) {
        return switch (basis(asking, user)) {
            case NO_TURN, OWN_TURN -> super.isPermanentlyLockedOut(asking, realm, user);
            case TURN_AFTER_WAIT -> afresh(realm, user, super::isPermanentlyLockedOut);
            // Keycloak 26.7's answer to a login while another is in flight, under permanent lockout
            case BUSY -> super.isPermanentlyLockedOut(asking, realm, user) || realm.isPermanentLockout();
        };
    }

    @Override
    public boolean isTemporarilyDisabled(KeycloakSession asking, RealmModel realm, UserModel user) {
        return switch (basis(asking, user)) {
            case NO_TURN, OWN_TURN -> super.isTemporarilyDisabled(asking, realm, user);
            case TURN_AFTER_WAIT -> afresh(realm, user, super::isTemporarilyDisabled);
            // Keycloak 26.7's answer to a login while another is in flight
            case BUSY -> true;
        };
    }

    /** Keycloak's own counting of the login, on this thread in its own transaction: stored before the turn passes on. */
    @Override
    protected void processLogin(RealmModel realm, UserModel user, ClientConnection connection, UriInfo uriInfo,
                                boolean success, Set<String> categories) {
        String userId = user.getId();
        String remoteHost = connection == null ? null : connection.getRemoteHost();
        long at = Time.currentTimeMillis();
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session.getContext(), counting -> {
                if (success) {
                    success(counting, realm, userId, categories);
                } else {
                    failure(counting, realm, userId, remoteHost, at, categories);
                }
            });
        } catch (RuntimeException failed) {
            // as when Keycloak's own background job fails: logged, and the login's answer stays the same (review A9)
            LOG.warnf("brute-force counting of a %s of user %s failed: %s", success ? "success" : "failure", userId,
                    failed.getClass().getName());
        }
    }

    private Basis basis(KeycloakSession asking, UserModel user) {
        if (asking.getContext().getAuthenticationSession() == null || !asking.getTransactionManager().isActive()) {
            return Basis.NO_TURN;
        }
        return basisByUser.computeIfAbsent(user.getId(), userId -> take(asking, userId));
    }

    private Basis take(KeycloakSession asking, String userId) {
        LoginTurns.Turn turn = turns.take(userId);
        metrics.taken(turn.outcome());
        return switch (turn.outcome()) {
            case BUSY -> {
                LOG.debugf("login of user %s refused: another login of theirs held the turn too long", userId);
                yield Basis.BUSY;
            }
            case AT_ONCE, AFTER_WAIT -> {
                asking.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                    @Override
                    protected void commitImpl() {
                        turn.release();
                    }

                    @Override
                    protected void rollbackImpl() {
                        turn.release();
                    }
                });
                if (turn.outcome() == LoginTurns.Outcome.AFTER_WAIT) {
                    LOG.debugf("login of user %s waited for its turn", userId);
                    yield Basis.TURN_AFTER_WAIT;
                }
                yield Basis.OWN_TURN;
            }
        };
    }

    /** The check on the realm, the user and their failure record as stored now, not as this session read them. */
    private boolean afresh(RealmModel realm, UserModel user, Check check) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session.getContext(), fresh -> {
            RealmModel freshRealm = fresh.realms().getRealm(realm.getId());
            if (freshRealm == null) {
                return true;
            }
            UserModel freshUser = fresh.users().getUserById(freshRealm, user.getId());
            // a user this very request created is not stored yet: nothing can have locked it meanwhile but its record
            return check.test(fresh, freshRealm, freshUser == null ? user : freshUser);
        }, "vneid-serial-logins: brute-force state read afresh");
    }
}

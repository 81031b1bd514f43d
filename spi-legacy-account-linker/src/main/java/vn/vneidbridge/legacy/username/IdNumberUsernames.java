package vn.vneidbridge.legacy.username;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * Gives the users an older version created from VNeID — username = their 12-digit id number — the username
 * {@link VneidUsernames} gives new ones. A user is renamed when its username is 12 digits, equals its
 * {@code cccd} attribute, it has no {@code legacy_account_id} (a legacy account keeps the username its
 * holder chose, even a number: the realm-default scope withholds it, see {@code vneid-username-mapper}) and no
 * stored credential (an account an operator made with a password logs in with that username). The
 * number stays in {@code cccd}, where operators look it up.
 *
 * <p>Batches of {@value #BATCH} users, each in its own transaction, walked by user id; idempotent (a renamed user
 * no longer matches), and safe when run on two nodes at once (both give a user the same new username). A user
 * whose new username another user already has is left as it is and counted as a conflict.
 */
public final class IdNumberUsernames {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(IdNumberUsernames.class);
    private static final String CANDIDATES = "select u.id from UserEntity u"
            + " join UserAttributeEntity c on c.user = u and c.name = :cccd and c.value = u.username"
            + " where u.realmId = :realmId and u.federationLink is null and u.serviceAccountClientLink is null"
            + " and u.id > :after"
            + " and not exists (select l from UserAttributeEntity l where l.user = u and l.name = :legacyId)"
            + " order by u.id";

    /** What one run found and did. */
    public record Result(boolean dryRun, int toRename, int renamed, int conflicts) {
    }

    private IdNumberUsernames() {
    }

    public static Result run(KeycloakSessionFactory factory, String realmId, boolean dryRun) {
        int[] counts = new int[3];
        String[] after = {""};
        boolean more = true;
        while (more) {
            more = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                session.getContext().setRealm(realm);
                List<String> ids = candidates(session, realmId, after[0]);
                VneidUsernames usernames = RealmUsernameKey.usernames(session, realm);
                for (String id : ids) {
                    after[0] = id;
                    UserModel user = session.users().getUserById(realm, id);
                    if (user == null || !isTwelveDigits(user.getUsername())
                            || user.credentialManager().getStoredCredentialsStream().findAny().isPresent()) {
                        // a user with a password (or another credential) logs in with its username: not one created
                        // from VNeID, which has none; renaming it would lock its holder out of the username login
                        continue;
                    }
                    counts[0]++;
                    if (dryRun) {
                        continue;
                    }
                    String renamed = usernames.of(user.getUsername());
                    UserModel holder = session.users().getUserByUsername(realm, renamed);
                    if (holder != null && !holder.getId().equals(id)) {
                        counts[2]++;
                        continue;
                    }
                    user.setUsername(renamed);
                    counts[1]++;
                }
                return ids.size() == BATCH;
            });
        }
        Result result = new Result(dryRun, counts[0], counts[1], counts[2]);
        // counts only: no username, no id number
        LOG.infof("VNeID usernames in realm %s: %d users had their id number as username, %d renamed, %d conflicts%s",
                realmId, result.toRename(), result.renamed(), result.conflicts(), dryRun ? " (dry run)" : "");
        return result;
    }

    private static List<String> candidates(KeycloakSession session, String realmId, String after) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return em.createQuery(CANDIDATES, String.class)
                .setParameter("cccd", UserAttributes.CCCD)
                .setParameter("legacyId", UserAttributes.LEGACY_ACCOUNT_ID)
                .setParameter("realmId", realmId)
                .setParameter("after", after)
                .setMaxResults(BATCH)
                .getResultList();
    }

    static boolean isTwelveDigits(String username) {
        if (username == null || username.length() != 12) {
            return false;
        }
        for (int i = 0; i < username.length(); i++) {
            if (username.charAt(i) < '0' || username.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

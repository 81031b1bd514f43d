package vn.vneidbridge.legacy.storage;

import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.legacy.store.LegacyAccount;

/**
 * At import, the mark a bulk pre-verification left for an account not yet imported: its CCCD is verified by the
 * population registry when the latest bulk outcome of the account confirmed exactly the number the row holds now,
 * and no other user of the realm holds that number verified (the login's own rule, {@code CccdVerifier}).
 */
final class BulkVerificationMark {

    /** The source recorded with the mark, beside the login check's {@code population-registry}. */
    static final String SOURCE = "population-registry-bulk";
    private static final Logger LOG = Logger.getLogger(BulkVerificationMark.class);

    private BulkVerificationMark() {
    }

    static void apply(KeycloakSession session, RealmModel realm, LegacyAccount account, UserModel user) {
        LinkOperations operations = LinkOperations.of(session);
        if (operations == null || account.cccd().isEmpty()) {
            return;
        }
        Optional<LinkOperations.RegistryVerification> verification =
                operations.bulkVerification(realm, account.legacyId());
        if (verification.isEmpty() || !verification.get().number().equals(account.cccd().get())) {
            return;
        }
        String number = verification.get().number();
        boolean elsewhere = UserStoragePrivateUtil.userLocalStorage(session)
                .searchForUserByUserAttributeStream(realm, UserAttributes.CCCD, number)
                .anyMatch(other -> !other.getId().equals(user.getId())
                        && "true".equals(other.getFirstAttribute(UserAttributes.CCCD_VERIFIED)));
        if (elsewhere) {
            LOG.debugf("legacy account %s: bulk verification not applied, another user holds the number verified",
                    account.legacyId());
            return;
        }
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED, "true");
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_SOURCE, SOURCE);
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_AT, verification.get().at().toString());
        user.setAttribute(CccdVerifier.VERIFIED_FIELDS, verification.get().fields());
    }
}

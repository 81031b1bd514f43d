package vn.vneidbridge.certificate;

import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.login.IdNumberHolders;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;

/**
 * The accounts of a realm that hold a certificate's id verified, for {@link CertificateLoginDecision}: a person's
 * number through {@link IdNumberHolders} (the "CMT/CCCD" tab's rule; a CMND only where the population database
 * compared it, review F1); a tax code among the organisations' accounts holding it verified by VNeID and not
 * disputed (legacy rows never qualify: only VNeID makes a code verified). A number with an open review entry (a bulk
 * job found it on a second account, threat BV-12) is nobody's here: support decides. The one holder is known by its
 * user id, never by a username another store may also hold; a legacy row is decided on its own flags and imported
 * only once the citizen confirmed ({@link #user(boolean)}).
 */
final class CertificateHolders {

    /** A legacy database did not answer. */
    static final class LegacyDatabaseUnavailable extends RuntimeException {
        LegacyDatabaseUnavailable() {
            super("a legacy database did not answer", null, false, false);
        }
    }

    /** The one holder found: its Keycloak user id (a legacy row's future one) and username. */
    record Found(String userId, String username) {
        @Override
        public String toString() {
            return "Found[account]";
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private Found found;
    private UserModel user;
    private LegacyUserStorage.LegacyAccountRef row;

    CertificateHolders(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The holder of the last {@link CertificateLoginDecision.OneHolder} answered, if any. */
    Optional<Found> found() {
        return Optional.ofNullable(found);
    }

    /**
     * The Keycloak user of the holder found; a legacy row is imported first when {@code importRow} (after the
     * citizen confirmed), else empty for a row. The imported user must have the id the row was decided under and
     * must not be an administrator (the row's flag becomes the role at import).
     */
    Optional<UserModel> user(boolean importRow) {
        if (user != null || row == null || !importRow) {
            return Optional.ofNullable(user);
        }
        UserModel imported = LegacyUserStorage.importedUser(session, realm, row);
        if (imported == null || !imported.getId().equals(found.userId())) {
            throw new IllegalStateException("the legacy row was imported under another id");
        }
        user = imported;
        row = null;
        return Optional.of(imported);
    }

    /** Whether the user found is an administrator of the portals or of the realm (checked again after an import). */
    boolean administrator(UserModel candidate) {
        if (PortalAdministrators.isAdministrator(realm, candidate)) {
            return true;
        }
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management != null && management.getRolesStream().anyMatch(candidate::hasRole);
    }

    CertificateLoginDecision.Holders holders(CertificateId id) {
        found = null;
        user = null;
        row = null;
        if (id instanceof CertificateId.OrganisationId organisation) {
            return organisation(organisation.code().value());
        }
        String number = id instanceof CertificateId.PersonalId person ? person.number().value()
                : ((CertificateId.FormerId) id).number().value();
        IdNumberHolders.Holders holders = id instanceof CertificateId.PersonalId
                ? IdNumberHolders.ofCccd(session, realm, number)
                : IdNumberHolders.ofCmnd(session, realm, number, IdNumberHolders.CmndTrust.REGISTRY_CONFIRMED);
        if (holders instanceof IdNumberHolders.Unavailable) {
            throw new LegacyDatabaseUnavailable();
        }
        if (holders instanceof IdNumberHolders.Several) {
            return new CertificateLoginDecision.SeveralHolders();
        }
        if (!(holders instanceof IdNumberHolders.One one)) {
            return new CertificateLoginDecision.NoHolder();
        }
        if (LinkOperations.of(session).reviewOpen(realm, number)) {
            // another account held or holds it too: as with several holders, support decides (BV-12)
            return new CertificateLoginDecision.SeveralHolders();
        }
        if (one.legacyRow().isPresent()) {
            LegacyUserStorage.LegacyAccountRef ref = one.legacyRow().get();
            row = ref;
            found = new Found(one.userId(), one.username());
            return new CertificateLoginDecision.OneHolder(new CertificateLoginDecision.Holder(one.userId(),
                    ref.account().admin(), ref.account().active()));
        }
        UserModel holder = session.users().getUserById(realm, one.userId());
        return holder == null ? new CertificateLoginDecision.NoHolder() : one(holder);
    }

    private CertificateLoginDecision.Holders organisation(String code) {
        List<UserModel> holders = session.users()
                .searchForUserByUserAttributeStream(realm, UserAttributes.TAX_CODE, code)
                .filter(candidate -> code.equals(candidate.getFirstAttribute(UserAttributes.TAX_CODE))
                        && "true".equals(candidate.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED))
                        && candidate.getFirstAttribute(UserAttributes.TAX_CODE_DISPUTED_AT) == null
                        && AccountKind.ofUser(candidate::getFirstAttribute) == AccountKind.ORGANISATION)
                .limit(2).toList();
        if (holders.size() > 1) {
            return new CertificateLoginDecision.SeveralHolders();
        }
        return holders.isEmpty() ? new CertificateLoginDecision.NoHolder() : one(holders.get(0));
    }

    private CertificateLoginDecision.Holders one(UserModel holder) {
        user = holder;
        found = new Found(holder.getId(), holder.getUsername());
        return new CertificateLoginDecision.OneHolder(new CertificateLoginDecision.Holder(holder.getId(),
                administrator(holder), holder.isEnabled()));
    }
}

package vn.vneidbridge.legacy.storage;

import java.time.Instant;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountStore;

/**
 * Brings a legacy account into Keycloak once: a local user with the account's fixed id, linked to this
 * provider, carrying the legacy id and profile (and an organisation's tax code, unverified: {@link LegacyTaxCode};
 * a person's places, unverified: {@link LegacyPlaces}).
 * Importing an account that is already there returns it, unchanged.
 */
final class LegacyAccountImporter {

    private static final Logger LOG = Logger.getLogger(LegacyAccountImporter.class);

    private final KeycloakSession session;
    private final ComponentModel model;

    LegacyAccountImporter(KeycloakSession session, ComponentModel model) {
        this.session = session;
        this.model = model;
    }

    UserModel importAccount(RealmModel realm, LegacyAccount account) {
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        String id = LegacyUserIds.userId(realm, account.legacyId());
        UserModel existing = local.getUserById(realm, id);
        if (existing != null) {
            return existing;
        }
        UserModel user;
        try {
            user = local.addUser(realm, id, account.username(), true, false);
        } catch (ModelDuplicateException clash) {
            UserModel concurrent = local.getUserById(realm, id);
            if (concurrent != null) {
                return concurrent; // another login imported the same account a moment ago
            }
            LegacyEvents.invalidAccount(session, realm, account.legacyId(), "username-taken-in-keycloak");
            LOG.warnf("legacy account %s not imported into realm %s: its username is taken by another Keycloak user",
                    account.legacyId(), realm.getName());
            return null;
        }
        user.setFederationLink(model.getId());
        user.setEnabled(account.active());
        user.setFirstName(LegacyAccountAttributes.firstName(account));
        user.setLastName(LegacyAccountAttributes.lastName(account));
        user.setEmail(account.email());
        user.setEmailVerified(false);
        LegacyAccountAttributes.of(account).forEach((name, values) -> {
            if (!UserModel.USERNAME.equals(name) && !UserModel.FIRST_NAME.equals(name)
                    && !UserModel.LAST_NAME.equals(name) && !UserModel.EMAIL.equals(name)) {
                user.setAttribute(name, values);
            }
        });
        LegacyAccountStore store = LegacyUserStorage.store(session, model);
        LegacyTaxCode taxCode = LegacyTaxCode.read(account, store::taxCodeOf);
        taxCode.writeTo(user);
        LegacyPlaces.read(account, store::placesOf).writeTo(user);
        Instant now = Instant.now();
        user.setSingleAttribute(UserAttributes.LEGACY_IMPORTED_AT, now.toString());
        if (account.cccdVerified()) {
            user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_AT, now.toString());
        } else {
            BulkVerificationMark.apply(session, realm, account, user);
        }
        if (account.admin()) {
            RoleModel admin = realm.getRole(UserAttributes.PORTAL_ADMIN_ROLE);
            if (admin != null) {
                user.grantRole(admin);
            } else {
                LOG.warnf("realm %s has no role %s: legacy administrator %s imported without it",
                        realm.getName(), UserAttributes.PORTAL_ADMIN_ROLE, account.legacyId());
            }
        }
        // the username now belongs to the imported user: drop what the cache remembers of the legacy view
        UserCache cache = UserStorageUtil.userCache(session);
        if (cache != null) {
            cache.evict(realm, new LegacyUserAdapter(session, realm, model, account, LegacyTaxCode.Column.NOT_READ,
                    LegacyPlaces.Column.NOT_READ));
        }
        EventBuilder registered = LegacyEvents.event(session, realm, EventType.REGISTER)
                .user(user)
                .detail(LegacyEvents.DETAIL_REGISTER_METHOD, "legacy_import")
                .detail(LegacyEvents.DETAIL_LEGACY_ID, account.legacyId());
        if (taxCode.malformed()) {
            // imported all the same, without the code: the operator sees which row to correct
            registered.detail(LegacyEvents.DETAIL_PROBLEM, LegacyTaxCode.MALFORMED);
        }
        registered.success();
        LOG.debugf("imported legacy account %s into realm %s", account.legacyId(), realm.getName());
        return user;
    }
}

package vn.vneidbridge.legacy.storage;

import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.UserLookupProvider;
import org.keycloak.storage.user.UserRegistrationProvider;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountStore;
import vn.vneidbridge.legacy.store.LegacyAccountType;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * Legacy portal accounts as Keycloak users. A username Keycloak does not know is looked up in the legacy
 * database; the account logs in with its legacy password and, on the first success only, is imported (with
 * a fixed id, see {@link LegacyUserIds}) and its password stored again under the realm's own hashing policy.
 * From then on Keycloak checks the password itself and the legacy database is not asked again at login.
 */
final class LegacyUserStorageProvider implements UserStorageProvider, UserLookupProvider, CredentialInputValidator,
        UserRegistrationProvider {

    /** Set on the session when the legacy database did not answer, so the login form can say so. */
    static final String UNAVAILABLE_NOTE = "vneid.legacy.database.unavailable";

    private static final Logger LOG = Logger.getLogger(LegacyUserStorageProvider.class);

    private final KeycloakSession session;
    private final ComponentModel model;
    private final LegacyUserStorageConfig config;
    private final LegacyAccountStore store;

    LegacyUserStorageProvider(KeycloakSession session, ComponentModel model, LegacyAccountStore store) {
        this.session = session;
        this.model = model;
        this.config = new LegacyUserStorageConfig(model);
        this.store = store;
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        LegacyAccountStore.Lookup found = lookup(() -> store.byUsername(username));
        if (found.problem().isPresent()) {
            LegacyEvents.invalidAccount(session, realm, found.rejectedLegacyId().orElse(null),
                    found.problem().get().code());
            LOG.warnf("legacy account %s skipped: %s", found.rejectedLegacyId().orElse("(no id)"),
                    found.problem().get().code());
            return null;
        }
        return found.account().filter(account -> serves(account.type()))
                .map(account -> new LegacyUserAdapter(session, realm, model, account, store::taxCodeOf,
                        store::placesOf))
                .orElse(null);
    }

    /**
     * Resolves the federated id of an account seen before its import ({@code f:<provider>:<legacy id>}): to
     * the imported user once there is one — so a login that imported the account goes on as that user — or
     * else to the legacy account itself.
     */
    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        String legacyId = StorageId.externalId(id);
        UserModel imported = UserStoragePrivateUtil.userLocalStorage(session)
                .getUserById(realm, LegacyUserIds.userId(realm, legacyId));
        if (imported != null) {
            return imported;
        }
        try {
            return lookup(() -> store.byLegacyId(legacyId)).account().filter(account -> serves(account.type()))
                    .map(account -> (UserModel) new LegacyUserAdapter(session, realm, model, account,
                            store::taxCodeOf, store::placesOf))
                    .orElse(null);
        } catch (LegacyDatabaseUnavailableException e) {
            return null;
        }
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        // Legacy e-mail addresses are not unique and never identify an account.
        return null;
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return PasswordCredentialModel.TYPE.equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType);
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (!supportsCredentialType(input.getType()) || !(input instanceof UserCredentialModel)) {
            return false;
        }
        boolean imported = StorageId.isLocalStorage(user.getId());
        LegacyCredentialCheck check = LegacyCredentialCheck.decide(imported,
                imported && user.credentialManager().isConfiguredLocally(PasswordCredentialModel.TYPE),
                () -> user instanceof LegacyUserAdapter adapter ? adapter.account() : reload(user),
                account -> LegacyUserIds.userId(realm, account.legacyId()).equals(user.getId()),
                config.accountTypes(), config.acceptWeakHashes());
        if (check.outcome() == LegacyCredentialCheck.Outcome.WEAK_HASH_REFUSED) {
            LegacyEvents.invalidAccount(session, realm, check.account().legacyId(), "weak-password-hash-refused");
        }
        if (check.outcome() != LegacyCredentialCheck.Outcome.VERIFY) {
            // KEYCLOAK_DECIDES: already migrated, Keycloak's own password check decides; OTHER_ACCOUNTS_ROW: never
            // check (or store) another account's password here; the rest: this row cannot log in
            return false;
        }
        LegacyAccount account = check.account();
        String password = input.getChallengeResponse();
        if (!LegacyUserStorage.hashWork(session, model).verifyLegacy(account.password(), password)) {
            return false;
        }
        UserModel local = new LegacyAccountImporter(session, model).importAccount(realm, account);
        if (local == null) {
            return false;
        }
        // Stored through the user Keycloak gave us when the account was already imported (by a first VNeID login
        // that linked it, say): that user is the cache's, and storing through it invalidates the cached user. The
        // importer's user is the database's own; storing through it left the cache saying "no password", so every
        // later login checked the legacy hash again and hashed the password again.
        rehash(realm, imported ? user : local, account, password);
        return true;
    }

    private void rehash(RealmModel realm, UserModel user, LegacyAccount account, String password) {
        var event = LegacyEvents.event(session, realm, EventType.UPDATE_CREDENTIAL).user(user)
                .detail("credential_type", PasswordCredentialModel.TYPE)
                .detail(LegacyEvents.DETAIL_REASON, "legacy_rehash")
                .detail(LegacyEvents.DETAIL_LEGACY_ID, account.legacyId())
                .detail(LegacyEvents.DETAIL_HASH_ALGORITHM, account.password().algorithm().code());
        if (account.password().algorithm().isWeak()) {
            event.detail(LegacyEvents.DETAIL_WEAK_HASH, "true");
            user.setSingleAttribute(UserAttributes.LEGACY_WEAK_PASSWORD_HASH, account.password().algorithm().code());
        }
        try {
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
            event.success();
        } catch (ModelException policyRefused) {
            // The legacy password does not meet today's password policy: the citizen is logged in and asked
            // for a new password; until then the legacy hash keeps working.
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            event.error("password_policy_not_met");
        }
    }

    private LegacyAccount reload(UserModel user) {
        String legacyId = user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_ID);
        if (legacyId == null) {
            return null;
        }
        try {
            return lookup(() -> store.byLegacyId(legacyId)).account().orElse(null);
        } catch (LegacyDatabaseUnavailableException e) {
            return null; // noted on the session: the form says the legacy system is unavailable
        }
    }

    private boolean serves(LegacyAccountType type) {
        Set<LegacyAccountType> types = config.accountTypes();
        return types.contains(type);
    }

    private LegacyAccountStore.Lookup lookup(java.util.function.Supplier<LegacyAccountStore.Lookup> query) {
        try {
            return query.get();
        } catch (LegacyDatabaseUnavailableException e) {
            session.setAttribute(UNAVAILABLE_NOTE, Boolean.TRUE);
            throw e;
        }
    }

    @Override
    public void close() {
    }

    /** New users are never written to the read-only legacy database: Keycloak stores them itself. */
    @Override
    public UserModel addUser(RealmModel realm, String username) {
        return null;
    }

    /**
     * An imported account may be deleted in Keycloak (by an operator, or a citizen's account deletion); its legacy
     * row stays as it is, read-only. Its next correct legacy login would import it again, with the same id.
     */
    @Override
    public boolean removeUser(RealmModel realm, UserModel user) {
        return true;
    }
}

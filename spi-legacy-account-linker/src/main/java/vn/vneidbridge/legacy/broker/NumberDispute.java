package vn.vneidbridge.legacy.broker;

import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.legacy.operations.ReviewQueue;
import vn.vneidbridge.legacy.operations.UserRowLock;

/**
 * The VNeID holder of a number said that an account holding it verified is not theirs. VNeID is the Ministry's
 * word on whose number it is, so that account can no longer pass as verified for it: the mark is taken off
 * ({@code cccd_verified=false}, {@code cccd_disputed_at}), never silently — an event on the account and a review
 * entry for operators record it. The number stays on the account for the operators to see; the CCCD check refuses
 * to verify it there again. The account's current bulk result becomes {@code REVOKED}: never applied again.
 */
final class NumberDispute {

    static final String EVENT_ERROR = "vneid_cccd_disputed_by_holder";
    static final String TAX_CODE_EVENT_ERROR = "vneid_tax_code_disputed_by_organisation";
    private static final Logger LOG = Logger.getLogger(NumberDispute.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    NumberDispute(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Takes the verified mark off these accounts (Keycloak users: legacy rows are imported first by the caller). */
    void dispute(List<UserModel> accounts, String identityProvider, String idNumber, String vneidSubject,
                 String clientId) {
        if (accounts.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        // the same row lock a bulk job takes before it marks a user verified, in one order (by id): the mark written
        // by a concurrent bulk batch lands before this, never on top of it
        accounts.stream().map(UserModel::getId).sorted().forEach(id -> UserRowLock.lock(session, realm.getId(), id));
        LinkOperations operations = LinkOperations.of(session);
        for (UserModel account : accounts) {
            account.setSingleAttribute(UserAttributes.CCCD_VERIFIED, "false");
            account.removeAttribute(UserAttributes.CCCD_VERIFIED_SOURCE);
            account.removeAttribute(UserAttributes.CCCD_VERIFIED_AT);
            account.setSingleAttribute(UserAttributes.CCCD_DISPUTED_AT, now);
            // the places the population database gave for the number are the holder's, not this account's
            account.removeAttribute(UserAttributes.PLACE_OF_BIRTH);
            account.removeAttribute(UserAttributes.HOME_TOWN);
            account.removeAttribute(UserAttributes.PERMANENT_ADDRESS);
            if (operations != null) {
                // the account's bulk result too: it outlives the user (Keycloak's "Remove imported users" fires no
                // event), so a re-import never marks it again from that result
                operations.settleBulkResult(realm, account.getId(), LinkOperations.BulkResult.REVOKED);
            }
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.UPDATE_PROFILE_ERROR).user(account).client(clientId)
                    .detail(Details.IDENTITY_PROVIDER, identityProvider)
                    .detail(Details.REASON, "the VNeID holder of the account's verified id number said it is not theirs")
                    .error(EVENT_ERROR);
        }
        LOG.infof("realm %s: %d account(s) lost the verified mark of an id number their VNeID holder disowned; "
                + "review entry opened", realm.getName(), accounts.size());
        ReviewQueue.open(session, realm, identityProvider, idNumber, vneidSubject, null,
                accounts.stream().map(UserModel::getId).toList());
    }

    /**
     * The same for an organisation: its VNeID account said that these organisation accounts, holding its tax code
     * verified, are not its own. The mark is taken off ({@code tax_code_verified=false}, {@code tax_code_disputed_at});
     * the code stays for support to see, and the tax-code check refuses to verify it there again. An event on each
     * account records it (the review queue holds personal id numbers only).
     */
    void disputeTaxCode(List<UserModel> accounts, String identityProvider, String clientId) {
        if (accounts.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        accounts.stream().map(UserModel::getId).sorted().forEach(id -> UserRowLock.lock(session, realm.getId(), id));
        for (UserModel account : accounts) {
            account.setSingleAttribute(UserAttributes.TAX_CODE_VERIFIED, "false");
            account.removeAttribute(UserAttributes.TAX_CODE_VERIFIED_SOURCE);
            account.removeAttribute(UserAttributes.TAX_CODE_VERIFIED_AT);
            account.setSingleAttribute(UserAttributes.TAX_CODE_DISPUTED_AT, now);
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.UPDATE_PROFILE_ERROR).user(account).client(clientId)
                    .detail(Details.IDENTITY_PROVIDER, identityProvider)
                    .detail(Details.REASON, "the organisation's VNeID account said this account is not the organisation's")
                    .error(TAX_CODE_EVENT_ERROR);
        }
        LOG.infof("realm %s: %d organisation account(s) lost the verified mark of a tax code the organisation's VNeID "
                + "account disowned", realm.getName(), accounts.size());
    }
}

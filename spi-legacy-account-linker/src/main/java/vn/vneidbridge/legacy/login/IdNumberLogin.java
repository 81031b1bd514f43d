package vn.vneidbridge.legacy.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * The portal-account form's "CMT/CCCD" tab (seed 002): a citizen logs in with the number their account holds and
 * the portal password. A 12-digit number names the account whose CCCD it is, verified; a 9-digit CMND names the
 * account that holds it beside a verified CCCD. Only when exactly one citizen's account is named does the number
 * stand for its username; otherwise the number is checked as the username typed, which no account has, so the
 * answer is the one of a wrong password (never an oracle of which numbers have accounts). The password, the
 * captcha, the brute-force limits and the events are the username form's.
 */
final class IdNumberLogin {

    /** The form field that says the username field holds an id number (the "CMT/CCCD" tab). */
    static final String FIELD_LOGIN_BY = "vneid_login_by";
    static final String BY_ID_NUMBER = "id_number";
    static final String BY_USERNAME = "username";
    /** The tab buttons: a post that only switches the form's tab, nothing checked. */
    static final String FIELD_TAB = "vneidLoginTab";

    /** One account that holds the number: its Keycloak user id (present or future) and what decides. */
    record Holder(String userId, String username, AccountKind kind, boolean numberTrusted) {
    }

    private IdNumberLogin() {
    }

    /** The typed number as the lookup reads it (surrounding whitespace of any kind removed); empty for none. */
    static String key(String typed) {
        return typed == null ? "" : typed.strip();
    }

    /** The tab a form post came from: {@link #BY_ID_NUMBER} or {@link #BY_USERNAME}. */
    static String tab(String loginBy) {
        return BY_ID_NUMBER.equals(loginBy) ? BY_ID_NUMBER : BY_USERNAME;
    }

    /**
     * The username the number stands for: that of the one citizen's account holding it as trusted (a verified CCCD
     * not disowned, or a CMND beside one); none when no account or several do. Holders are counted once per user id.
     */
    static Optional<String> username(List<Holder> holders) {
        Map<String, Holder> byUser = new LinkedHashMap<>();
        holders.forEach(holder -> byUser.putIfAbsent(holder.userId(), holder));
        List<Holder> named = byUser.values().stream()
                .filter(holder -> holder.kind() == AccountKind.CITIZEN && holder.numberTrusted()).toList();
        return named.size() == 1 ? Optional.ofNullable(named.get(0).username()) : Optional.empty();
    }

    /**
     * The username a typed number stands for in this realm, looked up among Keycloak's users and the legacy
     * databases; empty for anything else (a malformed number included), and when a legacy database does not answer
     * (the username check that follows then meets it too, and the form says so).
     */
    static Optional<String> username(KeycloakSession session, RealmModel realm, String typed) {
        String text = key(typed);
        try {
            if (text.length() == PersonalIdNumber.LENGTH
                    && PersonalIdNumber.parse(text, PersonalIdRules.lenient()).isValid()) {
                return username(holders(session, realm, text, UserAttributes.CCCD,
                        LegacyUserStorage.accountsWithCccd(session, realm, text)));
            }
            if (text.length() == CmndNumber.LENGTH && CmndNumber.parse(text).isValid()) {
                return username(holders(session, realm, text, UserAttributes.CMND,
                        LegacyUserStorage.accountsWithCmnd(session, realm, text)));
            }
        } catch (LegacyDatabaseUnavailableException unavailable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<Holder> holders(KeycloakSession session, RealmModel realm, String number, String attribute,
                                        List<LegacyUserStorage.LegacyAccountRef> legacyRows) {
        List<Holder> holders = new ArrayList<>();
        // two trusted holders already make the number nobody's: no more are read (review A8: a placeholder number
        // on thousands of users)
        session.users().searchForUserByUserAttributeStream(realm, attribute, number)
                .filter(user -> number.equals(user.getFirstAttribute(attribute)))
                .map(IdNumberLogin::holder)
                .filter(holder -> holder.kind() == AccountKind.CITIZEN && holder.numberTrusted())
                .limit(2)
                .forEach(holders::add);
        for (LegacyUserStorage.LegacyAccountRef ref : legacyRows) {
            String id = LegacyUserStorage.userId(realm, ref);
            UserModel imported = session.users().getUserById(realm, id);
            if (imported != null) {
                // the Keycloak user is the truth once imported: it holds the number still, or it is no holder
                if (number.equals(imported.getFirstAttribute(attribute))) {
                    holders.add(holder(imported));
                }
                continue;
            }
            var row = ref.account();
            holders.add(new Holder(id, row.username(),
                    row.kind(),
                    row.cccdVerified()));
        }
        return holders;
    }

    private static Holder holder(UserModel user) {
        boolean verified = "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED))
                && user.getFirstAttribute(UserAttributes.CCCD) != null
                && user.getFirstAttribute(UserAttributes.CCCD_DISPUTED_AT) == null;
        return new Holder(user.getId(), user.getUsername(), AccountKind.ofUser(user::getFirstAttribute), verified);
    }
}

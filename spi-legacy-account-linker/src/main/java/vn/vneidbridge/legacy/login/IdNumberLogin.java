package vn.vneidbridge.legacy.login;

import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;

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
    /** The "Usb ký số" tab: it only says how a token logs in (the certificate step does, before this form). */
    static final String BY_CERTIFICATE = "certificate";
    /** The tab buttons: a post that only switches the form's tab, nothing checked. */
    static final String FIELD_TAB = "vneidLoginTab";

    private IdNumberLogin() {
    }

    /** The typed number as the lookup reads it (surrounding whitespace of any kind removed); empty for none. */
    static String key(String typed) {
        return typed == null ? "" : typed.strip();
    }

    /** The tab a form post came from: {@link #BY_ID_NUMBER}, {@link #BY_CERTIFICATE} or {@link #BY_USERNAME}. */
    static String tab(String loginBy) {
        if (BY_ID_NUMBER.equals(loginBy) || BY_CERTIFICATE.equals(loginBy)) {
            return loginBy;
        }
        return BY_USERNAME;
    }

    /**
     * The username the number stands for: that of the one citizen's account holding it as trusted (a verified CCCD
     * not disowned, or a CMND beside one); none when no account or several do ({@link IdNumberHolders}).
     */
    static Optional<String> username(List<IdNumberHolders.Holder> holders) {
        return named(IdNumberHolders.of(holders));
    }

    /**
     * The username a typed number stands for in this realm, looked up among Keycloak's users and the legacy
     * databases; empty for anything else (a malformed number included), and when a legacy database does not answer
     * (the username check that follows then meets it too, and the form says so).
     */
    static Optional<String> username(KeycloakSession session, RealmModel realm, String typed) {
        String text = key(typed);
        if (text.length() == PersonalIdNumber.LENGTH
                && PersonalIdNumber.parse(text, PersonalIdRules.lenient()).isValid()) {
            return named(IdNumberHolders.ofCccd(session, realm, text));
        }
        if (text.length() == CmndNumber.LENGTH && CmndNumber.parse(text).isValid()) {
            return named(IdNumberHolders.ofCmnd(session, realm, text, IdNumberHolders.CmndTrust.BESIDE_VERIFIED_CCCD));
        }
        return Optional.empty();
    }

    private static Optional<String> named(IdNumberHolders.Holders holders) {
        return holders instanceof IdNumberHolders.One one ? Optional.of(one.username()) : Optional.empty();
    }
}

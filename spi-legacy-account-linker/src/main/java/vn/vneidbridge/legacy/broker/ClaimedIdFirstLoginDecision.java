package vn.vneidbridge.legacy.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Account;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.ConfirmByPassword;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Create;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Facts;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Outcome;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Refuse;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.ShowAccount;

/**
 * The first login through a provider whose id number is its own word, not the Ministry's (Vietnam Post's account,
 * PostID): the same facts and the same first decision as a VNeID login ({@link FirstVneidLoginDecision}), made
 * stricter. Such a provider's number alone never links an account: only the one account holding the number verified
 * is offered, for its password ({@link ConfirmByPassword}), never shown for a one-click "Đây là tài khoản của tôi";
 * an account holding it unverified or only the old CMND is not offered (the provider's word is not the registry
 * check the CCCD step makes); no user is created from it and no account is disputed on its word; the state's staff
 * (administrators and officials, "CBCCVC") are refused, as the portal's card says ("Không dành cho CBCCVC cơ quan nhà
 * nước").
 */
final class ClaimedIdFirstLoginDecision {

    private ClaimedIdFirstLoginDecision() {
    }

    /**
     * An account that the number finds, as far as this path needs it: whether it is the state's staff, and whether
     * it has a password to confirm (a user created from VNeID has none: it logs in with VNeID only).
     */
    record Offered(boolean stateStaff, boolean hasPassword) {
    }

    /**
     * The claimed-id path's outcome for the first decision's {@code outcome} (on the first login, on a reload, or
     * after "Không phải tài khoản của tôi" on the password page), from the facts it was made on.
     *
     * @param offered what is known of an account, by its username; empty when it cannot be read
     */
    static Outcome adapt(Outcome outcome, Facts facts, Function<String, Optional<Offered>> offered) {
        if (outcome instanceof Refuse refusal) {
            return refusal.reason() == FirstLoginRefusal.ADMINISTRATOR
                    ? new Refuse(FirstLoginRefusal.STATE_STAFF) : refusal;
        }
        if (outcome instanceof Create) {
            // no user from this provider's word, and no account disputed on it
            return new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID);
        }
        if (outcome instanceof ShowAccount show) {
            if (facts.createdFromVneid().map(account -> account.id().equals(show.accountId())).orElse(false)) {
                return new Refuse(FirstLoginRefusal.VNEID_ONLY_ACCOUNT);
            }
            Optional<String> username = facts.verified().stream()
                    .filter(account -> account.id().equals(show.accountId())).findFirst()
                    .flatMap(Account::username);
            if (username.isEmpty()) {
                return new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID);
            }
            return byPassword(List.of(username.get()), offered);
        }
        if (outcome instanceof ConfirmByPassword confirm) {
            // only the one account holding the number verified (asked by password because its number is in review):
            // an account holding it unverified, or only the old CMND, is never offered on this provider's word
            List<String> verifiedUsernames = facts.verified().size() == 1
                    ? facts.verified().get(0).username().map(List::of).orElse(List.of()) : List.of();
            if (verifiedUsernames.isEmpty() || !verifiedUsernames.equals(confirm.usernames())) {
                return new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID);
            }
            return byPassword(confirm.usernames(), offered);
        }
        // a conflict stays one (no review entry: operators review what the Ministry's VNeID says); a link is never
        // decided on this path (it only follows a shown account)
        return outcome;
    }

    /**
     * "Không phải tài khoản của tôi" on the password page: the login ends. Nothing is created, and no account loses
     * its verified number on this provider's word (VNeID's answer would create the holder's user and dispute the
     * account).
     */
    static Refuse onPasswordDeclined() {
        return new Refuse(FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID);
    }

    private static Outcome byPassword(List<String> usernames, Function<String, Optional<Offered>> offered) {
        List<String> withPassword = new ArrayList<>();
        boolean withoutPassword = false;
        for (String username : usernames) {
            Optional<Offered> account = offered.apply(username);
            if (account.isEmpty()) {
                continue;
            }
            if (account.get().stateStaff()) {
                // one of the accounts the number finds is the state's: this means of login is not for its holder
                return new Refuse(FirstLoginRefusal.STATE_STAFF);
            }
            if (account.get().hasPassword()) {
                withPassword.add(username);
            } else {
                withoutPassword = true;
            }
        }
        if (!withPassword.isEmpty()) {
            return new ConfirmByPassword(withPassword);
        }
        return new Refuse(withoutPassword ? FirstLoginRefusal.VNEID_ONLY_ACCOUNT
                : FirstLoginRefusal.NO_ACCOUNT_FOR_CLAIMED_ID);
    }
}

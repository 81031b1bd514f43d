package vn.vneidbridge.legacy.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of a first VNeID login, as a pure function of what was found for the VNeID id number. Nothing is ever
 * linked unseen: an account is linked only after the VNeID holder was shown it and said it is theirs
 * ({@link ShowAccount}), or gave its password ({@link ConfirmByPassword}); several accounts go to operators
 * ({@link Conflict}); no account at all creates the holder's own user ({@link Create}). E-mail and phone are
 * never facts here.
 */
final class FirstVneidLoginDecision {

    private FirstVneidLoginDecision() {
    }

    /** How an account came to be linked, recorded as the link event's {@code link_method}. */
    enum LinkMethod {
        /** Verified CCCD, shown to the VNeID holder, who said "Đây là tài khoản của tôi". */
        SHOWN_AND_CONFIRMED("verified_cccd"),
        /** The account's password, then the population database, for an account whose number was not verified. */
        PASSWORD_AND_REGISTRY("password_and_registry"),
        /**
         * The password of the one account holding the number verified, for a provider whose number is its own word
         * (Vietnam Post's account): nothing asked of the registry, nothing marked.
         */
        PASSWORD_OF_VERIFIED_HOLDER("password_of_verified_holder");

        private final String eventValue;

        LinkMethod(String eventValue) {
            this.eventValue = eventValue;
        }

        String eventValue() {
            return eventValue;
        }
    }

    /**
     * An account the number could belong to: a Keycloak user, or a legacy row (by the id it will have), with its
     * username when known (its password may be asked for it).
     */
    record Account(String id, boolean administrator, boolean active, boolean linkedToVneid,
                   Optional<String> username) {
        Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(username, "username");
        }

        /** An account whose username is not known here. */
        Account(String id, boolean administrator, boolean active, boolean linkedToVneid) {
            this(id, administrator, active, linkedToVneid, Optional.empty());
        }
    }

    /**
     * What was found for the number.
     *
     * @param idNumberValid       whether the identity has a valid 12-digit number
     * @param verified            accounts holding it as a verified CCCD (and not unlinked by their holder)
     * @param toConfirm           usernames of accounts the population database confirms for this person but whose
     *                            number is not proven (unverified, verified but unlinked by the holder, or only the
     *                            old CMND): their password is asked
     * @param verifiedToConfirm   ids of the accounts that hold the number verified but were unlinked by its holder
     *                            (offered for their password or not): any user created for the holder must take
     *                            the mark off them first, or its link would fail on it and leave an orphan user
     * @param createdFromVneid    an account with the number as username, no password and no link: what an
     *                            interrupted creation from VNeID leaves; shown like a verified one
     * @param usernameTaken       an account has the number as its username, or the username a user created from
     *                            VNeID gets for it ({@code VneidUsernames}), so no user can be created with it
     * @param reviewOpen          a review entry for the number is open in the realm: operators are deciding which
     *                            account holds it (a bulk pre-verification found it on another account after it
     *                            marked one, or an earlier login found several)
     */
    record Facts(boolean idNumberValid, List<Account> verified, List<String> toConfirm, List<String> verifiedToConfirm,
                 Optional<Account> createdFromVneid, boolean usernameTaken, boolean reviewOpen) {
        Facts {
            verified = List.copyOf(verified);
            toConfirm = List.copyOf(toConfirm);
            verifiedToConfirm = List.copyOf(verifiedToConfirm);
            Objects.requireNonNull(createdFromVneid, "createdFromVneid");
        }

        /** Facts of a number no open review entry names (tests; the login always says whether one does). */
        Facts(boolean idNumberValid, List<Account> verified, List<String> toConfirm, List<String> verifiedToConfirm,
              Optional<Account> createdFromVneid, boolean usernameTaken) {
            this(idNumberValid, verified, toConfirm, verifiedToConfirm, createdFromVneid, usernameTaken, false);
        }
    }

    /** What the login does next. */
    sealed interface Outcome permits Link, ShowAccount, ConfirmByPassword, Conflict, Create, Refuse {
    }

    /** Link this account (imported first if it is a legacy row). */
    record Link(String accountId, LinkMethod method) implements Outcome {
    }

    /** Show the account (masked) and ask "Đây là tài khoản của tôi" / "Không phải tài khoản của tôi". */
    record ShowAccount(String accountId) implements Outcome {
    }

    /** Ask the password of one of these accounts. */
    record ConfirmByPassword(List<String> usernames) implements Outcome {
        ConfirmByPassword {
            usernames = List.copyOf(usernames);
        }
    }

    /** Several accounts: nothing linked or created, an operator decides. */
    record Conflict(List<String> accountIds) implements Outcome {
        Conflict {
            accountIds = List.copyOf(accountIds);
        }
    }

    /**
     * Create the holder's own user. The accounts in {@code disputed} hold the number verified although the holder
     * said they are not theirs: they lose the mark (recorded, and reviewed by operators) first, so the number is
     * verified on one account only.
     */
    record Create(List<String> disputed) implements Outcome {
        Create {
            disputed = List.copyOf(disputed);
        }
    }

    /** Nothing linked or created. */
    record Refuse(FirstLoginRefusal reason) implements Outcome {
    }

    /** The first decision, from what was found. */
    static Outcome decide(Facts facts) {
        if (!facts.idNumberValid()) {
            return new Refuse(FirstLoginRefusal.INVALID_ID_NUMBER);
        }
        if (facts.verified().size() > 1) {
            return new Conflict(facts.verified().stream().map(Account::id).toList());
        }
        if (facts.verified().size() == 1 && facts.reviewOpen()
                && !createdFromVneid(facts, facts.verified().get(0).id())) {
            // operators are reviewing who holds the number (a job found it on another account after it marked this
            // one): the mark alone no longer proves the account is the holder's, its password does (BV-12). Not for
            // the user an earlier VNeID login with the number created (it has no password to ask): that is the
            // holder's own, shown as before
            return byPassword(facts.verified().get(0));
        }
        if (facts.verified().size() == 1) {
            // also after the account's own password in this login (the cutoff's link-only page): whoever finishes
            // the VNeID login in that tab is asked, so a hand-off on a shared computer links nothing unseen
            return shown(facts.verified().get(0));
        }
        if (!facts.toConfirm().isEmpty()) {
            return new ConfirmByPassword(facts.toConfirm());
        }
        if (facts.createdFromVneid().isPresent()) {
            return shown(facts.createdFromVneid().get());
        }
        if (facts.usernameTaken()) {
            return new Refuse(FirstLoginRefusal.USERNAME_TAKEN);
        }
        // an account its holder unlinked that is not offered (the population database no longer confirms it)
        return new Create(facts.verifiedToConfirm());
    }

    /**
     * The holder's answer on the shown account, decided again on what is found now: "mine" links only the very
     * account that was shown, if it would still be shown; "not mine" creates the holder's user and disputes it.
     */
    static Outcome onShownAccountAnswer(String shownAccountId, boolean mine, Facts now) {
        Outcome fresh = decide(now);
        boolean stillShown = fresh instanceof ShowAccount show && show.accountId().equals(shownAccountId);
        if (!stillShown) {
            // the accounts changed since the page was shown (another login, an operator): decide again
            return fresh instanceof ShowAccount ? new Refuse(FirstLoginRefusal.ACCOUNT_CHANGED) : fresh;
        }
        if (mine) {
            return new Link(shownAccountId, LinkMethod.SHOWN_AND_CONFIRMED);
        }
        return notMine(shownAccountId, now);
    }

    /**
     * "Không phải tài khoản của tôi" on the password page: the holder's own user is created; the accounts offered
     * that hold the number verified lose the mark first. {@code asked} are the usernames the page asked about.
     */
    static Outcome onPasswordDeclined(Facts now, List<String> asked) {
        if (!now.idNumberValid()) {
            return new Refuse(FirstLoginRefusal.INVALID_ID_NUMBER);
        }
        if (!now.verified().isEmpty()) {
            Outcome fresh = decide(now);
            if (fresh instanceof ConfirmByPassword again && again.usernames().equals(asked)) {
                // the one verified account, asked for because its number is in review: disowned as on the shown page
                return notMine(now.verified().get(0).id(), now);
            }
            // an account meanwhile holds the number verified and linkable: show it (or ask for it) instead
            return fresh;
        }
        if (now.usernameTaken()) {
            return new Refuse(FirstLoginRefusal.USERNAME_TAKEN);
        }
        return new Create(now.verifiedToConfirm());
    }

    /** Whether the account is the user an interrupted first VNeID login with this number created. */
    private static boolean createdFromVneid(Facts facts, String accountId) {
        return facts.createdFromVneid().map(a -> a.id().equals(accountId)).orElse(false);
    }

    /** "Not mine" for an account the holder was shown (or asked for): their own user, the account disputed. */
    private static Outcome notMine(String accountId, Facts now) {
        if (createdFromVneid(now, accountId) && now.verified().isEmpty()) {
            return new Refuse(FirstLoginRefusal.USERNAME_TAKEN);
        }
        List<String> disputed = new ArrayList<>(List.of(accountId));
        now.verifiedToConfirm().stream().filter(id -> !disputed.contains(id)).forEach(disputed::add);
        return new Create(disputed);
    }

    /** The checks of a shown account, then its password asked instead of showing it (no username: operators). */
    private static Outcome byPassword(Account account) {
        Outcome checked = shown(account);
        if (!(checked instanceof ShowAccount)) {
            return checked;
        }
        return account.username().<Outcome>map(username -> new ConfirmByPassword(List.of(username)))
                .orElseGet(() -> new Conflict(List.of(account.id())));
    }

    /** The checks on the account a link is about to land in (also when it was found as a legacy row). */
    private static Outcome shown(Account account) {
        if (account.administrator()) {
            return new Refuse(FirstLoginRefusal.ADMINISTRATOR);
        }
        if (!account.active()) {
            return new Refuse(FirstLoginRefusal.ACCOUNT_DISABLED);
        }
        if (account.linkedToVneid()) {
            return new Refuse(FirstLoginRefusal.ACCOUNT_LINKED_ELSEWHERE);
        }
        return new ShowAccount(account.id());
    }
}

package vn.vneidbridge.benchmarks;

/**
 * What a virtual user does on a page that is a form (no redirect), from which forms the page holds: the stand-in's
 * SMS code, the CCCD form, a login form (realm {@code dvc}'s or the stand-in's), the linking notice, the portal
 * account a first VNeID login is about to link. Each action is one request, named as in the per-request breakdown.
 */
enum PageAction {
    SMS_CODE("sms code"),
    CCCD_CHECK("cccd check"),
    CCCD_SKIP("cccd skip"),
    LOGIN_FORM("login form"),
    LINK_NOTICE_SKIP("link notice skip"),
    /** A first VNeID login that links by CCCD shows the portal account first: "Đây là tài khoản của tôi". */
    SHOWN_ACCOUNT_MINE("shown account mine"),
    /** A page this journey must not meet (or no form at all): the login fails. */
    UNEXPECTED(null);

    private final String requestName;

    PageAction(String requestName) {
        this.requestName = requestName;
    }

    /** The name of the request the action sends (none for {@link #UNEXPECTED}). */
    String requestName() {
        return requestName;
    }

    /**
     * The action on a page offering these forms. A migrated citizen's journeys ({@link Journey#MIGRATED_PASSWORD},
     * {@link Journey#STEP_UP_FROM_PASSWORD}) meet neither the CCCD form nor the linking notice nor an account to
     * link, and a step-up from a level-1 session no account to link: any of them is {@link #UNEXPECTED}. A first
     * VNeID login that links answers "this is my account". The CCCD journeys check a number once, then skip.
     */
    static PageAction on(Journey journey, boolean smsForm, boolean cccdForm, boolean loginForm, boolean linkNotice,
                         boolean shownAccount, boolean cccdAlreadyChecked) {
        boolean migrated = journey == Journey.MIGRATED_PASSWORD || journey == Journey.STEP_UP_FROM_PASSWORD;
        if (smsForm) {
            return SMS_CODE;
        }
        if (shownAccount) {
            // a citizen who is linked already is never shown an account to link
            return migrated || journey == Journey.STEP_UP_FROM_LEVEL_ONE ? UNEXPECTED : SHOWN_ACCOUNT_MINE;
        }
        if (cccdForm) {
            if (migrated) {
                return UNEXPECTED;
            }
            boolean checks = journey == Journey.CCCD_MISS || journey == Journey.CCCD_HIT;
            return checks && !cccdAlreadyChecked ? CCCD_CHECK : CCCD_SKIP;
        }
        if (loginForm) {
            return LOGIN_FORM;
        }
        if (linkNotice && !migrated) {
            return LINK_NOTICE_SKIP;
        }
        return UNEXPECTED;
    }

    /**
     * The name typed in a login form: at the stand-in VNeID (its form posts to realm {@code upstreamRealm}) the id
     * number — the account's {@code cccd} when the virtual user has one (a portal account stepping up), else its
     * {@code username} (a VNeID login, whose username is the id number); at realm {@code dvc} the username.
     */
    static String loginName(String formAction, String upstreamRealm, String username, String cccd) {
        boolean atStandIn = formAction != null && formAction.contains("/realms/" + upstreamRealm + "/");
        return atStandIn && cccd != null ? cccd : username;
    }
}

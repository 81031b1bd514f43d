package vn.vneidbridge.benchmarks;

/** What the virtual user does on the way: which door, and what it answers when the CCCD form is shown. */
enum Journey {
    /** Username and password on the realm's own form; "Bỏ qua" if the CCCD form is shown. */
    PASSWORD,
    /** {@code kc_idp_hint=vneid}: the upstream's id number + password, then its SMS code 123456. */
    VNEID,
    /** Password login, then the CCCD form with a number nobody asked the registry yet (cache miss), then "Bỏ qua". */
    CCCD_MISS,
    /** Password login, then the CCCD form with this account's number asked before (cache hit), then "Bỏ qua". */
    CCCD_HIT,
    /**
     * A migrated citizen (verified CCCD, already linked to VNeID) with the portal password: authorization request
     * (the login page), the password form, back to the portal, tokens with {@code acr} "0". Any other page — the
     * CCCD form, the linking notice — fails the login: this citizen must meet none.
     */
    MIGRATED_PASSWORD,
    /**
     * {@link #MIGRATED_PASSWORD} (not measured), then in the same browser the portal asks again with
     * {@code acr_values=2}: Keycloak's SSO session sends it to VNeID, the stand-in's id number + password and SMS
     * code, back, tokens with {@code acr} "2" and the same session ({@code sid}) as the password login (a failure
     * otherwise). The login recorded is the second part only, from its authorization request to its tokens.
     */
    STEP_UP_FROM_PASSWORD,
    /**
     * Preparation of {@link #STEP_UP_FROM_LEVEL_ONE}: a VNeID login that must end with {@code acr} "1" (the stand-in
     * answers level 1 while {@link ScenarioSetup#standInAnswersLevelOne} is in force), whose realm-{@code dvc}
     * cookies are then kept in the account's {@link SavedBrowserSession}.
     */
    VNEID_LEVEL_ONE_SESSION,
    /**
     * A browser holding a VNeID level-1 session of realm {@code dvc} (the cookies a {@link #VNEID_LEVEL_ONE_SESSION}
     * login kept, each used once) asks with {@code acr_values=2}: to VNeID, the stand-in's id number + password and
     * SMS code, back, tokens with {@code acr} "2" and the kept session's {@code sid} (a failure otherwise). The whole
     * chain is the step-up. Only realm {@code dvc}'s cookies are kept: the stand-in answers {@code acr} from the
     * account, not from how its user logged in, so with its own SSO cookie it would answer level 2 without asking for
     * anything, which VNeID does not do for level 2; without it, the stand-in asks for its password and SMS code, as
     * in the step-up from a password session.
     */
    STEP_UP_FROM_LEVEL_ONE,
    /**
     * Not a login: a browser opens the stand-in VNeID's login page with its QR (through realm {@code dvc},
     * {@code kc_idp_hint=vneid}) and then polls the QR's status as the page's script does (every 2 s, a new QR
     * 10 s before the shown one expires), never confirming, until the run stops. See {@link QrWaitingBrowser}.
     */
    QR_WAITING
}

package vn.vneidbridge.vneid;

/**
 * Why a VNeID login is refused after Keycloak's own token checks passed. Each refusal has the number of the
 * check that failed (V1–V4, stable: support staff and the event log quote them) and the message key the
 * citizen's error page shows ({@code theme-resources/messages/messages_*.properties}).
 *
 * <table>
 *   <caption>The VNeID checks, in the order they run</caption>
 *   <tr><th>check</th><th>refusal</th><th>when</th></tr>
 *   <tr><td>V1</td><td>{@link #ID_NUMBER_INVALID}</td><td>no id number, or not a valid 12-digit number</td></tr>
 *   <tr><td>V2</td><td>{@link #LEVEL_MISSING}</td><td>no readable {@code acr} in the ID token</td></tr>
 *   <tr><td>V2</td><td>{@link #LEVEL_TOO_LOW}</td><td>the account level is below the required one</td></tr>
 *   <tr><td>V3</td><td>{@link #INCONSISTENT_IDENTITY}</td><td>the number's 4th–6th digits contradict the
 *       returned gender or year of birth</td></tr>
 *   <tr><td>V4</td><td>{@link #FULL_NAME_MISSING}</td><td>no full name</td></tr>
 * </table>
 */
public enum VneidRefusal {
    ID_NUMBER_INVALID("V1", "vneidIdNumberInvalid", "id_number_invalid"),
    LEVEL_MISSING("V2", "vneidLevelMissing", "level_missing"),
    LEVEL_TOO_LOW("V2", "vneidLevelTooLow", "level_too_low"),
    INCONSISTENT_IDENTITY("V3", "vneidInconsistentIdentity", "inconsistent_identity"),
    FULL_NAME_MISSING("V4", "vneidFullNameMissing", "full_name_missing");

    private final String check;
    private final String messageKey;
    private final String reason;

    VneidRefusal(String check, String messageKey, String reason) {
        this.check = check;
        this.messageKey = messageKey;
        this.reason = reason;
    }

    /** The number of the check, {@code V1}–{@code V4}. */
    public String check() {
        return check;
    }

    /** The message key of the citizen's error page. */
    public String messageKey() {
        return messageKey;
    }

    /** A short machine-readable reason, e.g. {@code vneid-V2-level_too_low}, for event details and logs. */
    public String eventReason() {
        return "vneid-" + check + "-" + reason;
    }
}

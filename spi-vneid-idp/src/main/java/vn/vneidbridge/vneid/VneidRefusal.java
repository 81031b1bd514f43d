package vn.vneidbridge.vneid;

/**
 * Why a VNeID login is refused after Keycloak's own token checks passed. Each refusal has the number of the
 * check that failed (V1–V4 for a citizen's account, O0, O1, O3 for an organisation's; stable: support staff and the
 * event log quote them) and the message key the error page shows
 * ({@code theme-resources/messages/messages_*.properties}). Whose account it is comes from the account type claim
 * ({@link VneidAccountKind}), never from the shape of the id.
 *
 * <table>
 *   <caption>The VNeID checks, in the order they run</caption>
 *   <tr><th>account</th><th>check</th><th>refusal</th><th>when</th></tr>
 *   <tr><td>citizen</td><td>V1</td><td>{@link #ID_NUMBER_INVALID}</td><td>no id number, or not a valid 12-digit
 *       number</td></tr>
 *   <tr><td>citizen</td><td>V2</td><td>{@link #LEVEL_MISSING}</td><td>no readable {@code acr} in the ID token</td></tr>
 *   <tr><td>citizen</td><td>V2</td><td>{@link #LEVEL_TOO_LOW}</td><td>the account level is below the required
 *       one</td></tr>
 *   <tr><td>citizen</td><td>V3</td><td>{@link #INCONSISTENT_IDENTITY}</td><td>the number's 4th–6th digits contradict
 *       the returned gender or year of birth</td></tr>
 *   <tr><td>citizen</td><td>V4</td><td>{@link #FULL_NAME_MISSING}</td><td>no full name</td></tr>
 *   <tr><td>organisation</td><td>O0</td><td>{@link #ORGANISATION_NOT_ACCEPTED}</td><td>the provider does not accept
 *       organisation accounts ({@code acceptOrganisations} off, the default)</td></tr>
 *   <tr><td>organisation</td><td>O1</td><td>{@link #TAX_CODE_INVALID}</td><td>the id claim is no valid tax code
 *       (10 digits with their check digit, or a branch's 10-3)</td></tr>
 *   <tr><td>organisation</td><td>V2</td><td>{@link #LEVEL_MISSING}, {@link #LEVEL_TOO_LOW}</td><td>as for a
 *       citizen</td></tr>
 *   <tr><td>organisation</td><td>O3</td><td>{@link #ORGANISATION_NAME_MISSING}</td><td>no name</td></tr>
 * </table>
 */
public enum VneidRefusal {
    ID_NUMBER_INVALID("V1", "vneidIdNumberInvalid", "id_number_invalid"),
    LEVEL_MISSING("V2", "vneidLevelMissing", "level_missing"),
    LEVEL_TOO_LOW("V2", "vneidLevelTooLow", "level_too_low"),
    INCONSISTENT_IDENTITY("V3", "vneidInconsistentIdentity", "inconsistent_identity"),
    FULL_NAME_MISSING("V4", "vneidFullNameMissing", "full_name_missing"),
    ORGANISATION_NOT_ACCEPTED("O0", "vneidOrganisationNotAccepted", "organisation_not_accepted"),
    TAX_CODE_INVALID("O1", "vneidTaxCodeInvalid", "tax_code_invalid"),
    ORGANISATION_NAME_MISSING("O3", "vneidOrganisationNameMissing", "organisation_name_missing");

    private final String check;
    private final String messageKey;
    private final String reason;

    VneidRefusal(String check, String messageKey, String reason) {
        this.check = check;
        this.messageKey = messageKey;
        this.reason = reason;
    }

    /** The number of the check, {@code V1}–{@code V4}, {@code O0}, {@code O1}, {@code O3}. */
    public String check() {
        return check;
    }

    /** The message key of the error page. */
    public String messageKey() {
        return messageKey;
    }

    /** A short machine-readable reason, e.g. {@code vneid-V2-level_too_low}, for event details and logs. */
    public String eventReason() {
        return "vneid-" + check + "-" + reason;
    }
}

package vn.vneidbridge.vneid.partner;

/**
 * Why a partner-API login stops before the VNeID checks V1–V4: the message key of the citizen's error page
 * (both languages in {@code theme-resources/messages}) and the event reason. A reason says which step failed,
 * never which layer of the cryptography (see {@link PartnerCipher}), and holds no personal data.
 */
public enum PartnerRefusal {
    /**
     * The authorization code could not be used: it did not decrypt, or VNeID's token endpoint refused it (4xx other
     * than 401/403: bad, used or expired code). One refusal for both, so a forged {@code encrypt_key} learns nothing.
     */
    CODE_REFUSED("vneidPartnerCodeRefused", "vneid-partner-code_refused"),
    /** VNeID's token endpoint refused this relying party (401/403): client id, secret or IP allow-list. */
    CLIENT_REFUSED("vneidPartnerClientRefused", "vneid-partner-client_refused"),
    /** VNeID's userinfo endpoint refused the access token (4xx). */
    USERINFO_REFUSED("vneidPartnerUserinfoRefused", "vneid-partner-userinfo_refused"),
    /** An answer that is no envelope, does not decrypt, is too large, or lacks the access token. */
    ANSWER_UNREADABLE("vneidPartnerAnswerUnreadable", "vneid-partner-answer_unreadable"),
    /** VNeID answered 5xx, or could not be reached. */
    UNAVAILABLE("vneidPartnerUnavailable", "vneid-partner-unavailable"),
    /** VNeID did not answer within Keycloak's HTTP client timeouts. */
    TIMEOUT("vneidPartnerTimeout", "vneid-partner-timeout"),
    /** The realm has no RSA encryption key of algorithm RSA1_5: an operator must add one. */
    NOT_CONFIGURED("vneidPartnerNotConfigured", "vneid-partner-no_key");

    private final String messageKey;
    private final String eventReason;

    PartnerRefusal(String messageKey, String eventReason) {
        this.messageKey = messageKey;
        this.eventReason = eventReason;
    }

    public String messageKey() {
        return messageKey;
    }

    public String eventReason() {
        return eventReason;
    }

    /** The step's number as support staff quote it, {@code P1}–{@code P7} in the order above. */
    public String code() {
        return "P" + (ordinal() + 1);
    }
}

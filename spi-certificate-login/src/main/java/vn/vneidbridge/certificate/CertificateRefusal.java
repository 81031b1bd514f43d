package vn.vneidbridge.certificate;

/**
 * Why a certificate login logs nobody in: each refusal has the message key of the page the citizen sees, the event
 * error operators see and the HTTP status of the page. One refusal, one text; none changes any account. Saying
 * "several accounts" to the certificate's holder reveals nothing: the licensed CA already vouched the id is theirs.
 */
enum CertificateRefusal {
    /** The browser presented no certificate (none in the token, none chosen, or the TLS layer asked for none). */
    NO_CERTIFICATE("vneidCertNone", "certificate_missing", 401),
    /** The certificate's validity ended. */
    EXPIRED("vneidCertExpired", "certificate_expired", 401),
    /** The certificate's validity has not begun. */
    NOT_YET_VALID("vneidCertNotYetValid", "certificate_not_yet_valid", 401),
    /** The chain does not lead to a root this realm trusts for logins (a pinned root). */
    UNTRUSTED_ISSUER("vneidCertUntrustedIssuer", "certificate_untrusted_issuer", 401),
    /** The CA revoked the certificate. */
    REVOKED("vneidCertRevoked", "certificate_revoked", 401),
    /** Whether the certificate is revoked could not be learnt (the CA's list or responder did not answer). */
    REVOCATION_UNKNOWN("vneidCertRevocationUnknown", "certificate_revocation_unknown", 503),
    /** The certificate is not one for signing (its key usage). */
    WRONG_USAGE("vneidCertWrongUsage", "certificate_wrong_usage", 401),
    /** The subject names no holder id. */
    NO_ID("vneidCertNoId", "certificate_no_id", 401),
    /** The subject names only ids this portal does not log in with (a passport, a budget unit). */
    UNSUPPORTED_ID("vneidCertUnsupportedId", "certificate_unsupported_id", 401),
    /** The subject's id number is not a valid number. */
    MALFORMED_ID("vneidCertMalformedId", "certificate_malformed_id", 401),
    /** The subject names two different ids. */
    SEVERAL_IDS("vneidCertSeveralIds", "certificate_several_ids", 401),
    /** No account holds the id verified. */
    NO_ACCOUNT("vneidCertNoAccount", "user_not_found", 401),
    /** Several accounts hold the id verified: support decides. */
    SEVERAL_ACCOUNTS("vneidCertSeveralAccounts", "certificate_several_accounts", 409),
    /** The account is a portal administrator's: administrators log in with their password. */
    ADMINISTRATOR("vneidCertAdministrator", "certificate_admin_refused", 403),
    /** The account is disabled. */
    ACCOUNT_DISABLED("accountDisabledMessage", "user_disabled", 403),
    /** The account is locked for a while after too many wrong passwords (Keycloak's brute-force detection). */
    ACCOUNT_LOCKED("vneidCertAccountLocked", "user_temporarily_disabled", 403),
    /** The legacy portal database did not answer while the accounts holding the id were looked up. */
    LEGACY_DATABASE_UNAVAILABLE("vneidLegacyDatabaseUnavailable", "legacy_database_unavailable", 503),
    /** Keycloak's accounts could not be read (a database error): nothing was decided. */
    LOOKUP_FAILED("vneidCertLookupFailed", "certificate_lookup_failed", 503),
    /** The step has no trusted root configured: it accepts no certificate (an operator's mistake, logged). */
    NOT_CONFIGURED("vneidCertNotConfigured", "certificate_login_not_configured", 503);

    private final String messageKey;
    private final String eventError;
    private final int status;

    CertificateRefusal(String messageKey, String eventError, int status) {
        this.messageKey = messageKey;
        this.eventError = eventError;
        this.status = status;
    }

    String messageKey() {
        return messageKey;
    }

    String eventError() {
        return eventError;
    }

    int status() {
        return status;
    }
}

package vn.vneidbridge.certificate;

/**
 * Why a certificate login ("Usb ký số", or remote signing: "Sim ký số", VNPT SmartCA) logs nobody in: each refusal has the message key of the page the citizen sees, the event
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
    NOT_CONFIGURED("vneidCertNotConfigured", "certificate_login_not_configured", 503),
    /**
     * Remote signing: the certificate that signed names another holder than the number typed (a provider's mix-up, a
     * relative's subscription): nobody is logged in.
     */
    ANOTHER_PERSON("vneidRsAnotherPerson", "remote_signing_another_person", 401),
    /** Remote signing: not a subscriber of the provider, or no usable certificate: one text for both (no oracle). */
    NOT_SUBSCRIBED("vneidRsNotSubscribed", "remote_signing_not_subscribed", 401),
    /** Remote signing: too many requests for the number or from the address; the provider was not asked. */
    TOO_MANY_REQUESTS("vneidRsTooMany", "remote_signing_too_many_requests", 429),
    /** Remote signing: the citizen refused on the phone. */
    REFUSED_ON_PHONE("vneidRsRefusedOnPhone", "remote_signing_refused", 401),
    /** Remote signing: the approval time ran out. */
    APPROVAL_EXPIRED("vneidRsExpired", "remote_signing_expired", 401),
    /** Remote signing: the request was already used to log in (the same post twice, or on another node). */
    USED("vneidRsUsed", "remote_signing_used", 409),
    /** Remote signing: the request is not this login's (another browser's or tab's handle, or none). */
    FOREIGN("vneidRsForeign", "remote_signing_foreign", 401),
    /** Remote signing: the signature is not the certificate's key over this login's challenge. */
    SIGNATURE_INVALID("vneidRsSignatureInvalid", "remote_signing_signature_invalid", 401),
    /** Remote signing: the provider did not answer in time, or answered what cannot be read. */
    PROVIDER_UNAVAILABLE("vneidRsUnavailable", "remote_signing_unavailable", 503),
    /** Remote signing: no trusted root, or the provider's adapter is not configured on this server. */
    REMOTE_SIGNING_NOT_CONFIGURED("vneidRsNotConfigured", "remote_signing_not_configured", 503);

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

    /**
     * The text of this refusal on a remote-signing page (the provider's name its argument): its own, except where the
     * USB token's speaks of a token.
     */
    String remoteSigningMessageKey() {
        return switch (this) {
            case NO_ACCOUNT -> "vneidRsNoAccount";
            case ADMINISTRATOR -> "vneidRsAdministrator";
            case NOT_CONFIGURED -> REMOTE_SIGNING_NOT_CONFIGURED.messageKey();
            default -> messageKey;
        };
    }
}

package vn.vneidbridge.legacy.broker;

import jakarta.ws.rs.core.Response;
import org.keycloak.events.Errors;

/**
 * Why a first VNeID login links and creates nothing: each refusal has the message key of the citizen's page, the
 * event error operators see and the HTTP status of the page. One refusal, one text: a refusal never borrows the
 * message of another.
 */
enum FirstLoginRefusal {
    /** The identity the VNeID provider let through has no valid 12-digit id number (should not happen). */
    INVALID_ID_NUMBER("vneidFirstLoginInvalidIdNumber", Errors.INVALID_USER, Response.Status.BAD_REQUEST),
    /** The number is the verified CCCD of several accounts: an operator decides (review queue). */
    SEVERAL_ACCOUNTS("vneidIdNumberOnSeveralAccounts", "vneid_link_conflict", Response.Status.CONFLICT),
    /** The account found is a portal administrator's: never linked to VNeID. */
    ADMINISTRATOR("vneidAdminNotLinked", "vneid_link_admin_refused", Response.Status.FORBIDDEN),
    /** The account found is locked or disabled. */
    ACCOUNT_DISABLED("accountDisabledMessage", Errors.USER_DISABLED, Response.Status.FORBIDDEN),
    /** The account found is already linked to another VNeID identity. */
    ACCOUNT_LINKED_ELSEWHERE("vneidAccountLinkedToAnotherVneid", "vneid_account_already_linked",
            Response.Status.CONFLICT),
    /** The account confirmed a moment ago can no longer be read or is no longer the one found. */
    ACCOUNT_CHANGED("vneidFirstLoginAccountChanged", "vneid_link_account_changed", Response.Status.CONFLICT),
    /** The legacy portal database did not answer. */
    LEGACY_DATABASE_UNAVAILABLE("vneidLegacyDatabaseUnavailable", Errors.GENERIC_AUTHENTICATION_ERROR,
            Response.Status.SERVICE_UNAVAILABLE),
    /** The population database did not answer. */
    REGISTRY_UNAVAILABLE("vneidFirstLoginRegistryUnavailable", "population_registry_unavailable",
            Response.Status.SERVICE_UNAVAILABLE),
    /** The business registry did not answer (an organisation's first VNeID login). */
    BUSINESS_REGISTRY_UNAVAILABLE("vneidTaxCodeRegistryUnavailable", "business_registry_unavailable",
            Response.Status.SERVICE_UNAVAILABLE),
    /** An account that is not this person's has the id number as its username: no user can be created. */
    USERNAME_TAKEN("vneidIdNumberIsAnotherUsername", Errors.FEDERATED_IDENTITY_EXISTS, Response.Status.CONFLICT),
    /** After a right password the population database did not confirm the account for the number. */
    NOT_MATCHED("vneidLinkConfirmNotMatched", "vneid_link_not_matched", Response.Status.FORBIDDEN),
    /** Too many wrong passwords on the confirmation page of this login. */
    TOO_MANY_ATTEMPTS("vneidLinkConfirmTooManyAttempts", Errors.INVALID_USER_CREDENTIALS,
            Response.Status.UNAUTHORIZED),
    /**
     * A provider whose number is its own word (Vietnam Post's account) found an account of the state's staff
     * (administrator or official): "Không dành cho CBCCVC cơ quan nhà nước".
     */
    STATE_STAFF("dvcClaimedIdNotForStateStaff", "claimed_id_state_staff_refused", Response.Status.FORBIDDEN),
    /** A provider whose number is its own word found no portal account to confirm, and creates none. */
    NO_ACCOUNT_FOR_CLAIMED_ID("dvcClaimedIdNoAccount", "claimed_id_no_account", Response.Status.FORBIDDEN),
    /** The account holding the number was created from VNeID and has no password: it logs in with VNeID only. */
    VNEID_ONLY_ACCOUNT("dvcClaimedIdVneidOnlyAccount", "claimed_id_vneid_only_account", Response.Status.FORBIDDEN),
    /** A form this login did not show (replayed, another tab, after the end). */
    STALE_FORM("expiredActionMessage", Errors.INVALID_REQUEST, Response.Status.BAD_REQUEST);

    private final String messageKey;
    private final String eventError;
    private final Response.Status status;

    FirstLoginRefusal(String messageKey, String eventError, Response.Status status) {
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

    Response.Status status() {
        return status;
    }
}

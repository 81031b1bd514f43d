package vn.vneidbridge.core.user;

/**
 * Names of the Keycloak user attributes VNeID Bridge reads and writes. Shared by every module so the
 * user profile, the providers, the protocol mappers and the tests say the same thing.
 */
public final class UserAttributes {

    /** The account's id in the legacy portal database; set once, when the account is imported. */
    public static final String LEGACY_ACCOUNT_ID = "legacy_account_id";
    /** {@code CITIZEN}, {@code ORGANISATION} or {@code BUSINESS}, from the legacy portal. */
    public static final String LEGACY_ACCOUNT_TYPE = "legacy_account_type";
    /** When the account came into Keycloak (ISO-8601 instant). */
    public static final String LEGACY_IMPORTED_AT = "legacy_imported_at";
    /** The legacy password algorithm when it was weak (MD5): kept for the operators' migration reports. */
    public static final String LEGACY_WEAK_PASSWORD_HASH = "legacy_weak_password_hash";

    /** The 12-digit personal identification number (số định danh cá nhân, CCCD). */
    public static final String CCCD = "cccd";
    /** {@code "true"} only when {@link #CCCD} was verified against the population database. */
    public static final String CCCD_VERIFIED = "cccd_verified";
    /** Who verified the CCCD: {@code legacy-portal}, {@code population-registry}, {@code vneid}. */
    public static final String CCCD_VERIFIED_SOURCE = "cccd_verified_source";
    /** When the CCCD was verified (ISO-8601 instant). */
    public static final String CCCD_VERIFIED_AT = "cccd_verified_at";
    /** The old 9-digit identity card number (CMND). */
    public static final String CMND = "cmnd";

    /**
     * An organisation's or business's tax code (mã số thuế, for an enterprise also its enterprise code), in the
     * canonical form of {@link vn.vneidbridge.core.id.TaxCode}: {@code 0123456789}, or {@code 0123456789-001}
     * for a branch.
     */
    public static final String TAX_CODE = "tax_code";
    /**
     * {@code "true"} only when {@link #TAX_CODE} was verified by the organisation's VNeID account (its login linked
     * to, or created, this account). A tax code and an enterprise's registered name are public, so the business
     * registry's match ({@link #TAX_CODE_REGISTRY_MATCHED_AT}) alone never makes a code verified.
     */
    public static final String TAX_CODE_VERIFIED = "tax_code_verified";
    /**
     * When the business registry matched {@link #TAX_CODE} with the account's name (the tax-code check after a
     * portal-account login): the code is consistent with the registry, which lets the account be offered to the
     * organisation's VNeID account, but proves nothing (ISO-8601 instant).
     */
    public static final String TAX_CODE_REGISTRY_MATCHED_AT = "tax_code_registry_matched_at";
    /** Who verified the tax code: {@code vneid}. */
    public static final String TAX_CODE_VERIFIED_SOURCE = "tax_code_verified_source";
    /** When the tax code was verified (ISO-8601 instant). */
    public static final String TAX_CODE_VERIFIED_AT = "tax_code_verified_at";
    /**
     * When the VNeID organisation account of {@link #TAX_CODE} said this account is not the organisation's: the
     * code is never verified on it again (the organisations' counterpart of {@link #CCCD_DISPUTED_AT}).
     */
    public static final String TAX_CODE_DISPUTED_AT = "tax_code_disputed_at";
    /** The organisation's registered name, as the business registry or VNeID gave it with its verified tax code. */
    public static final String ORGANISATION_NAME = "organisation_name";
    /**
     * The VNeID account type code of the last VNeID login ({@code LoaiTaiKhoan}: 1 citizen, 2 business, 3
     * organisation), as VNeID gave it; admin-only.
     */
    public static final String VNEID_ACCOUNT_TYPE = "vneid_account_type";

    /** Full name as written in Vietnamese, family name first ("Tô Thị Nga"). */
    public static final String FULL_NAME = "full_name";
    /** Date of birth, {@code yyyy-MM-dd} (the OIDC {@code birthdate} format). */
    public static final String BIRTHDATE = "birthdate";
    /** {@code male} or {@code female} (the OIDC {@code gender} values). */
    public static final String GENDER = "gender";
    public static final String PHONE_NUMBER = "phone_number";
    /**
     * The phone number VNeID gave at the account's last VNeID login (admin-only): the citizen may change
     * {@link #PHONE_NUMBER}, which counts as verified only while it equals this one.
     */
    public static final String PHONE_NUMBER_VNEID = "phone_number_vneid";
    /** Where the birth was registered, in words, as the population database gives it ("Nơi sinh"). */
    public static final String PLACE_OF_BIRTH = "place_of_birth";
    /** The home town, in words, as the population database gives it ("Quê quán"). */
    public static final String HOME_TOWN = "home_town";
    /** The permanent residence, in words, as the population database gives it ("Địa chỉ thường trú"). */
    public static final String PERMANENT_ADDRESS = "permanent_address";

    /** When the account was linked to its VNeID identity (ISO-8601 instant). */
    public static final String VNEID_LINKED_AT = "vneid_linked_at";
    /**
     * When the citizen last unlinked VNeID from the identity page (ISO-8601 instant): the next first VNeID login
     * does not link the account silently again, but asks for its password first.
     */
    public static final String VNEID_UNLINKED_AT = "vneid_unlinked_at";
    /**
     * When the VNeID holder of the account's verified id number said the account is not theirs: the verified mark
     * was taken off, and the CCCD check does not verify that number on this account again.
     */
    public static final String CCCD_DISPUTED_AT = "cccd_disputed_at";
    /**
     * The client ids of the portals this citizen is related to — logged in through, or assigned by an operator —
     * (multivalued, admin-only): a portal's link webhook hears only about its own citizens.
     */
    public static final String VNEID_BRIDGE_PORTALS = "vneid_bridge_portals";

    /** Realm role of the portals' administrators: never linked to VNeID, exempt from the cutoff. */
    public static final String PORTAL_ADMIN_ROLE = "portal-admin";

    /**
     * Realm role of state officials (cán bộ, công chức, viên chức: CBCCVC) who use the portals: login means that are
     * "không dành cho CBCCVC cơ quan nhà nước" (Vietnam Post's account) refuse them, as they refuse administrators.
     */
    public static final String STATE_OFFICIAL_ROLE = "state-official";

    private UserAttributes() {
    }
}

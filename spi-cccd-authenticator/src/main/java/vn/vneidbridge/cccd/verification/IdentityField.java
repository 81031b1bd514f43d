package vn.vneidbridge.cccd.verification;

import vn.vneidbridge.core.user.UserAttributes;

/**
 * A field of the identity page the population database's record can give: its user attribute, and its mark in
 * {@link CccdVerifier#VERIFIED_FIELDS} once the registry gave or confirmed it.
 */
public enum IdentityField {
    FULL_NAME(UserAttributes.FULL_NAME),
    BIRTH_DATE(UserAttributes.BIRTHDATE),
    GENDER(UserAttributes.GENDER),
    CMND(UserAttributes.CMND),
    PLACE_OF_BIRTH(UserAttributes.PLACE_OF_BIRTH),
    HOME_TOWN(UserAttributes.HOME_TOWN),
    PERMANENT_ADDRESS(UserAttributes.PERMANENT_ADDRESS);

    private final String attribute;

    IdentityField(String attribute) {
        this.attribute = attribute;
    }

    /** The user attribute that holds the field. */
    public String attribute() {
        return attribute;
    }

    /** The field's mark in {@link CccdVerifier#VERIFIED_FIELDS} (the registry's field names for the first four). */
    public String mark() {
        return name();
    }
}

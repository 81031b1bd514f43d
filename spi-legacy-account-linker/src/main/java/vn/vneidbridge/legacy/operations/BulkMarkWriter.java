package vn.vneidbridge.legacy.operations;

import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.core.user.UserAttributes;

/** Writes a bulk verification onto a user, once {@link BulkMarkDecision} said {@code APPLY}. */
public final class BulkMarkWriter {

    /** The source recorded with the mark, beside the login check's {@code population-registry}. */
    public static final String SOURCE = "population-registry-bulk";

    private BulkMarkWriter() {
    }

    public static void write(UserModel user, LinkOperations.BulkResult result) {
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED, "true");
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_SOURCE, SOURCE);
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_AT, result.checkedAt().toString());
        user.setAttribute(CccdVerifier.VERIFIED_FIELDS, result.fields());
    }
}

package vn.vneidbridge.vneid.partner;

/**
 * What of a partner-API login is decrypted: the authorization code, the token endpoint's answer, the userinfo
 * endpoint's answer. The {@code what} tag of {@code vneid_partner_api_decrypt_seconds}.
 */
public enum PartnerPayload {
    CODE("code"),
    TOKEN("token"),
    USERINFO("userinfo");

    private final String tag;

    PartnerPayload(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}

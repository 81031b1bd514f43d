package vn.vneidbridge.core.broker;

/** The names of the VNeID identity provider, written out once for every module. */
public final class VneidProvider {

    /**
     * The alias of the VNeID identity provider in a realm (realm {@code dvc}'s {@code vneid}): the provider name of
     * the federated identities it links, and the default of every step's identity provider setting.
     */
    public static final String ALIAS = "vneid";

    /** The provider id of the VNeID identity provider type ({@code spi-vneid-idp}'s factory). */
    public static final String PROVIDER_ID = "vneid";

    /**
     * The brokered identity's context data (and the first-login flow's) naming whose VNeID account logged in:
     * {@code CITIZEN} or {@code ORGANISATION} ({@link vn.vneidbridge.core.user.AccountKind}); absent for a
     * citizen's login from before organisations were accepted. An organisation's login has its tax code as the
     * brokered username, never a personal id number.
     */
    public static final String ACCOUNT_KIND_CONTEXT = "vneid.account_kind";

    private VneidProvider() {
    }
}

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

    private VneidProvider() {
    }
}

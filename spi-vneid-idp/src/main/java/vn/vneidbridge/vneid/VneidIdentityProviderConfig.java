package vn.vneidbridge.vneid;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.Constants;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import vn.vneidbridge.core.broker.LinkWebhookSetting;
import vn.vneidbridge.vneid.partner.PartnerAesMode;

/**
 * The configuration of a {@code vneid} identity provider: a null-safe typed reader with defaults, so a
 * provider whose configuration holds nothing but a client id and secret talks to the sandbox at level 1.
 *
 * <p>Rule for everything Keycloak's OIDC broker reads: <b>a value the admin set explicitly wins</b>; when
 * none is set, the VNeID default applies. The endpoints and the issuer follow from the
 * {@linkplain #getEnvironment() environment}; PKCE with S256, signature validation against the JWKS URL,
 * {@code client_secret_post} and sync mode {@link IdentityProviderSyncMode#FORCE FORCE} are on by default.
 */
public final class VneidIdentityProviderConfig extends OIDCIdentityProviderConfig {

    /** {@code SANDBOX} (default) or {@code PRODUCTION}, see {@link VneidEnvironment}. */
    public static final String ENVIRONMENT = "environment";
    /** Issuer of the sandbox VNeID; default {@code http://localhost:8080/realms/vneid-sandbox}. */
    public static final String SANDBOX_ISSUER = "sandboxIssuer";
    /** The lowest account level accepted, {@code 1} (default) or {@code 2}. */
    public static final String MINIMUM_LEVEL = "minimumLevel";
    public static final String ID_NUMBER_CLAIM = "idNumberClaim";
    /** Same key, same meaning as Keycloak's own "full name claim" of the OAuth 2.0 provider. */
    public static final String FULL_NAME_CLAIM = "fullNameClaim";
    public static final String BIRTH_DATE_CLAIM = "birthDateClaim";
    public static final String GENDER_CLAIM = "genderClaim";
    public static final String PHONE_CLAIM = "phoneClaim";
    /** {@code oidc} (default) or {@code partner-api}, see {@link VneidProtocol}. */
    public static final String PROTOCOL = "protocol";
    /** AES mode of the partner API's ciphertexts: {@code ECB} (default) or {@code CBC}. */
    public static final String PARTNER_AES_MODE = "partnerAesMode";
    /**
     * The claim holding the account type, read with both protocols ({@link VneidAccountKind}); default
     * {@code LoaiTaiKhoan} with OIDC, {@code accountType} with the partner API.
     */
    public static final String ACCOUNT_TYPE_CLAIM = "accountTypeClaim";
    /** Whether organisations' VNeID accounts may log in: {@code true}, or {@code false} (default; refusal O0). */
    public static final String ACCEPT_ORGANISATIONS = "acceptOrganisations";
    /**
     * The account type values that mean an organisation: a multivalued setting, kept joined by Keycloak's
     * {@value Constants#CFG_DELIMITER} (as the admin console stores it); commas separate values too. Default
     * {@code 2##3}.
     */
    public static final String ORGANISATION_ACCOUNT_TYPES = "organisationAccountTypes";
    /** The claim holding the account level; only read with the partner API (OIDC reads the ID token's acr). */
    public static final String ACCOUNT_LEVEL_CLAIM = "accountLevelClaim";
    static final String CLIENT_AUTH_METHOD = "clientAuthMethod";

    /** Message key: a plain http link webhook while the environment is PRODUCTION. */
    static final String HTTP_WEBHOOK_IN_PRODUCTION = "vneidLinkWebhookHttpInProduction";

    /** The issuer this class last derived from the environment, to tell it apart from one set by the admin. */
    static final String DERIVED_ISSUER = "vneidDerivedIssuer";

    static final String AUTHORIZATION_URL = "authorizationUrl";
    static final String TOKEN_URL = TOKEN_ENDPOINT_URL;
    static final String USER_INFO_URL = "userInfoUrl";
    static final String LOGOUT_URL = "logoutUrl";
    static final String SEND_CLIENT_ID_ON_LOGOUT = "sendClientIdOnLogout";
    static final String SEND_ID_TOKEN_ON_LOGOUT = "sendIdTokenOnLogout";
    static final String BACKCHANNEL_SUPPORTED = "backchannelSupported";

    static final Set<String> CLIENT_AUTH_METHODS =
            Set.of(OIDCLoginProtocol.CLIENT_SECRET_POST, OIDCLoginProtocol.CLIENT_SECRET_BASIC);

    /** An account type value: a short token of letters, digits, {@code -} and {@code _}. */
    private static final Pattern ACCOUNT_TYPE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** The citizens' account type of the national portal's SSO: never an organisation's. */
    private static final String CITIZEN_ACCOUNT_TYPE = "1";

    public VneidIdentityProviderConfig() {
    }

    public VneidIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    /**
     * A new configuration holding the defaults the admin console shows (and would otherwise replace with
     * Keycloak's generic ones when saving, e.g. sync mode {@code LEGACY}). Keycloak merges what the admin or
     * the realm file gives over it. Endpoints and the issuer are not stored: they follow the environment.
     */
    static VneidIdentityProviderConfig withDefaults() {
        VneidIdentityProviderConfig config = new VneidIdentityProviderConfig();
        config.getConfig().put(ENVIRONMENT, VneidEnvironment.SANDBOX.name());
        config.getConfig().put(PROTOCOL, VneidProtocol.OIDC.value());
        config.getConfig().put(PARTNER_AES_MODE, PartnerAesMode.ECB.name());
        config.getConfig().put(MINIMUM_LEVEL, VneidLevel.LEVEL_1.value());
        config.getConfig().put(PKCE_ENABLED, "true");
        config.getConfig().put(PKCE_METHOD, OAuth2Constants.PKCE_METHOD_S256);
        config.getConfig().put(VALIDATE_SIGNATURE, "true");
        config.getConfig().put(USE_JWKS_URL, "true");
        config.getConfig().put(CLIENT_AUTH_METHOD, OIDCLoginProtocol.CLIENT_SECRET_POST);
        config.getConfig().put(SYNC_MODE, IdentityProviderSyncMode.FORCE.name());
        config.getConfig().put(SEND_ID_TOKEN_ON_LOGOUT, "true");
        config.getConfig().put(SEND_CLIENT_ID_ON_LOGOUT, "true");
        config.getConfig().put(BACKCHANNEL_SUPPORTED, "false");
        config.getConfig().put(ACCEPT_ORGANISATIONS, "false");
        config.getConfig().put(ORGANISATION_ACCOUNT_TYPES,
                String.join(Constants.CFG_DELIMITER, VneidAccountKind.DEFAULT_ORGANISATION_TYPES));
        return config;
    }

    // ---------------------------------------------------------------- VNeID settings

    /** The environment; {@link VneidEnvironment#SANDBOX} when unset or unreadable. */
    public VneidEnvironment getEnvironment() {
        return VneidEnvironment.parse(explicit(ENVIRONMENT)).orElse(VneidEnvironment.SANDBOX);
    }

    /** The sandbox issuer; {@link VneidEnvironment#SANDBOX}'s default when unset. */
    public String getSandboxIssuer() {
        return VneidEnvironment.SANDBOX.issuer(explicit(SANDBOX_ISSUER));
    }

    /** The lowest account level accepted; {@link VneidLevel#LEVEL_1} when unset or unreadable. */
    public VneidLevel getMinimumLevel() {
        return VneidLevel.parse(explicit(MINIMUM_LEVEL)).orElse(VneidLevel.LEVEL_1);
    }

    /** The protocol; {@link VneidProtocol#OIDC} when unset or unreadable. */
    public VneidProtocol getProtocol() {
        return VneidProtocol.parse(explicit(PROTOCOL)).orElse(VneidProtocol.OIDC);
    }

    /** True when the provider speaks VNeID's partner API. */
    public boolean isPartnerApi() {
        return getProtocol() == VneidProtocol.PARTNER_API;
    }

    /** The partner API's AES mode; {@link PartnerAesMode#ECB} when unset or unreadable. */
    public PartnerAesMode getPartnerAesMode() {
        return PartnerAesMode.parse(explicit(PARTNER_AES_MODE)).orElse(PartnerAesMode.ECB);
    }

    public String getIdNumberClaim() {
        return orDefault(ID_NUMBER_CLAIM, isPartnerApi() ? VneidClaimNames.PARTNER_ID_NUMBER
                : VneidClaimNames.DEFAULT_ID_NUMBER);
    }

    @Override
    public String getFullNameClaim() {
        return orDefault(FULL_NAME_CLAIM, isPartnerApi() ? VneidClaimNames.PARTNER_FULL_NAME
                : VneidClaimNames.DEFAULT_FULL_NAME);
    }

    public String getBirthDateClaim() {
        return orDefault(BIRTH_DATE_CLAIM, isPartnerApi() ? VneidClaimNames.PARTNER_BIRTH_DATE
                : VneidClaimNames.DEFAULT_BIRTH_DATE);
    }

    public String getGenderClaim() {
        return orDefault(GENDER_CLAIM, VneidClaimNames.DEFAULT_GENDER);
    }

    public String getPhoneClaim() {
        return orDefault(PHONE_CLAIM, isPartnerApi() ? VneidClaimNames.PARTNER_PHONE : VneidClaimNames.DEFAULT_PHONE);
    }

    /**
     * The account type claim, with both protocols: default {@code LoaiTaiKhoan} (OIDC, the national portal SSO's
     * name) or {@code accountType} (partner API). {@link VneidAccountKind} falls back to {@code LoaiTaiKhoan}.
     */
    public String getAccountTypeClaim() {
        return orDefault(ACCOUNT_TYPE_CLAIM, isPartnerApi() ? VneidClaimNames.PARTNER_ACCOUNT_TYPE
                : VneidClaimNames.FALLBACK_ACCOUNT_TYPE);
    }

    /** Whether organisations' VNeID accounts may log in; false when unset or unreadable. */
    public boolean isAcceptOrganisations() {
        return flag(ACCEPT_ORGANISATIONS, false);
    }

    /**
     * The account type values that mean an organisation, trimmed, without blanks or repeats, in the order set; the
     * stored value is split at {@value Constants#CFG_DELIMITER} and at commas. {@code 2} and {@code 3} when unset or
     * holding no value.
     */
    public List<String> getOrganisationAccountTypes() {
        List<String> types = organisationAccountTypes(explicit(ORGANISATION_ACCOUNT_TYPES));
        return types.isEmpty() ? VneidAccountKind.DEFAULT_ORGANISATION_TYPES : types;
    }

    /** Whose account a login is, from the account type claim and the organisation types. */
    public VneidAccountKind getAccountKind() {
        return new VneidAccountKind(getAccountTypeClaim(), getOrganisationAccountTypes());
    }

    private static List<String> organisationAccountTypes(String value) {
        Set<String> types = new LinkedHashSet<>();
        if (value != null) {
            for (String entry : value.split(Pattern.quote(Constants.CFG_DELIMITER))) {
                for (String type : entry.split(",")) {
                    if (!type.isBlank()) {
                        types.add(type.strip());
                    }
                }
            }
        }
        return List.copyOf(types);
    }

    /**
     * Where the account level is read: the partner API's userinfo claim (default {@code accountLevel}), or, with
     * OIDC, the ID token's {@code acr} (fixed: signed by VNeID).
     */
    public String getLevelClaim() {
        return isPartnerApi() ? orDefault(ACCOUNT_LEVEL_CLAIM, VneidClaimNames.PARTNER_ACCOUNT_LEVEL)
                : VneidIdentityValidator.ACR;
    }

    /** The configured claim names, for {@link VneidIdentityValidator}. */
    public VneidClaimNames getClaimNames() {
        return new VneidClaimNames(getIdNumberClaim(), getFullNameClaim(), getBirthDateClaim(), getGenderClaim(),
                getPhoneClaim());
    }

    /** The endpoints of {@link #getIssuer()}, before explicit per-endpoint overrides. */
    VneidEndpoints environmentEndpoints() {
        return VneidEndpoints.forIssuer(getIssuer());
    }

    /**
     * The partner API's default endpoints: {@code {sandboxIssuer}/partner-api/...} in SANDBOX; none in PRODUCTION
     * (VNeID gives them with the connection agreement; {@link #validate} requires them).
     */
    private Optional<VneidEndpoints> partnerEndpoints() {
        return getEnvironment() == VneidEnvironment.SANDBOX
                ? Optional.of(VneidEndpoints.partnerApi(getSandboxIssuer())) : Optional.empty();
    }

    private String endpoint(String key, Function<VneidEndpoints, String> oidc) {
        if (isPartnerApi()) {
            return orDefault(key, partnerEndpoints().map(oidc).orElse(null));
        }
        return orDefault(key, oidc.apply(environmentEndpoints()));
    }

    private String environmentIssuer() {
        return getEnvironment().issuer(explicit(SANDBOX_ISSUER));
    }

    // ---------------------------------------------------------------- Keycloak's OIDC settings, VNeID defaults

    /** The issuer set by the admin, else the environment's. */
    @Override
    public String getIssuer() {
        return orDefault(ISSUER, environmentIssuer());
    }

    @Override
    public String getAuthorizationUrl() {
        return endpoint(AUTHORIZATION_URL, VneidEndpoints::authorization);
    }

    @Override
    public String getTokenUrl() {
        return endpoint(TOKEN_ENDPOINT_URL, VneidEndpoints::token);
    }

    @Override
    public String getUserInfoUrl() {
        return endpoint(USER_INFO_URL, VneidEndpoints::userInfo);
    }

    @Override
    public String getJwksUrl() {
        return orDefault(JWKS_URL, environmentEndpoints().jwks());
    }

    @Override
    public String getLogoutUrl() {
        // the partner API has no RP-initiated logout (no ID token): only one the admin set
        return isPartnerApi() ? explicit(LOGOUT_URL) : orDefault(LOGOUT_URL, environmentEndpoints().logout());
    }

    @Override
    public boolean isPkceEnabled() {
        return flag(PKCE_ENABLED, true);
    }

    @Override
    public String getPkceMethod() {
        return orDefault(PKCE_METHOD, OAuth2Constants.PKCE_METHOD_S256);
    }

    @Override
    public boolean isValidateSignature() {
        return flag(VALIDATE_SIGNATURE, true);
    }

    @Override
    public boolean isUseJwksUrl() {
        return flag(USE_JWKS_URL, true);
    }

    @Override
    public String getClientAuthMethod() {
        return orDefault(CLIENT_AUTH_METHOD, OIDCLoginProtocol.CLIENT_SECRET_POST);
    }

    /**
     * {@link IdentityProviderSyncMode#FORCE} unless set: VNeID, backed by the population database, is the
     * authority on the citizen's name, so Keycloak refreshes first and last name at every login (in 26.x FORCE
     * touches only those two; username and e-mail of a linked legacy account are left alone).
     */
    @Override
    public IdentityProviderSyncMode getSyncMode() {
        String mode = explicit(SYNC_MODE);
        if (mode != null) {
            try {
                return IdentityProviderSyncMode.valueOf(mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // unreadable: the default below
            }
        }
        return IdentityProviderSyncMode.FORCE;
    }

    /** On unless set: with {@code id_token_hint} it lets VNeID check the post-logout redirect URI. */
    @Override
    public boolean isSendClientIdOnLogout() {
        return flag(SEND_CLIENT_ID_ON_LOGOUT, true);
    }

    // ---------------------------------------------------------------- validation

    /**
     * Rejects bad admin input with a readable message, then Keycloak's own checks (URLs against the realm's
     * SSL policy, JWKS URL present when validating signatures).
     *
     * <p>Also stores the derived issuer: Keycloak finds the identity provider of an incoming back-channel
     * logout token by a query on the <em>stored</em> {@code issuer} ({@code TokenManager.verifyLogoutToken}),
     * so an issuer that only a getter knows would never be found. An issuer the admin set is kept; one this
     * class derived earlier follows the environment. Keycloak calls this method before every create and
     * update of the provider, and offers no other hook before saving.
     */
    @Override
    public void validate(RealmModel realm) {
        String environment = explicit(ENVIRONMENT);
        if (environment != null && VneidEnvironment.parse(environment).isEmpty()) {
            throw new IllegalArgumentException("VNeID: unknown environment '" + environment
                    + "'; use SANDBOX or PRODUCTION");
        }
        String level = explicit(MINIMUM_LEVEL);
        if (level != null && VneidLevel.parse(level).isEmpty()) {
            throw new IllegalArgumentException("VNeID: the minimum account level must be 1 or 2, not '" + level + "'");
        }
        if (!CLIENT_AUTH_METHODS.contains(getClientAuthMethod())) {
            throw new IllegalArgumentException("VNeID: client authentication must be client_secret_post or "
                    + "client_secret_basic, not '" + getClientAuthMethod() + "'");
        }
        String sandboxIssuer = explicit(SANDBOX_ISSUER);
        if (sandboxIssuer != null && !isHttpUrl(sandboxIssuer)) {
            throw new IllegalArgumentException("VNeID: the sandbox issuer must be an http(s) URL, not '"
                    + sandboxIssuer + "'");
        }
        String protocol = explicit(PROTOCOL);
        if (protocol != null && VneidProtocol.parse(protocol).isEmpty()) {
            throw new IllegalArgumentException("VNeID: unknown protocol '" + protocol + "'; use oidc or partner-api");
        }
        String aesMode = explicit(PARTNER_AES_MODE);
        if (aesMode != null && PartnerAesMode.parse(aesMode).isEmpty()) {
            throw new IllegalArgumentException("VNeID: unknown AES mode '" + aesMode + "'; use ECB or CBC");
        }
        validateOrganisations();
        if (isPartnerApi()) {
            validatePartnerEndpoints();
        } else if (getEnvironment() == VneidEnvironment.PRODUCTION && !isValidateSignature()) {
            throw new IllegalArgumentException("VNeID: signature validation cannot be turned off in PRODUCTION");
        }
        validateLinkWebhooks(realm);
        storeDerivedIssuer();
        super.validate(realm);
    }

    /**
     * {@code acceptOrganisations} is {@code true} or {@code false}; each organisation account type is a short token,
     * and never {@code 1}, the citizens' type (every citizen would be taken for an organisation and refused).
     */
    private void validateOrganisations() {
        String accept = explicit(ACCEPT_ORGANISATIONS);
        if (accept != null && !"true".equalsIgnoreCase(accept) && !"false".equalsIgnoreCase(accept)) {
            throw new IllegalArgumentException("VNeID: accept organisations must be true or false, not '" + accept
                    + "'");
        }
        for (String type : organisationAccountTypes(explicit(ORGANISATION_ACCOUNT_TYPES))) {
            if (!ACCOUNT_TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("VNeID: an organisation account type is a short code of letters "
                        + "and digits (2 business, 3 organisation), not '" + type + "'");
            }
            if (CITIZEN_ACCOUNT_TYPE.equals(type)) {
                throw new IllegalArgumentException("VNeID: account type 1 is the citizens' account type, not an "
                        + "organisation's");
            }
        }
    }

    /**
     * The link webhooks: plain http only outside PRODUCTION (a citizen's id number travels in them), then the
     * delivering module's check (format, address, one per client; {@link LinkWebhookSetting#check}).
     */
    private void validateLinkWebhooks(RealmModel realm) {
        List<String> webhooks = getLinkWebhooks();
        if (getEnvironment() == VneidEnvironment.PRODUCTION) {
            for (String entry : webhooks) {
                Optional<LinkWebhookSetting.Entry> http = LinkWebhookSetting.parse(entry)
                        .filter(LinkWebhookSetting.Entry::isHttp);
                if (http.isPresent()) {
                    throw new IllegalArgumentException(VneidAdminText.of(HTTP_WEBHOOK_IN_PRODUCTION) + " "
                            + http.get().clientId());
                }
            }
        }
        LinkWebhookSetting.check(realm, webhooks);
    }

    /** The portals' link webhooks ({@link LinkWebhookSetting}); none when unset. */
    public List<String> getLinkWebhooks() {
        return LinkWebhookSetting.entries(getConfig().get(LinkWebhookSetting.KEY));
    }

    /**
     * The partner API's endpoints of PRODUCTION are not public: VNeID gives them with the connection agreement. An
     * admin must enter all three; the provider is not saved with a guessed one.
     */
    private void validatePartnerEndpoints() {
        List<String> missing = new ArrayList<>();
        for (String key : List.of(AUTHORIZATION_URL, TOKEN_ENDPOINT_URL, USER_INFO_URL)) {
            String value = explicit(key);
            if (value != null && !isHttpUrl(value)) {
                throw new IllegalArgumentException("VNeID: " + key + " must be an http(s) URL, not '" + value + "'");
            }
            if (value == null && getEnvironment() == VneidEnvironment.PRODUCTION) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("VNeID: the partner API's PRODUCTION endpoints are not public; enter "
                    + "the ones of your connection agreement with VNeID (missing: " + String.join(", ", missing) + ")");
        }
    }

    /** Puts the environment's issuer in the configuration unless the admin set another one. */
    void storeDerivedIssuer() {
        String stored = explicit(ISSUER);
        if (stored == null || stored.equals(getConfig().get(DERIVED_ISSUER))) {
            String derived = environmentIssuer();
            getConfig().put(ISSUER, derived);
            getConfig().put(DERIVED_ISSUER, derived);
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- reading

    /** The trimmed value of {@code key}, or null when unset or blank. */
    private String explicit(String key) {
        String value = getConfig().get(key);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private String orDefault(String key, String defaultValue) {
        String value = explicit(key);
        return value != null ? value : defaultValue;
    }

    private boolean flag(String key, boolean defaultValue) {
        String value = explicit(key);
        return value != null ? Boolean.parseBoolean(value) : defaultValue;
    }
}

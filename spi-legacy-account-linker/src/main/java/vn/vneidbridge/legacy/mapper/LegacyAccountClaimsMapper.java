package vn.vneidbridge.legacy.mapper;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * Gives portals what they need to find a citizen's old data: {@code legacy_account_id} and
 * {@code legacy_account_type} for an account that came from a legacy portal, and {@code cccd} — only once
 * the number is verified (an unverified number typed by someone is never handed to a portal), and only for a
 * citizen's account (an organisation's may hold its legal representative's number).
 */
public final class LegacyAccountClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "vneid-legacy-account-claims";
    public static final String CLAIM_LEGACY_ACCOUNT_ID = UserAttributes.LEGACY_ACCOUNT_ID;
    public static final String CLAIM_LEGACY_ACCOUNT_TYPE = UserAttributes.LEGACY_ACCOUNT_TYPE;
    public static final String CLAIM_CCCD = UserAttributes.CCCD;

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, LegacyAccountClaimsMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: legacy account and verified CCCD";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds legacy_account_id and legacy_account_type for accounts from a legacy portal, and cccd once it is verified.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.copyOf(CONFIG);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession) {
        UserModel user = userSession.getUser();
        put(token, CLAIM_LEGACY_ACCOUNT_ID, user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_ID));
        put(token, CLAIM_LEGACY_ACCOUNT_TYPE, user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_TYPE));
        if ("true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED))
                && AccountKind.ofUser(user::getFirstAttribute) == AccountKind.CITIZEN) {
            // an organisation's account may hold its legal representative's number: that person's, not the company's
            put(token, CLAIM_CCCD, user.getFirstAttribute(UserAttributes.CCCD));
        }
    }

    private static void put(IDToken token, String claim, String value) {
        if (value != null && !value.isBlank()) {
            token.getOtherClaims().put(claim, value);
        }
    }
}

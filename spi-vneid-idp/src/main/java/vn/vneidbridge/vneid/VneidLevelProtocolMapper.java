package vn.vneidbridge.vneid;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * {@code vneid-level-mapper}: puts the claim {@value #CLAIM} ({@code "1"} or {@code "2"}) in the tokens of a
 * session that logged in with VNeID, from the user-session note {@value VneidContext#LEVEL_NOTE}. Sessions
 * that did not come through VNeID get no claim at all.
 */
public final class VneidLevelProtocolMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "vneid-level-mapper";
    public static final String CLAIM = "vneid_level";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = configProperties();

    private static List<ProviderConfigProperty> configProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, VneidLevelProtocolMapper.class);
        return List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "VNeID account level";
    }

    @Override
    public String getHelpText() {
        return "Adds the claim vneid_level (\"1\" or \"2\") and sets acr to it when the session logged in with VNeID.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        String level = userSession == null ? null : userSession.getNote(VneidContext.LEVEL_NOTE);
        if (level != null && !level.isBlank()) {
            token.getOtherClaims().put(CLAIM, level);
            // the session's assurance is the VNeID account's level: portals read it from the standard acr
            token.setAcr(level);
        }
    }

    /** After Keycloak's own acr mapper (priority 0), so a VNeID session's acr is the VNeID level. */
    @Override
    public int getPriority() {
        return 100;
    }
}

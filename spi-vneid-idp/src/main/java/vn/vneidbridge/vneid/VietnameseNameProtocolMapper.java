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
import vn.vneidbridge.core.user.UserAttributes;

/**
 * {@code vneid-vietnamese-name-mapper}: the claims {@code name} and {@code full_name} as a Vietnamese name is
 * written, family name first ("Tô Thị Nga"), from the user attribute {@value UserAttributes#FULL_NAME}.
 * Keycloak's own full-name mapper joins first and last name Western-style ("Thị Nga Tô"); this one runs after
 * it and replaces {@code name} when the user has a full name. {@code given_name} and {@code family_name} stay.
 */
public final class VietnameseNameProtocolMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "vneid-vietnamese-name-mapper";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = configProperties();

    private static List<ProviderConfigProperty> configProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, VietnameseNameProtocolMapper.class);
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
        return "Vietnamese full name";
    }

    @Override
    public String getHelpText() {
        return "Sets the claims name and full_name to the user's full_name attribute, family name first.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        String fullName = userSession == null || userSession.getUser() == null ? null
                : userSession.getUser().getFirstAttribute(UserAttributes.FULL_NAME);
        if (fullName != null && !fullName.isBlank()) {
            // where Keycloak's full-name mapper puts it (the other claims), so the token has one "name"
            token.getOtherClaims().put("name", fullName);
            token.getOtherClaims().put(UserAttributes.FULL_NAME, fullName);
        }
    }

    /** After Keycloak's full-name mapper (priority 0 and in the profile scope). */
    @Override
    public int getPriority() {
        return 10;
    }
}

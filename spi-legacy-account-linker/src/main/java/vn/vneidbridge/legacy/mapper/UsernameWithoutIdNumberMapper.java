package vn.vneidbridge.legacy.mapper;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
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
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * {@code vneid-username-mapper}, in the realm-default scope {@code profile}: {@code preferred_username} for
 * every portal, unless the username holds an id number ({@link ReleasableUsername}); then no
 * {@code preferred_username} at all, and token introspection, which would otherwise answer the stored username
 * as {@code username}, answers the user id (the {@code sub}). It never removes a claim: a portal an operator
 * granted {@code vneid-identity} gets the username as it is from that scope's own mapper.
 */
public final class UsernameWithoutIdNumberMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "vneid-username-mapper";
    static final String CLAIM = "preferred_username";
    /** The field Keycloak's introspection fills from the stored username when the token has no username. */
    static final String INTROSPECTION_USERNAME = "username";

    private static final List<ProviderConfigProperty> CONFIG = configProperties();

    private static List<ProviderConfigProperty> configProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, UsernameWithoutIdNumberMapper.class);
        return List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: username without id numbers";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds preferred_username unless the username holds 9 or more digits in a row (an id number or phone "
                + "a citizen chose as username); then the claim is left out.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        UserModel user = userSession == null ? null : userSession.getUser();
        if (user != null) {
            ReleasableUsername.of(user.getUsername()).ifPresent(username -> token.getOtherClaims().put(CLAIM, username));
        }
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel,
                                                   KeycloakSession session, UserSessionModel userSession,
                                                   ClientSessionContext clientSessionCtx) {
        AccessToken mapped = super.transformIntrospectionToken(token, mappingModel, session, userSession,
                clientSessionCtx);
        UserModel user = userSession == null ? null : userSession.getUser();
        if (user != null && OIDCAttributeMapperHelper.includeInIntrospection(mappingModel)
                && ReleasableUsername.of(user.getUsername()).isEmpty()) {
            mapped.getOtherClaims().putIfAbsent(INTROSPECTION_USERNAME, user.getId());
        }
        return mapped;
    }
}

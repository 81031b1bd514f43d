package vn.vneidbridge.vneid;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.AuthenticatedClientSessionModel;
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
import vn.vneidbridge.vneid.assurance.AssuranceLevel;
import vn.vneidbridge.vneid.assurance.LevelRules;

/**
 * {@code vneid-level-mapper}: the claim {@value #CLAIM} ({@code "1"} or {@code "2"}) of a login made with VNeID,
 * read from the level of authentication Keycloak recorded for this client session (the same value Keycloak's own
 * {@code acr} mapper turns into {@code acr}, see {@link AssuranceLevel}), so that {@code acr} and {@value #CLAIM}
 * never disagree, in ID, access and refreshed tokens, userinfo and introspection alike. A password login gets no
 * {@value #CLAIM}. It also guards {@code acr}: a client session with no recorded level (a login path that recorded
 * none) is reported as {@code "0"}, the lowest level, never as Keycloak's default {@code "1"}.
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
        return "Adds the claim vneid_level (\"1\" or \"2\") when this login was made with VNeID, from the level of "
                + "authentication of the client session; reports acr \"0\" when no level was recorded.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        AuthenticatedClientSessionModel clientSession = clientSessionCtx == null ? null
                : clientSessionCtx.getClientSession();
        int loa = clientSession == null ? LevelRules.NONE : AcrStore.getCurrentLevelOfAuthentication(clientSession);
        if (loa < AssuranceLevel.PORTAL_PASSWORD.loa()) {
            token.setAcr(AssuranceLevel.PORTAL_PASSWORD.acr());
            return;
        }
        AssuranceLevel.ofLoa(loa).flatMap(AssuranceLevel::vneidLevel)
                .ifPresent(level -> token.getOtherClaims().put(CLAIM, level.value()));
    }

    /** After Keycloak's own acr mapper (priority 0), which it may correct. */
    @Override
    public int getPriority() {
        return 100;
    }
}

package vn.vneidbridge.organisation.mapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
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
 * Scope {@code vneid-organisation}, granted per portal by an operator: {@code account_type} ({@code CITIZEN} or
 * {@code ORGANISATION}, so a portal can branch without a second scope), and for an organisation whose tax code is
 * verified (by the business registry or by VNeID) its {@code tax_code} and {@code organisation_name}. An unverified
 * code typed by someone is never handed to a portal.
 */
public final class OrganisationClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "vneid-organisation-claims";
    public static final String CLAIM_ACCOUNT_TYPE = "account_type";
    public static final String CLAIM_TAX_CODE = UserAttributes.TAX_CODE;
    public static final String CLAIM_ORGANISATION_NAME = UserAttributes.ORGANISATION_NAME;

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, OrganisationClaimsMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: organisation's verified tax code and name";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds account_type (CITIZEN or ORGANISATION), and tax_code and organisation_name once the "
                + "organisation's tax code is verified.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.copyOf(CONFIG);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession) {
        UserModel user = userSession.getUser();
        claims(user::getFirstAttribute).forEach(claim -> token.getOtherClaims().put(claim.name(), claim.value()));
    }

    /** The claims of a user, from its attributes: a pure function, unit-tested. */
    static List<Claim> claims(UnaryOperator<String> attribute) {
        List<Claim> claims = new ArrayList<>();
        AccountKind kind = AccountKind.ofUser(attribute);
        claims.add(new Claim(CLAIM_ACCOUNT_TYPE, kind.name()));
        if (kind == AccountKind.ORGANISATION && "true".equals(attribute.apply(UserAttributes.TAX_CODE_VERIFIED))) {
            add(claims, CLAIM_TAX_CODE, attribute.apply(UserAttributes.TAX_CODE));
            add(claims, CLAIM_ORGANISATION_NAME, attribute.apply(UserAttributes.ORGANISATION_NAME));
        }
        return claims;
    }

    private static void add(List<Claim> claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.add(new Claim(name, value));
        }
    }

    record Claim(String name, String value) {
    }
}

package vn.vneidbridge.vneid;

import java.util.List;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.vneidbridge.core.broker.LinkWebhookSetting;
import vn.vneidbridge.vneid.partner.PartnerAesMode;

/**
 * The VNeID settings on the identity provider's page of the admin console (shown below client id and
 * secret). Labels and help texts are message keys of this jar's {@code theme-resources/messages}, which
 * Keycloak merges into every theme's messages, the admin console's included.
 */
final class VneidConfigProperties {

    static final List<ProviderConfigProperty> ALL = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(VneidIdentityProviderConfig.PROTOCOL)
            .label("vneidProtocol").helpText("vneidProtocolHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(VneidProtocol.OIDC.value(), VneidProtocol.PARTNER_API.value())
            .defaultValue(VneidProtocol.OIDC.value()).add()
            .property().name(VneidIdentityProviderConfig.ENVIRONMENT)
            .label("vneidEnvironment").helpText("vneidEnvironmentHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(VneidEnvironment.SANDBOX.name(), VneidEnvironment.PRODUCTION.name())
            .defaultValue(VneidEnvironment.SANDBOX.name()).add()
            .property().name(VneidIdentityProviderConfig.SANDBOX_ISSUER)
            .label("vneidSandboxIssuer").helpText("vneidSandboxIssuerHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(VneidEnvironment.SANDBOX.defaultIssuer()).add()
            .property().name(VneidIdentityProviderConfig.MINIMUM_LEVEL)
            .label("vneidMinimumLevel").helpText("vneidMinimumLevelHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(VneidLevel.LEVEL_1.value(), VneidLevel.LEVEL_2.value())
            .defaultValue(VneidLevel.LEVEL_1.value()).add()
            .property().name(VneidIdentityProviderConfig.CLIENT_AUTH_METHOD)
            .label("vneidClientAuthMethod").helpText("vneidClientAuthMethodHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(OIDCLoginProtocol.CLIENT_SECRET_POST, OIDCLoginProtocol.CLIENT_SECRET_BASIC)
            .defaultValue(OIDCLoginProtocol.CLIENT_SECRET_POST).add()
            .property().name(VneidIdentityProviderConfig.PARTNER_AES_MODE)
            .label("vneidPartnerAesMode").helpText("vneidPartnerAesModeHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(PartnerAesMode.ECB.name(), PartnerAesMode.CBC.name())
            .defaultValue(PartnerAesMode.ECB.name()).add()
            .property().name(VneidIdentityProviderConfig.ID_NUMBER_CLAIM)
            .label("vneidIdNumberClaim").helpText("vneidIdNumberClaimHelp")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(VneidIdentityProviderConfig.FULL_NAME_CLAIM)
            .label("vneidFullNameClaim").helpText("vneidFullNameClaimHelp")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(VneidIdentityProviderConfig.BIRTH_DATE_CLAIM)
            .label("vneidBirthDateClaim").helpText("vneidBirthDateClaimHelp")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(VneidIdentityProviderConfig.GENDER_CLAIM)
            .label("vneidGenderClaim").helpText("vneidGenderClaimHelp")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(VneidIdentityProviderConfig.PHONE_CLAIM)
            .label("vneidPhoneClaim").helpText("vneidPhoneClaimHelp")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(VneidIdentityProviderConfig.ACCEPT_ORGANISATIONS)
            .label("vneidAcceptOrganisations").helpText("vneidAcceptOrganisationsHelp")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(Boolean.FALSE.toString()).add()
            .property().name(VneidIdentityProviderConfig.ORGANISATION_ACCOUNT_TYPES)
            .label("vneidOrganisationAccountTypes").helpText("vneidOrganisationAccountTypesHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .defaultValue(VneidAccountKind.DEFAULT_ORGANISATION_TYPES).add()
            .property().name(VneidIdentityProviderConfig.ACCOUNT_TYPE_CLAIM)
            .label("vneidAccountTypeClaim").helpText("vneidAccountTypeClaimHelp")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(VneidIdentityProviderConfig.ACCOUNT_LEVEL_CLAIM)
            .label("vneidAccountLevelClaim").helpText("vneidAccountLevelClaimHelp")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(LinkWebhookSetting.KEY)
            .label("vneidLinkWebhooks").helpText("vneidLinkWebhooksHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .build());

    private VneidConfigProperties() {
    }
}

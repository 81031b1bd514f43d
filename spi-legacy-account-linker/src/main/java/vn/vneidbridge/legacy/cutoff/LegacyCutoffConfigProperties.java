package vn.vneidbridge.legacy.cutoff;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The cutoff policy's settings in the admin console (Authentication → flow → cutoff step → settings). */
final class LegacyCutoffConfigProperties {

    static final String CITIZEN_DATE = "citizenCutoffDate";
    static final String CITIZEN_MODE = "citizenModeAfterCutoff";
    static final String ORGANISATION_DATE = "organisationCutoffDate";
    static final String ORGANISATION_MODE = "organisationModeAfterCutoff";
    static final String IDP_ALIAS = "vneidAlias";

    private static final List<String> MODES = List.of(CutoffMode.LINK_ONLY.value(), CutoffMode.CLOSED.value(),
            CutoffMode.NOTICE.value());

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property().name(CITIZEN_DATE).label("vneidCutoffCitizenDate").helpText("vneidCutoffCitizenDateHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(LegacyCutoffConfig.DEFAULT_CITIZEN_DATE_TEXT).add()
            .property().name(CITIZEN_MODE).label("vneidCutoffCitizenMode").helpText("vneidCutoffModeHelp")
            .type(ProviderConfigProperty.LIST_TYPE).options(MODES).defaultValue(CutoffMode.LINK_ONLY.value()).add()
            .property().name(ORGANISATION_DATE).label("vneidCutoffOrganisationDate")
            .helpText("vneidCutoffOrganisationDateHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(LegacyCutoffConfig.DEFAULT_ORGANISATION_DATE_TEXT).add()
            .property().name(ORGANISATION_MODE).label("vneidCutoffOrganisationMode").helpText("vneidCutoffModeHelp")
            .type(ProviderConfigProperty.LIST_TYPE).options(MODES).defaultValue(CutoffMode.LINK_ONLY.value()).add()
            .property().name(IDP_ALIAS).label("vneidCutoffIdpAlias").helpText("vneidCutoffIdpAliasHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(LegacyCutoffConfig.DEFAULT_IDP_ALIAS).add()
            .build();

    private LegacyCutoffConfigProperties() {
    }
}

package vn.vneidbridge.operations.bulk;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.cccd.authenticator.CccdCheckAuthenticatorFactory;
import vn.vneidbridge.legacy.broker.FirstVneidLoginAuthenticatorFactory;

/**
 * The population registry adapters the realm's flows check numbers with: the {@code registry} setting of each enabled
 * CCCD check and first VNeID login step (the adapter they fall back to when the setting is empty or the step was
 * never configured, as the steps themselves do).
 */
final class RealmRegistries {

    /** The steps' setting (CccdCheckConfigProperties.REGISTRY, FirstLoginLinkConfig.REGISTRY). */
    static final String SETTING = "registry";
    static final Set<String> STEPS = Set.of(CccdCheckAuthenticatorFactory.PROVIDER_ID,
            FirstVneidLoginAuthenticatorFactory.PROVIDER_ID);

    private RealmRegistries() {
    }

    static Set<String> of(RealmModel realm) {
        Set<String> named = new TreeSet<>();
        realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> execution.getAuthenticator() != null // a sub-flow has none
                        && STEPS.contains(execution.getAuthenticator()))
                .filter(execution -> execution.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .forEach(execution -> {
                    AuthenticatorConfigModel config = execution.getAuthenticatorConfig() == null ? null
                            : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
                    named.add(registry(config == null ? null : config.getConfig()));
                });
        return named;
    }

    static String registry(Map<String, String> config) {
        String value = config == null ? null : config.get(SETTING);
        return value == null || value.isBlank() ? BulkJobDefinition.DEFAULT_REGISTRY : value.trim();
    }
}

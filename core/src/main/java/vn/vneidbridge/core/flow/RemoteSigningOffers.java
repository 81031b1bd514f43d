package vn.vneidbridge.core.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * The remote-signing logins ("Sim ký số", VNPT SmartCA) that stand beside the password form in its flow, for the form
 * to show their tab or card: each an enabled alternative execution of {@value #AUTHENTICATOR} in the same flow,
 * configured with at least one trusted root and a provider. The page posts the execution's id as Keycloak's
 * {@code authenticationExecution}, which Keycloak accepts only for an alternative of that flow. Shared here so that
 * the password form does not import the remote-signing module.
 */
public final class RemoteSigningOffers {

    /** The authenticator id of the remote-signing login step. */
    public static final String AUTHENTICATOR = "vneid-remote-signing-login";
    /** Config key: {@value #MEANS_SIM} (a tab of the portal-account form) or {@value #MEANS_APP} (a card). */
    public static final String MEANS = "means";
    public static final String MEANS_SIM = "sim";
    public static final String MEANS_APP = "app";
    /** Config key: the provider's name as the page shows it, e.g. "VNPT SmartCA". */
    public static final String LABEL = "providerLabel";
    /** Config keys that must be set for the login to be offered. */
    public static final String PROVIDER = "provider";
    public static final String TRUSTED_ROOTS = "trustedRootsSha256";

    /**
     * One offer: the execution to post, where it shows, and its label. A class with getters only (not a record): the
     * login page's FreeMarker reads {@code offer.sim}, {@code offer.execution} as bean properties, which a record's
     * accessor methods of the same names would shadow.
     */
    public static final class Offer {
        private final String execution;
        private final String means;
        private final String label;

        public Offer(String execution, String means, String label) {
            this.execution = execution;
            this.means = means;
            this.label = label;
        }

        public String getExecution() {
            return execution;
        }

        public String getMeans() {
            return means;
        }

        public String getLabel() {
            return label;
        }

        /** The form's tab "Sim ký số" (else a card of the chooser). */
        public boolean isSim() {
            return MEANS_SIM.equals(means);
        }

        @Override
        public String toString() {
            return "Offer[" + means + ", " + label + "]";
        }
    }

    private RemoteSigningOffers() {
    }

    /** The offers in the flow of {@code current} (the password form's execution), in the flow's order. */
    public static List<Offer> beside(RealmModel realm, AuthenticationExecutionModel current) {
        if (realm == null || current == null || current.getParentFlow() == null) {
            return List.of();
        }
        return realm.getAuthenticationExecutionsStream(current.getParentFlow())
                .filter(execution -> AUTHENTICATOR.equals(execution.getAuthenticator()))
                .filter(execution -> execution.getRequirement() == AuthenticationExecutionModel.Requirement.ALTERNATIVE)
                .map(execution -> offer(realm, execution))
                .filter(Objects::nonNull)
                .toList();
    }

    private static Offer offer(RealmModel realm, AuthenticationExecutionModel execution) {
        AuthenticatorConfigModel model = execution.getAuthenticatorConfig() == null ? null
                : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        if (!pinsARoot(config.get(TRUSTED_ROOTS)) || blank(config.get(PROVIDER))) {
            return null;
        }
        String means = MEANS_APP.equals(config.get(MEANS)) ? MEANS_APP : MEANS_SIM;
        String label = blank(config.get(LABEL)) ? config.get(PROVIDER).strip() : config.get(LABEL).strip();
        return new Offer(execution.getId(), means, label);
    }

    /** At least one SHA-256 fingerprint (64 hex digits, colons allowed) among the {@code ##}-separated values. */
    private static boolean pinsARoot(String value) {
        if (value == null) {
            return false;
        }
        for (String part : value.split("##")) {
            if (part.strip().replace(":", "").matches("[0-9A-Fa-f]{64}")) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.replace("##", "").isBlank();
    }
}

package vn.vneidbridge.certificate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.vneidbridge.certificate.remote.LoginChallenge;
import vn.vneidbridge.certificate.remote.vnpt.VnptSmartCaServiceFactory;
import vn.vneidbridge.core.flow.RemoteSigningOffers;

/**
 * A remote-signing login's own settings, read null-safe with their defaults (the certificate settings it shares with
 * "Usb ký số" are read by {@link CertificateLoginConfig}): the adapter, the name the page shows, tab or card, the time
 * to approve on the phone (30–300 s, default 120) and the request limits per number and per address.
 */
final class RemoteSigningLoginConfig {

    static final String APPROVAL_SECONDS = "approvalSeconds";
    static final String PER_NUMBER = "requestsPerNumber";
    static final String PER_ADDRESS = "requestsPerAddress";
    static final String WINDOW_MINUTES = "requestWindowMinutes";

    static final List<ProviderConfigProperty> OWN = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(RemoteSigningOffers.PROVIDER).label("vneidRsProvider").helpText("vneidRsProviderHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(VnptSmartCaServiceFactory.PROVIDER_ID).add()
            .property().name(RemoteSigningOffers.LABEL).label("vneidRsProviderLabel")
            .helpText("vneidRsProviderLabelHelp").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("VNPT SmartCA").add()
            .property().name(RemoteSigningOffers.MEANS).label("vneidRsMeans").helpText("vneidRsMeansHelp")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(RemoteSigningOffers.MEANS_SIM, RemoteSigningOffers.MEANS_APP)
            .defaultValue(RemoteSigningOffers.MEANS_SIM).add()
            .property().name(APPROVAL_SECONDS).label("vneidRsApprovalSeconds").helpText("vneidRsApprovalSecondsHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("120").add()
            .property().name(PER_NUMBER).label("vneidRsPerNumber").helpText("vneidRsPerNumberHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("3").add()
            .property().name(PER_ADDRESS).label("vneidRsPerAddress").helpText("vneidRsPerAddressHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("10").add()
            .property().name(WINDOW_MINUTES).label("vneidRsWindowMinutes").helpText("vneidRsWindowMinutesHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("10").add()
            .build());

    private final Map<String, String> config;

    RemoteSigningLoginConfig(AuthenticatorConfigModel model) {
        this.config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    /** The adapter's id; empty when none is set (the login is then not offered and logs nobody in). */
    String provider() {
        String value = config.get(RemoteSigningOffers.PROVIDER);
        return value == null ? "" : value.strip();
    }

    /** The provider's name on the pages. */
    String label() {
        String value = config.get(RemoteSigningOffers.LABEL);
        return value == null || value.isBlank() ? provider() : value.strip();
    }

    String means() {
        return RemoteSigningOffers.MEANS_APP.equals(config.get(RemoteSigningOffers.MEANS))
                ? RemoteSigningOffers.MEANS_APP : RemoteSigningOffers.MEANS_SIM;
    }

    Duration approval() {
        String value = config.get(APPROVAL_SECONDS);
        return value == null ? LoginChallenge.DEFAULT_APPROVAL : LoginChallenge.approval(value);
    }

    int perNumber() {
        return number(PER_NUMBER, 3, 1, 100);
    }

    int perAddress() {
        return number(PER_ADDRESS, 10, 1, 1000);
    }

    int windowMinutes() {
        return number(WINDOW_MINUTES, 10, 1, 1440);
    }

    private int number(String key, int fallback, int min, int max) {
        try {
            int value = Integer.parseInt(config.getOrDefault(key, "").strip());
            return value >= min && value <= max ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

package vn.vneidbridge.certificate;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The certificate login's settings in the admin console (Authentication → flow → certificate login → settings). */
final class CertificateLoginConfigProperties {

    static final String TRUSTED_ROOTS = "trustedRootsSha256";
    static final String REVOCATION = "revocation";
    static final String OCSP_RESPONDER = "ocspResponderUrl";
    static final String CRL_CACHE_MINUTES = "crlCacheMinutes";
    static final String ACCEPTED_IDS = "acceptedIds";

    static final List<ProviderConfigProperty> ALL = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(TRUSTED_ROOTS).label("vneidCertTrustedRoots").helpText("vneidCertTrustedRootsHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .property().name(REVOCATION).label("vneidCertRevocation").helpText("vneidCertRevocationHelp")
            .type(ProviderConfigProperty.LIST_TYPE).options(CertificateLoginConfig.REVOCATION_CRL_DP,
                    CertificateLoginConfig.REVOCATION_OCSP, CertificateLoginConfig.REVOCATION_CRL_DP_AND_OCSP)
            .defaultValue(CertificateLoginConfig.REVOCATION_CRL_DP).add()
            .property().name(CRL_CACHE_MINUTES).label("vneidCertCrlCacheMinutes").helpText("vneidCertCrlCacheMinutesHelp")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("60").add()
            .property().name(OCSP_RESPONDER).label("vneidCertOcspResponder").helpText("vneidCertOcspResponderHelp")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(ACCEPTED_IDS).label("vneidCertAcceptedIds").helpText("vneidCertAcceptedIdsHelp")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options("CCCD", "CMND", "MST")
            .defaultValue("CCCD##MST").add()
            .build());

    private CertificateLoginConfigProperties() {
    }
}

package vn.vneidbridge.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class CertificateLoginConfigTest {

    private static CertificateLoginConfig config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(new HashMap<>(values));
        return new CertificateLoginConfig(model);
    }

    @Nested
    class GivenAnExecutionNeverConfigured {

        private final CertificateLoginConfig config = new CertificateLoginConfig(null);

        @Test
        void thenItTrustsNoRootAndSoAcceptsNoCertificate() {
            assertThat(config.trustedRoots().isEmpty()).isTrue();
        }

        @Test
        void thenItChecksTheCrlOfEachCertificateAndAStaleListIsNoAnswer() {
            assertThat(config.revocation()).isEqualTo(CertificateLoginConfig.REVOCATION_CRL_DP);
            assertThat(config.crlDistributionPoints()).isTrue();
            assertThat(config.ocsp()).isFalse();
        }

        @Test
        void thenItLogsInWithTheTwelveDigitNumberAndTheTaxCodeButNotTheOldCmnd() {
            assertThat(config.acceptedIds()).containsExactlyInAnyOrder(CertificateId.Kind.CCCD, CertificateId.Kind.MST);
        }
    }

    @Nested
    class GivenAnOperatorsSettings {

        @Test
        void thenTheyAreReadAsTyped() {
            CertificateLoginConfig config = config(Map.of(
                    CertificateLoginConfigProperties.TRUSTED_ROOTS, "ab".repeat(32) + "##" + "CD".repeat(32),
                    CertificateLoginConfigProperties.REVOCATION, CertificateLoginConfig.REVOCATION_CRL_DP_AND_OCSP,
                    CertificateLoginConfigProperties.ACCEPTED_IDS, "cmnd##CCCD"));

            assertThat(config.trustedRoots().isEmpty()).isFalse();
            assertThat(config.crlDistributionPoints()).isTrue();
            assertThat(config.ocsp()).isTrue();
            assertThat(config.acceptedIds()).isEqualTo(EnumSet.of(CertificateId.Kind.CCCD, CertificateId.Kind.CMND));
        }

        @Test
        void thenAnUnknownRevocationModeIsTheDefaultAndNeverNone() {
            assertThat(config(Map.of(CertificateLoginConfigProperties.REVOCATION, "none")).revocation())
                    .isEqualTo(CertificateLoginConfig.REVOCATION_CRL_DP);
        }

        @Test
        void thenAcceptedIdsEmptiedInTheConsoleAcceptNothingRatherThanEverything() {
            assertThat(config(Map.of(CertificateLoginConfigProperties.ACCEPTED_IDS, "")).acceptedIds()).isEmpty();
        }

        @Test
        void thenANullValueIsNoValue() {
            Map<String, String> values = new HashMap<>();
            values.put(CertificateLoginConfigProperties.TRUSTED_ROOTS, null);
            values.put(CertificateLoginConfigProperties.REVOCATION, null);
            CertificateLoginConfig config = config(values);
            assertThat(config.trustedRoots().isEmpty()).isTrue();
            assertThat(config.revocation()).isEqualTo(CertificateLoginConfig.REVOCATION_CRL_DP);
        }

        @Test
        void thenAcceptedIdsNamingNothingKnownAcceptNothing() {
            assertThat(config(Map.of(CertificateLoginConfigProperties.ACCEPTED_IDS, "HC##MNS")).acceptedIds()).isEmpty();
        }
    }
}

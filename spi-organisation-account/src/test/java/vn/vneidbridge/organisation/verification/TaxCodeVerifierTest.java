package vn.vneidbridge.organisation.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.organisation.registry.BusinessRecord;
import vn.vneidbridge.organisation.registry.BusinessResult;

class TaxCodeVerifierTest {

    private static final BusinessResult MATCH = new BusinessResult.Match(new BusinessRecord("0312345673",
            "CÔNG TY TNHH ABC", "DANG_HOAT_DONG", Optional.of("PHẠM MINH ĐỨC")));

    @Nested
    class GivenTheRegistrysAnswer {

        @Test
        void thenOnlyAMatchVerifiesTheCode() {
            assertThat(TaxCodeVerifier.judge(MATCH, false).verified()).isTrue();
            assertThat(TaxCodeVerifier.judge(MATCH, false).messageKey()).isEqualTo("vneidTaxCodeVerified");
        }

        @Test
        void thenAnUnknownCodeAWrongNameAndAnInactiveEnterpriseGetOneAnswer() {
            var notFound = TaxCodeVerifier.judge(new BusinessResult.NotFound(), false);
            var name = TaxCodeVerifier.judge(new BusinessResult.NameMismatch(), false);
            var inactive = TaxCodeVerifier.judge(new BusinessResult.Inactive("TAM_NGUNG"), false);

            for (TaxCodeVerificationResult result : new TaxCodeVerificationResult[] {notFound, name, inactive}) {
                assertThat(result.verified()).isFalse();
                assertThat(result.outcome()).isEqualTo(TaxCodeVerificationResult.Outcome.MISMATCH);
                assertThat(result.messageKey()).isEqualTo("vneidTaxCodeMismatch");
                assertThat(result.eventError()).isEqualTo("tax_code_mismatch");
            }
            // operators see why in the event, the form does not say it
            assertThat(notFound.eventDetail()).isEqualTo("not-found");
            assertThat(name.eventDetail()).isEqualTo("name");
            assertThat(inactive.eventDetail()).isEqualTo("inactive");
        }

        @Test
        void thenARegistryThatDoesNotAnswerSaysSoAndVerifiesNothing() {
            var result = TaxCodeVerifier.judge(new BusinessResult.Unavailable("timeout"), false);

            assertThat(result.outcome()).isEqualTo(TaxCodeVerificationResult.Outcome.UNAVAILABLE);
            assertThat(result.messageKey()).isEqualTo("vneidTaxCodeRegistryUnavailable");
            assertThat(result.eventDetail()).isEqualTo("timeout");
        }

        @Test
        void thenACodeVerifiedOnAnotherAccountIsTakenEvenWhenTheRegistryMatches() {
            var result = TaxCodeVerifier.judge(MATCH, true);

            assertThat(result.verified()).isFalse();
            assertThat(result.outcome()).isEqualTo(TaxCodeVerificationResult.Outcome.TAKEN);
            assertThat(result.messageKey()).isEqualTo("vneidTaxCodeTaken");
        }
    }
}

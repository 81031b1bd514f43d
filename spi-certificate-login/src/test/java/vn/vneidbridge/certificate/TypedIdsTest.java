package vn.vneidbridge.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed number only routes a remote-signing request: the certificate must name that same holder. */
class TypedIdsTest {

    private static final String AN = "001090001234";
    private static final Set<CertificateId.Kind> ALL = Set.of(CertificateId.Kind.values());

    private static CertificateId certificate(String uid) {
        return ((CertificateIds.One) CertificateIds.read(List.of(uid), ALL)).id();
    }

    @Test
    void thenEachKindIsReadByItsForm() {
        assertThat(TypedIds.read(" " + AN + " ")).get().isInstanceOf(CertificateId.PersonalId.class);
        assertThat(TypedIds.read("164438056")).get().isInstanceOf(CertificateId.FormerId.class);
        assertThat(TypedIds.read("0312345673")).get().isInstanceOf(CertificateId.OrganisationId.class);
        assertThat(TypedIds.read("0312345673-001")).get().isInstanceOf(CertificateId.OrganisationId.class);
        assertThat(TypedIds.read("12345")).isEmpty();
        assertThat(TypedIds.read("<script>")).isEmpty();
        assertThat(TypedIds.read(null)).isEmpty();
    }

    @Test
    void thenTheCertificateMustNameTheTypedHolderWhateverItsPrefix() {
        CertificateId typed = TypedIds.read(AN).orElseThrow();

        assertThat(TypedIds.same(typed, certificate("CCCD:" + AN))).isTrue();
        assertThat(TypedIds.same(typed, certificate("CMND:" + AN))).as("the 12-digit number after CMND:").isTrue();
        assertThat(TypedIds.same(typed, certificate("CCCD:079195004567"))).as("another person").isFalse();
        assertThat(TypedIds.same(typed, certificate("MST:0312345673"))).isFalse();
    }

    @Test
    void thenABranchIsNotItsHeadOffice() {
        assertThat(TypedIds.same(TypedIds.read("0312345673").orElseThrow(), certificate("MST:0312345673-001")))
                .isFalse();
    }
}

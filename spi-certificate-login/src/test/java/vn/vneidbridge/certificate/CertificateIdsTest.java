package vn.vneidbridge.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.TaxCode;

class CertificateIdsTest {

    private static final Set<CertificateId.Kind> ALL = EnumSet.allOf(CertificateId.Kind.class);
    private static final String AN = "001090001234";

    private static CertificateIds.Reading read(String subject) {
        return CertificateIds.read(new X500Principal(subject), ALL);
    }

    private static CertificateIds.Reading personal(String number) {
        return new CertificateIds.One(new CertificateId.PersonalId(PersonalIdNumber.parse(number).number().orElseThrow()));
    }

    @Nested
    class GivenAPersonsCertificate {

        @Test
        void thenTheCccdInItsUidIsTheHolder() {
            assertThat(read("CN=NGUYỄN VĂN AN, UID=CCCD:" + AN + ", C=VN")).isEqualTo(personal(AN));
        }

        @Test
        void thenThePrefixIsReadWithoutRegardToCaseAndABlankAfterTheColonIsAllowed() {
            assertThat(read("CN=An, UID=cccd: " + AN + ", C=VN")).isEqualTo(personal(AN));
        }

        @Test
        void thenCmndWithTwelveDigitsIsTheSamePersonalNumber() {
            assertThat(read("CN=An, UID=CMND:" + AN)).isEqualTo(personal(AN));
        }

        @Test
        void thenCmndWithNineDigitsIsTheOldNumber() {
            assertThat(read("CN=TÔ THỊ NGA, UID=CMND:164438056, C=VN")).isEqualTo(new CertificateIds.One(
                    new CertificateId.FormerId(CmndNumber.parse("164438056").number().orElseThrow())));
        }

        @Test
        void thenCccdWithNineDigitsIsTheOldNumberAsSomeCasWriteIt() {
            assertThat(read("CN=TÔ THỊ NGA, UID=CCCD:164438056")).isEqualTo(new CertificateIds.One(
                    new CertificateId.FormerId(CmndNumber.parse("164438056").number().orElseThrow())));
        }

        @Test
        void thenAUidInAMultiValuedRdnIsRead() {
            assertThat(read("CN=An+UID=CCCD:" + AN + ", C=VN")).isEqualTo(personal(AN));
        }

        @Test
        void thenTheTwelveDigitNumberBesideTheOldCmndIsTheHolder() {
            assertThat(read("UID=CMND:164438056, UID=CCCD:052189000123, CN=TÔ THỊ NGA")).isEqualTo(
                    personal("052189000123"));
        }

        @Test
        void thenTwoDifferentNumbersOfOneKindAreNotClear() {
            assertThat(read("UID=CCCD:" + AN + ", UID=CCCD:052189000123, CN=An")).isInstanceOf(CertificateIds.Several.class);
            assertThat(read("UID=CMND:164438056, UID=CMND:025678901, CN=An")).isInstanceOf(CertificateIds.Several.class);
        }

        @Test
        void thenTheSameNumberWrittenTwiceIsOneHolder() {
            assertThat(read("UID=CCCD:" + AN + ", UID=CMND:" + AN + ", CN=An")).isEqualTo(personal(AN));
        }

        @Test
        void thenACommonNameThatLooksLikeAnIdIsNeverRead() {
            assertThat(read("CN=UID\\=CCCD:" + AN + ", O=CCCD:" + AN + ", C=VN"))
                    .isInstanceOf(CertificateIds.NoId.class);
        }
    }

    @Nested
    class GivenAnOrganisationsCertificate {

        @Test
        void thenItsTaxCodeIsTheHolder() {
            assertThat(read("CN=CÔNG TY TNHH ABC, UID=MST:0312345673, C=VN")).isEqualTo(new CertificateIds.One(
                    new CertificateId.OrganisationId(TaxCode.parse("0312345673").number().orElseThrow())));
        }

        @Test
        void thenATaxCodeAndAPersonalNumberTogetherAreNotClear() {
            assertThat(read("CN=ABC, UID=MST:0312345673, UID=CCCD:" + AN)).isInstanceOf(CertificateIds.Several.class);
        }

        @Test
        void thenTheRepresentativesNumberNeverOpensTheirOwnAccountWhereTaxCodesAreNotAccepted() {
            // review F2: with MST not accepted, the company's certificate must not fall back to the director's CCCD
            assertThat(CertificateIds.read(List.of("MST:0312345673", "CCCD:" + AN), EnumSet.of(CertificateId.Kind.CCCD)))
                    .isInstanceOf(CertificateIds.Several.class);
            assertThat(CertificateIds.read(List.of("CCCD:" + AN, "MST:0312345673"), EnumSet.of(CertificateId.Kind.CCCD)))
                    .isInstanceOf(CertificateIds.Several.class);
        }

        @Test
        void thenAnOrganisationMarkedOutsideTheUidNeverOpensItsPersonsAccount() {
            // review C5: a budget unit beside its head, a tax code in OU, an organizationIdentifier (2.5.4.97)
            assertThat(read("CN=Sở, UID=MNS:1234567, UID=CCCD:" + AN)).isInstanceOf(CertificateIds.Several.class);
            assertThat(read("CN=An, OU=MST:0312345673, UID=CCCD:" + AN)).isInstanceOf(CertificateIds.Several.class);
            assertThat(read("CN=An, OU= mst:0312345673, UID=CCCD:" + AN)).isInstanceOf(CertificateIds.Several.class);
            assertThat(read("CN=An, 2.5.4.97=#0c10564154564e2d30333132333435363733, UID=CCCD:" + AN))
                    .isInstanceOf(CertificateIds.Several.class);
            assertThat(read("CN=An, OU=Phòng Kế toán, UID=CCCD:" + AN)).isInstanceOf(CertificateIds.One.class);
        }
    }

    @Nested
    class GivenIdsThatAreNotRead {

        @Test
        void thenAPassportOrABudgetUnitIsUnsupported() {
            assertThat(read("CN=An, UID=HC:B1234567")).isInstanceOf(CertificateIds.Unsupported.class);
            assertThat(read("CN=Sở, UID=MNS:1234567")).isInstanceOf(CertificateIds.Unsupported.class);
        }

        @Test
        void thenAKindTheStepDoesNotAcceptIsUnsupported() {
            assertThat(CertificateIds.read(List.of("MST:0312345673"), EnumSet.of(CertificateId.Kind.CCCD)))
                    .isInstanceOf(CertificateIds.Unsupported.class);
            assertThat(CertificateIds.read(List.of("CMND:" + AN), EnumSet.of(CertificateId.Kind.CMND)))
                    .isInstanceOf(CertificateIds.Unsupported.class);
        }

        @Test
        void thenAnInvalidNumberUnderAnAcceptedPrefixRefusesTheWholeCertificate() {
            assertThat(read("UID=CCCD:00109000123, CN=An")).isInstanceOf(CertificateIds.Malformed.class);
            assertThat(read("UID=CCCD:001090001234x, CN=An")).isInstanceOf(CertificateIds.Malformed.class);
            assertThat(read("UID=MST:0312345674, CN=ABC")).isInstanceOf(CertificateIds.Malformed.class);
            assertThat(read("UID=CCCD:" + AN + ", UID=CCCD:１２３, CN=An")).isInstanceOf(CertificateIds.Malformed.class);
        }

        @Test
        void thenNoUidOrAUidWithoutAPrefixIsNoId() {
            assertThat(read("CN=NGUYỄN VĂN AN, C=VN")).isInstanceOf(CertificateIds.NoId.class);
            assertThat(read("CN=An, UID=nguyenvanan")).isInstanceOf(CertificateIds.NoId.class);
            assertThat(read("CN=An, UID=:" + AN)).isInstanceOf(CertificateIds.NoId.class);
            assertThat(CertificateIds.read((X500Principal) null, ALL)).isInstanceOf(CertificateIds.NoId.class);
        }

        @Test
        void thenAHostileValueIsJustNotAnId() {
            assertThat(read("CN=x, UID=CCCD:\\<script\\>alert(1)\\</script\\>")).isInstanceOf(CertificateIds.Malformed.class);
            assertThat(read("CN=x, UID=" + "A".repeat(10_000) + ":1")).isInstanceOf(CertificateIds.Unsupported.class);
        }
    }
}

package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.id.Gender;

class VneidIdentityValidatorTest {

    private final VneidIdentityValidator validator = new VneidIdentityValidator(VneidClaimNames.DEFAULTS);

    /** Tô Thị Nga of the sandbox personas, as a Keycloak-based VNeID puts her in its tokens. */
    private static Map<String, Object> nga() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "7d1c1a52-0000-4000-8000-000000000001");
        claims.put("preferred_username", "052189000123");
        claims.put("name", "Tô Thị Nga");
        claims.put("birthdate", "1989-03-15");
        claims.put("gender", "female");
        claims.put("phone_number", "0912345678");
        claims.put("email", "nga@example.vn");
        claims.put("acr", "2");
        return claims;
    }

    /** The same citizen with the national portal's Vietnamese claim names only. */
    private static Map<String, Object> ngaInVietnamese() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "7d1c1a52-0000-4000-8000-000000000001");
        claims.put("SoDinhDanh", "052189000123");
        claims.put("HoVaTen", "Tô Thị Nga");
        claims.put("NgayThangNamSinh", "19890315");
        claims.put("GioiTinh", "2");
        claims.put("SoDienThoai", "0912345678");
        claims.put("ThuDienTu", "nga@example.vn");
        claims.put("acr", "2");
        return claims;
    }

    private VneidIdentity accepted(Map<String, Object> claims, VneidLevel required) {
        VneidCheckResult result = validator.validate(claims, required);
        assertThat(result).isInstanceOf(VneidCheckResult.Accepted.class);
        return ((VneidCheckResult.Accepted) result).identity();
    }

    private VneidCheckResult.Refused refused(Map<String, Object> claims, VneidLevel required) {
        VneidCheckResult result = validator.validate(claims, required);
        assertThat(result).isInstanceOf(VneidCheckResult.Refused.class);
        return (VneidCheckResult.Refused) result;
    }

    @Nested
    class GivenValidStandardClaims {

        @Test
        void thenTheIdentityIsAccepted() {
            VneidIdentity identity = accepted(nga(), VneidLevel.LEVEL_1);

            assertThat(identity.idNumber().value()).isEqualTo("052189000123");
            assertThat(identity.fullName()).isEqualTo("Tô Thị Nga");
            assertThat(identity.birthDate()).isEqualTo(LocalDate.of(1989, 3, 15));
            assertThat(identity.gender()).isEqualTo(Gender.FEMALE);
            assertThat(identity.phoneNumber()).isEqualTo("0912345678");
            assertThat(identity.email()).isEqualTo("nga@example.vn");
            assertThat(identity.level()).isEqualTo(VneidLevel.LEVEL_2);
        }

        @Test
        void thenTheNameIsSplitVietnameseStyle() {
            VneidIdentity identity = accepted(nga(), VneidLevel.LEVEL_1);

            assertThat(identity.lastName()).isEqualTo("Tô");
            assertThat(identity.firstName()).isEqualTo("Thị Nga");
        }

        @Test
        void thenTheUserAttributesUseTheSharedNamesAndFormats() {
            assertThat(accepted(nga(), VneidLevel.LEVEL_1).userAttributes()).containsExactly(
                    Map.entry("cccd", "052189000123"),
                    Map.entry("full_name", "Tô Thị Nga"),
                    Map.entry("birthdate", "1989-03-15"),
                    Map.entry("gender", "female"),
                    Map.entry("phone_number", "0912345678"),
                    Map.entry("vneid_level", "2"));
        }

        @Test
        void thenToStringShowsOnlyTheMaskedNumber() {
            String text = accepted(nga(), VneidLevel.LEVEL_1).toString();

            assertThat(text).contains("052******123").doesNotContain("052189000123", "Nga", "1989");
        }

        @Test
        void thenAMissingPhoneOrEmailIsLeftOut() {
            Map<String, Object> claims = nga();
            claims.remove("phone_number");
            claims.remove("email");

            VneidIdentity identity = accepted(claims, VneidLevel.LEVEL_1);

            assertThat(identity.phoneNumber()).isNull();
            assertThat(identity.email()).isNull();
            assertThat(identity.userAttributes()).doesNotContainKey("phone_number");
        }

        @Test
        void thenExtraSpacesInTheNameAreNormalised() {
            Map<String, Object> claims = nga();
            claims.put("name", "  Tô   Thị\u00A0Nga ");

            assertThat(accepted(claims, VneidLevel.LEVEL_1).fullName()).isEqualTo("Tô Thị Nga");
        }
    }

    @Nested
    class GivenVietnameseClaimNames {

        @Test
        void thenTheFallbacksAreRead() {
            VneidIdentity identity = accepted(ngaInVietnamese(), VneidLevel.LEVEL_2);

            assertThat(identity.idNumber().value()).isEqualTo("052189000123");
            assertThat(identity.fullName()).isEqualTo("Tô Thị Nga");
            assertThat(identity.birthDate()).isEqualTo(LocalDate.of(1989, 3, 15));
            assertThat(identity.gender()).isEqualTo(Gender.FEMALE);
            assertThat(identity.phoneNumber()).isEqualTo("0912345678");
            assertThat(identity.email()).isEqualTo("nga@example.vn");
        }

        @Test
        void thenGenderMayBeWrittenNamOrNu() {
            Map<String, Object> claims = ngaInVietnamese();
            claims.put("GioiTinh", "Nữ");
            assertThat(accepted(claims, VneidLevel.LEVEL_1).gender()).isEqualTo(Gender.FEMALE);

            Map<String, Object> an = ngaInVietnamese();
            an.put("SoDinhDanh", "001090001234");
            an.put("HoVaTen", "Nguyễn Văn An");
            an.put("NgayThangNamSinh", "19900902");
            an.put("GioiTinh", "Nam");
            assertThat(accepted(an, VneidLevel.LEVEL_1).gender()).isEqualTo(Gender.MALE);
        }

        @Test
        void thenTheConfiguredClaimWinsOverTheFallback() {
            Map<String, Object> claims = nga();
            claims.put("HoVaTen", "Someone Else");

            assertThat(accepted(claims, VneidLevel.LEVEL_1).fullName()).isEqualTo("Tô Thị Nga");
        }

        @Test
        void thenABlankConfiguredClaimFallsBack() {
            Map<String, Object> claims = ngaInVietnamese();
            claims.put("preferred_username", "  ");

            assertThat(accepted(claims, VneidLevel.LEVEL_1).idNumber().value()).isEqualTo("052189000123");
        }

        @Test
        void thenFamilyAndGivenNameMakeTheFullNameWhenNoNameClaimIsThere() {
            Map<String, Object> claims = nga();
            claims.remove("name");
            claims.put("family_name", "Tô");
            claims.put("given_name", "Thị Nga");

            VneidIdentity identity = accepted(claims, VneidLevel.LEVEL_1);

            assertThat(identity.fullName()).isEqualTo("Tô Thị Nga");
            assertThat(identity.firstName()).isEqualTo("Thị Nga");
        }
    }

    @Nested
    class GivenConfiguredClaimNames {

        @Test
        void thenTheyAreRead() {
            VneidIdentityValidator custom = new VneidIdentityValidator(
                    new VneidClaimNames("so_dinh_danh", "ho_ten", "ngay_sinh", "gioi_tinh", "dien_thoai"));
            Map<String, Object> claims = Map.of("so_dinh_danh", "052189000123", "ho_ten", "Tô Thị Nga",
                    "ngay_sinh", "15/03/1989", "gioi_tinh", "f", "dien_thoai", "0912345678", "acr", "1");

            VneidCheckResult result = custom.validate(claims, VneidLevel.LEVEL_1);

            assertThat(result).isInstanceOfSatisfying(VneidCheckResult.Accepted.class, accepted -> {
                assertThat(accepted.identity().birthDate()).isEqualTo(LocalDate.of(1989, 3, 15));
                assertThat(accepted.identity().phoneNumber()).isEqualTo("0912345678");
            });
        }
    }

    @Nested
    class GivenCheckV1TheIdNumber {

        @Test
        void thenAMissingNumberIsRefused() {
            Map<String, Object> claims = nga();
            claims.remove("preferred_username");

            VneidCheckResult.Refused refused = refused(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.ID_NUMBER_INVALID);
            assertThat(refused.refusal().check()).isEqualTo("V1");
            assertThat(refused.refusal().messageKey()).isEqualTo("vneidIdNumberInvalid");
            assertThat(refused.detail()).isEqualTo("cccd-missing");
        }

        @Test
        void thenAMalformedNumberIsRefusedWithoutEchoingIt() {
            Map<String, Object> claims = nga();
            claims.put("preferred_username", "05218900012A");

            VneidCheckResult.Refused refused = refused(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.ID_NUMBER_INVALID);
            assertThat(refused.detail()).isEqualTo("cccd-not-digits").doesNotContain("0521");
        }

        @Test
        void thenAWrongLengthIsRefused() {
            Map<String, Object> claims = nga();
            claims.put("preferred_username", "05218900012");

            assertThat(refused(claims, VneidLevel.LEVEL_1).detail()).isEqualTo("cccd-length");
        }

        @Test
        void thenAnUnknownProvinceIsRefusedUnderTheStrictRules() {
            Map<String, Object> claims = nga();
            claims.put("preferred_username", "999189000123");

            assertThat(refused(claims, VneidLevel.LEVEL_1).detail()).isEqualTo("cccd-province-unknown");
        }

        @Test
        void thenANumberSentAsAJsonNumberIsRefusedBecauseItsLeadingZeroIsLost() {
            Map<String, Object> claims = nga();
            claims.put("preferred_username", 52189000123L);

            assertThat(refused(claims, VneidLevel.LEVEL_1).refusal()).isEqualTo(VneidRefusal.ID_NUMBER_INVALID);
        }

        @Test
        void thenAStructuredValueIsTreatedAsMissing() {
            Map<String, Object> claims = nga();
            claims.put("preferred_username", Map.of("value", "052189000123"));
            claims.remove("SoDinhDanh");

            assertThat(refused(claims, VneidLevel.LEVEL_1).detail()).isEqualTo("cccd-missing");
        }
    }

    @Nested
    class GivenCheckV2TheLevel {

        @Test
        void thenALowerLevelThanRequiredIsRefused() {
            Map<String, Object> claims = nga();
            claims.put("acr", "1");

            VneidCheckResult.Refused refused = refused(claims, VneidLevel.LEVEL_2);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.LEVEL_TOO_LOW);
            assertThat(refused.refusal().check()).isEqualTo("V2");
            assertThat(refused.refusal().messageKey()).isEqualTo("vneidLevelTooLow");
            assertThat(refused.detail()).isEqualTo("level 1, required 2");
        }

        @Test
        void thenTheSameLevelIsAccepted() {
            Map<String, Object> claims = nga();
            claims.put("acr", "1");

            assertThat(accepted(claims, VneidLevel.LEVEL_1).level()).isEqualTo(VneidLevel.LEVEL_1);
            assertThat(accepted(nga(), VneidLevel.LEVEL_2).level()).isEqualTo(VneidLevel.LEVEL_2);
        }

        @Test
        void thenAHigherLevelIsAccepted() {
            assertThat(accepted(nga(), VneidLevel.LEVEL_1).level()).isEqualTo(VneidLevel.LEVEL_2);
        }

        @Test
        void thenLoAStyleValuesAreRead() {
            Map<String, Object> claims = nga();
            claims.put("acr", "LoA2");
            assertThat(accepted(claims, VneidLevel.LEVEL_2).level()).isEqualTo(VneidLevel.LEVEL_2);

            claims.put("acr", "LoA1");
            assertThat(refused(claims, VneidLevel.LEVEL_2).refusal()).isEqualTo(VneidRefusal.LEVEL_TOO_LOW);
        }

        @Test
        void thenANumericAcrIsRead() {
            Map<String, Object> claims = nga();
            claims.put("acr", 2);

            assertThat(accepted(claims, VneidLevel.LEVEL_2).level()).isEqualTo(VneidLevel.LEVEL_2);
        }

        @Test
        void thenAMissingLevelIsRefused() {
            Map<String, Object> claims = nga();
            claims.remove("acr");

            VneidCheckResult.Refused refused = refused(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.LEVEL_MISSING);
            assertThat(refused.refusal().messageKey()).isEqualTo("vneidLevelMissing");
        }

        @Test
        void thenAnUnknownLevelIsRefused() {
            Map<String, Object> claims = nga();
            claims.put("acr", "3");

            assertThat(refused(claims, VneidLevel.LEVEL_1).refusal()).isEqualTo(VneidRefusal.LEVEL_MISSING);
        }
    }

    @Nested
    class GivenCheckV3TheConsistency {

        @Test
        void thenAGenderThatContradictsTheFourthDigitIsRefused() {
            Map<String, Object> claims = nga();
            claims.put("gender", "male");

            VneidCheckResult.Refused refused = refused(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.INCONSISTENT_IDENTITY);
            assertThat(refused.refusal().check()).isEqualTo("V3");
            assertThat(refused.refusal().messageKey()).isEqualTo("vneidInconsistentIdentity");
            assertThat(refused.detail()).isEqualTo("cccd-century-gender-mismatch");
        }

        @Test
        void thenABirthYearThatContradictsTheFifthAndSixthDigitsIsRefused() {
            Map<String, Object> claims = nga();
            claims.put("birthdate", "1990-03-15");

            VneidCheckResult.Refused refused = refused(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.INCONSISTENT_IDENTITY);
            assertThat(refused.detail()).isEqualTo("cccd-birth-year-mismatch");
        }

        @Test
        void thenABirthCenturyThatContradictsTheFourthDigitIsRefused() {
            Map<String, Object> claims = nga();
            claims.put("birthdate", "2089-03-15");

            assertThat(refused(claims, VneidLevel.LEVEL_1).detail()).isEqualTo("cccd-century-gender-mismatch");
        }

        @Test
        void thenAVietnameseGenderThatContradictsIsRefused() {
            Map<String, Object> claims = ngaInVietnamese();
            claims.put("GioiTinh", "1");

            assertThat(refused(claims, VneidLevel.LEVEL_1).refusal()).isEqualTo(VneidRefusal.INCONSISTENT_IDENTITY);
        }

        @Test
        void thenWithoutGenderAndBirthDateThereIsNothingToContradict() {
            Map<String, Object> claims = nga();
            claims.remove("gender");
            claims.remove("birthdate");

            VneidIdentity identity = accepted(claims, VneidLevel.LEVEL_1);

            assertThat(identity.gender()).isNull();
            assertThat(identity.birthDate()).isNull();
            assertThat(identity.userAttributes()).doesNotContainKeys("gender", "birthdate");
        }

        @Test
        void thenAnUnreadableBirthDateIsLeftOut() {
            Map<String, Object> claims = nga();
            claims.put("birthdate", "15.03.1989");

            assertThat(accepted(claims, VneidLevel.LEVEL_1).birthDate()).isNull();
        }
    }

    @Nested
    class GivenCheckV4TheFullName {

        @Test
        void thenAMissingNameIsRefused() {
            Map<String, Object> claims = nga();
            claims.remove("name");

            VneidCheckResult.Refused refused = refused(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.FULL_NAME_MISSING);
            assertThat(refused.refusal().check()).isEqualTo("V4");
            assertThat(refused.refusal().messageKey()).isEqualTo("vneidFullNameMissing");
        }

        @Test
        void thenABlankNameIsRefused() {
            Map<String, Object> claims = nga();
            claims.put("name", " \u200B ");

            assertThat(refused(claims, VneidLevel.LEVEL_1).refusal()).isEqualTo(VneidRefusal.FULL_NAME_MISSING);
        }

        @Test
        void thenAOneWordNameIsAGivenNameOnly() {
            Map<String, Object> claims = nga();
            claims.put("name", "Nga");

            VneidIdentity identity = accepted(claims, VneidLevel.LEVEL_1);

            assertThat(identity.firstName()).isEqualTo("Nga");
            assertThat(identity.lastName()).isEmpty();
        }
    }

    /** Công ty TNHH ABC's VNeID organisation account, as the stand-in VNeID puts it in its tokens. */
    private static Map<String, Object> congTyAbc() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "7d1c1a52-0000-4000-8000-000000000009");
        claims.put("preferred_username", "0312345673");
        claims.put("SoDinhDanh", "0312345673");
        claims.put("name", "Công ty TNHH ABC");
        claims.put("given_name", "Công ty TNHH ABC");
        claims.put("phone_number", "0986050588");
        claims.put("acr", "2");
        claims.put("LoaiTaiKhoan", "2");
        return claims;
    }

    private final VneidIdentityValidator acceptingOrganisations = new VneidIdentityValidator(VneidClaimNames.DEFAULTS,
            VneidIdentityValidator.ACR, VneidAccountKind.DEFAULTS, true);

    private OrganisationIdentity organisation(Map<String, Object> claims, VneidLevel required) {
        VneidCheckResult result = acceptingOrganisations.validate(claims, required);
        assertThat(result).isInstanceOf(VneidCheckResult.AcceptedOrganisation.class);
        return ((VneidCheckResult.AcceptedOrganisation) result).identity();
    }

    private VneidCheckResult.Refused refusedOrganisation(Map<String, Object> claims, VneidLevel required) {
        VneidCheckResult result = acceptingOrganisations.validate(claims, required);
        assertThat(result).isInstanceOf(VneidCheckResult.Refused.class);
        return (VneidCheckResult.Refused) result;
    }

    @Nested
    class GivenAnOrganisationsAccountWhereOrganisationsAreNotAccepted {

        @Test
        void thenCheckO0RefusesIt() {
            VneidCheckResult.Refused refused = refused(congTyAbc(), VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.ORGANISATION_NOT_ACCEPTED);
            assertThat(refused.refusal().check()).isEqualTo("O0");
            assertThat(refused.refusal().messageKey()).isEqualTo("vneidOrganisationNotAccepted");
            assertThat(refused.refusal().eventReason()).isEqualTo("vneid-O0-organisation_not_accepted");
            assertThat(refused.detail()).isEqualTo("account type 2").doesNotContain("0312345673");
        }

        @Test
        void thenO0ComesBeforeEveryOtherCheck() {
            Map<String, Object> claims = congTyAbc();
            claims.put("preferred_username", "052189000123");
            claims.remove("acr");
            claims.remove("name");

            assertThat(refused(claims, VneidLevel.LEVEL_2).refusal()).isEqualTo(VneidRefusal.ORGANISATION_NOT_ACCEPTED);
        }

        @Test
        void thenAPersonalIdNumberDoesNotMakeItACitizensAccount() {
            Map<String, Object> claims = nga();
            claims.put("LoaiTaiKhoan", "3");

            assertThat(refused(claims, VneidLevel.LEVEL_1).refusal()).isEqualTo(VneidRefusal.ORGANISATION_NOT_ACCEPTED);
        }
    }

    @Nested
    class GivenAnOrganisationsAccountWhereOrganisationsAreAccepted {

        @Test
        void thenTheOrganisationsIdentityIsAccepted() {
            OrganisationIdentity identity = organisation(congTyAbc(), VneidLevel.LEVEL_1);

            assertThat(identity.taxCode().value()).isEqualTo("0312345673");
            assertThat(identity.name()).isEqualTo("Công ty TNHH ABC");
            assertThat(identity.phoneNumber()).isEqualTo("0986050588");
            assertThat(identity.email()).isNull();
            assertThat(identity.level()).isEqualTo(VneidLevel.LEVEL_2);
            assertThat(identity.accountType()).isEqualTo("2");
        }

        @Test
        void thenItsUserAttributesNameTheOrganisationAndNoPerson() {
            assertThat(organisation(congTyAbc(), VneidLevel.LEVEL_1).userAttributes()).containsExactly(
                    Map.entry("tax_code", "0312345673"),
                    Map.entry("organisation_name", "Công ty TNHH ABC"),
                    Map.entry("vneid_level", "2"),
                    Map.entry("vneid_account_type", "2"));
        }

        @Test
        void thenTheLegalRepresentativesPhoneIsNeverAnAttributeOfTheOrganisation() {
            assertThat(organisation(congTyAbc(), VneidLevel.LEVEL_1).userAttributes())
                    .doesNotContainKeys("phone_number", "email").doesNotContainValue("0986050588");
        }

        @Test
        void thenToStringShowsOnlyTheMaskedCodeAndTheLevel() {
            String text = organisation(congTyAbc(), VneidLevel.LEVEL_1).toString();

            assertThat(text).contains("031******3", "level 2").doesNotContain("0312345673", "ABC", "0986050588");
        }

        @Test
        void thenTheVietnameseClaimNamesAreRead() {
            Map<String, Object> claims = new HashMap<>();
            claims.put("SoDinhDanh", "0312345673");
            claims.put("HoVaTen", "Công ty TNHH ABC");
            claims.put("SoDienThoai", "0986050588");
            claims.put("ThuDienTu", "lienhe@abc.example.vn");
            claims.put("LoaiTaiKhoan", 3);
            claims.put("acr", "LoA2");

            OrganisationIdentity identity = organisation(claims, VneidLevel.LEVEL_2);

            assertThat(identity.taxCode().value()).isEqualTo("0312345673");
            assertThat(identity.name()).isEqualTo("Công ty TNHH ABC");
            assertThat(identity.phoneNumber()).isEqualTo("0986050588");
            assertThat(identity.email()).isEqualTo("lienhe@abc.example.vn");
            assertThat(identity.accountType()).isEqualTo("3");
        }

        @Test
        void thenABranchsCodeIsKeptInItsCanonicalForm() {
            Map<String, Object> claims = congTyAbc();
            claims.put("preferred_username", "0312345673001");

            assertThat(organisation(claims, VneidLevel.LEVEL_1).taxCode().value()).isEqualTo("0312345673-001");
        }

        @Test
        void thenNoDateOfBirthOrGenderIsAskedFor() {
            Map<String, Object> claims = congTyAbc();
            claims.put("gender", "female");
            claims.put("birthdate", "not a date");

            assertThat(organisation(claims, VneidLevel.LEVEL_1).userAttributes())
                    .doesNotContainKeys("cccd", "full_name", "birthdate", "gender");
        }
    }

    @Nested
    class GivenCheckO1TheTaxCode {

        @Test
        void thenAMissingCodeIsRefused() {
            Map<String, Object> claims = congTyAbc();
            claims.remove("preferred_username");
            claims.remove("SoDinhDanh");

            VneidCheckResult.Refused refused = refusedOrganisation(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.TAX_CODE_INVALID);
            assertThat(refused.refusal().check()).isEqualTo("O1");
            assertThat(refused.refusal().messageKey()).isEqualTo("vneidTaxCodeInvalid");
            assertThat(refused.detail()).isEqualTo("tax-code-missing");
        }

        @Test
        void thenAWrongCheckDigitIsRefusedWithoutEchoingTheCode() {
            Map<String, Object> claims = congTyAbc();
            claims.put("preferred_username", "0312345674");

            VneidCheckResult.Refused refused = refusedOrganisation(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.TAX_CODE_INVALID);
            assertThat(refused.detail()).isEqualTo("tax-code-check-digit").doesNotContain("031234567");
        }

        @Test
        void thenAPersonalIdNumberIsNoTaxCode() {
            Map<String, Object> claims = congTyAbc();
            claims.put("preferred_username", "052189000123");

            assertThat(refusedOrganisation(claims, VneidLevel.LEVEL_1).detail()).isEqualTo("tax-code-length");
        }

        @Test
        void thenACodeSentAsAJsonNumberIsRefusedBecauseItsLeadingZeroIsLost() {
            Map<String, Object> claims = congTyAbc();
            claims.put("preferred_username", 312345673L);
            claims.remove("SoDinhDanh");

            assertThat(refusedOrganisation(claims, VneidLevel.LEVEL_1).refusal())
                    .isEqualTo(VneidRefusal.TAX_CODE_INVALID);
        }
    }

    @Nested
    class GivenCheckV2TheLevelOfAnOrganisation {

        @Test
        void thenAMissingLevelIsRefused() {
            Map<String, Object> claims = congTyAbc();
            claims.remove("acr");

            VneidCheckResult.Refused refused = refusedOrganisation(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.LEVEL_MISSING);
            assertThat(refused.detail()).isEqualTo("acr absent");
        }

        @Test
        void thenALowerLevelThanRequiredIsRefused() {
            Map<String, Object> claims = congTyAbc();
            claims.put("acr", "1");

            VneidCheckResult.Refused refused = refusedOrganisation(claims, VneidLevel.LEVEL_2);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.LEVEL_TOO_LOW);
            assertThat(refused.detail()).isEqualTo("level 1, required 2");
        }
    }

    @Nested
    class GivenCheckO3TheOrganisationsName {

        @Test
        void thenAMissingNameIsRefused() {
            Map<String, Object> claims = congTyAbc();
            claims.remove("name");
            claims.remove("given_name");

            VneidCheckResult.Refused refused = refusedOrganisation(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.ORGANISATION_NAME_MISSING);
            assertThat(refused.refusal().check()).isEqualTo("O3");
            assertThat(refused.refusal().messageKey()).isEqualTo("vneidOrganisationNameMissing");
        }

        @Test
        void thenTheGivenNameAloneIsAName() {
            Map<String, Object> claims = congTyAbc();
            claims.remove("name");

            assertThat(organisation(claims, VneidLevel.LEVEL_1).name()).isEqualTo("Công ty TNHH ABC");
        }

        @Test
        void thenTheFirstCheckInOrderIsReported() {
            Map<String, Object> claims = congTyAbc();
            claims.put("preferred_username", "0312345674");
            claims.put("acr", "1");
            claims.remove("name");
            claims.remove("given_name");

            assertThat(refusedOrganisation(claims, VneidLevel.LEVEL_2).refusal())
                    .isEqualTo(VneidRefusal.TAX_CODE_INVALID);
        }
    }

    @Nested
    class GivenACitizensAccountWhereOrganisationsAreAccepted {

        @Test
        void thenACitizensAccountTypeKeepsTheCitizensChecks() {
            Map<String, Object> claims = nga();
            claims.put("LoaiTaiKhoan", "1");

            VneidCheckResult result = acceptingOrganisations.validate(claims, VneidLevel.LEVEL_1);

            assertThat(result).isInstanceOfSatisfying(VneidCheckResult.Accepted.class,
                    accepted -> assertThat(accepted.identity().idNumber().value()).isEqualTo("052189000123"));
        }

        @Test
        void thenATenDigitUsernameWithoutAnAccountTypeIsStillCheckV1() {
            Map<String, Object> claims = congTyAbc();
            claims.remove("LoaiTaiKhoan");

            VneidCheckResult.Refused refused = refusedOrganisation(claims, VneidLevel.LEVEL_1);

            assertThat(refused.refusal()).isEqualTo(VneidRefusal.ID_NUMBER_INVALID);
            assertThat(refused.detail()).isEqualTo("cccd-length");
        }
    }

    @Nested
    class GivenSeveralProblems {

        @Test
        void thenTheFirstCheckInNumberOrderIsReported() {
            Map<String, Object> claims = nga();
            claims.remove("preferred_username");
            claims.put("acr", "1");
            claims.remove("name");

            assertThat(refused(claims, VneidLevel.LEVEL_2).refusal()).isEqualTo(VneidRefusal.ID_NUMBER_INVALID);
        }
    }
}

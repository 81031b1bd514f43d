package vn.vneidbridge.organisation.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.AbstractSimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.ValidatorFactory;
import vn.vneidbridge.core.user.UserAttributes;

class TaxCodeValidatorTest {

    private static final String ATTRIBUTE = UserAttributes.TAX_CODE;
    /** What the user profile gives every validator of an attribute: empty values are the "required" rule's. */
    private static final ValidatorConfig USER_PROFILE = ValidatorConfig.builder()
            .config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, true).build();

    private static ValidationContext validate(String value, ValidationContext context, ValidatorConfig config) {
        return TaxCodeValidator.INSTANCE.validate(value, ATTRIBUTE, context, config);
    }

    private static List<String> messages(ValidationContext context) {
        return context.getErrors().stream().map(ValidationError::getMessage).toList();
    }

    @Nested
    class GivenAValue {

        @ParameterizedTest
        @ValueSource(strings = {"0312345673", "0100233488", "0314409058-002", "0314409058002", "0312345680"})
        void thenAValidCodeHasNoError(String value) {
            assertThat(validate(value, new ValidationContext(), USER_PROFILE).isValid()).isTrue();
        }

        @ParameterizedTest
        @CsvSource({
            "0100233480,     vneid-tax-code-check-digit",
            "9876543210,     vneid-tax-code-check-digit",
            "0314409058-000, vneid-tax-code-branch-zero",
            "031234567a,     vneid-tax-code-format",
            "0312 345673,    vneid-tax-code-format",
        })
        void thenEachProblemIsOneErrorWithItsMessageKey(String value, String key) {
            ValidationContext context = validate(value, new ValidationContext(), USER_PROFILE);

            assertThat(context.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getValidatorId()).isEqualTo(TaxCodeValidator.ID);
                assertThat(error.getInputHint()).isEqualTo(ATTRIBUTE);
                assertThat(error.getMessage()).isEqualTo(key);
                assertThat(error.getMessageParameters()).isEmpty();
            });
        }

        @Test
        void thenTheLengthErrorCarriesTheNumberOfDigits() {
            ValidationContext context = validate("031234567312", new ValidationContext(), USER_PROFILE);

            assertThat(context.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getMessage()).isEqualTo("vneid-tax-code-length");
                assertThat(error.getMessageParameters()).containsExactly("12");
            });
        }

        @Test
        void thenEveryProblemOfTheCodeIsReported() {
            assertThat(messages(validate("0100233480-000", new ValidationContext(), USER_PROFILE)))
                    .containsExactly("vneid-tax-code-check-digit", "vneid-tax-code-branch-zero");
        }

        @Test
        void thenAnEmptyValueIsLeftToTheRequiredRuleInTheUserProfile() {
            assertThat(validate("", new ValidationContext(), USER_PROFILE).isValid()).isTrue();
            assertThat(messages(validate(" ", new ValidationContext(), ValidatorConfig.EMPTY)))
                    .containsExactly("vneid-tax-code-missing");
        }
    }

    @Nested
    class GivenAnAccount {

        private static final String STORED = "0312345673";
        private static final String OTHER = "0100233488";

        private UserProfileAttributeValidationContext profile(String verifiedBefore, String newValue,
                List<String> verifiedAfter) {
            Map<String, String> stored = new HashMap<>();
            stored.put(UserAttributes.TAX_CODE, STORED);
            stored.put(UserAttributes.TAX_CODE_VERIFIED, verifiedBefore);
            UserModel user = Stub.of(UserModel.class)
                    .on("getFirstAttribute", args -> stored.get((String) args[0]))
                    .build();
            Map<String, List<String>> after = new HashMap<>();
            after.put(ATTRIBUTE, List.of(newValue));
            if (verifiedAfter != null) {
                after.put(UserAttributes.TAX_CODE_VERIFIED, verifiedAfter);
            }
            Attributes attributes = Stub.of(Attributes.class).on("toMap", args -> after).build();
            return new UserProfileAttributeValidationContext(new AttributeContext(UserProfileContext.USER_API, null,
                    Map.entry(ATTRIBUTE, List.of(newValue)), user, null, attributes));
        }

        @Test
        void thenChangingAVerifiedCodeWhileItStaysMarkedVerifiedIsRefused() {
            ValidationContext context = validate(OTHER, profile("true", OTHER, List.of("true")), USER_PROFILE);

            assertThat(messages(context)).containsExactly(TaxCodeValidator.MESSAGE_VERIFIED_CHANGE);
        }

        @Test
        void thenChangingAVerifiedCodeAndClearingTheMarkIsAccepted() {
            assertThat(validate(OTHER, profile("true", OTHER, null), USER_PROFILE).isValid()).isTrue();
            assertThat(validate(OTHER, profile("true", OTHER, List.of()), USER_PROFILE).isValid()).isTrue();
            assertThat(validate(OTHER, profile("true", OTHER, List.of("false")), USER_PROFILE).isValid()).isTrue();
        }

        @Test
        void thenKeepingAVerifiedCodeIsAccepted() {
            assertThat(validate(STORED, profile("true", STORED, List.of("true")), USER_PROFILE).isValid()).isTrue();
        }

        @Test
        void thenAnUnverifiedCodeMayBeChanged() {
            assertThat(validate(OTHER, profile(null, OTHER, List.of("true")), USER_PROFILE).isValid()).isTrue();
        }

        @Test
        void thenAMalformedReplacementOfAVerifiedCodeGetsBothErrors() {
            String wrong = "0100233480";
            ValidationContext context = validate(wrong, profile("true", wrong, List.of("true")), USER_PROFILE);

            assertThat(messages(context))
                    .containsExactly("vneid-tax-code-check-digit", TaxCodeValidator.MESSAGE_VERIFIED_CHANGE);
        }
    }

    @Nested
    class GivenKeycloak {

        @Test
        void thenTheValidatorIsListedAsAValidatorFactory() throws IOException {
            Enumeration<URL> files = TaxCodeValidatorTest.class.getClassLoader()
                    .getResources("META-INF/services/" + ValidatorFactory.class.getName());
            boolean listed = false;
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    listed |= new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .anyMatch(TaxCodeValidator.class.getName()::equals);
                }
            }
            assertThat(listed).isTrue();
        }

        @Test
        void thenItHasAnIdAHelpTextAndNoConfiguration() {
            assertThat(TaxCodeValidator.INSTANCE.getId()).isEqualTo("tax-code");
            assertThat(TaxCodeValidator.INSTANCE.getHelpText()).isNotBlank();
            assertThat(TaxCodeValidator.INSTANCE.getConfigProperties()).isEmpty();
        }
    }
}

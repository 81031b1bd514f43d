package vn.vneidbridge.organisation.profile;

import java.util.Collection;
import java.util.List;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;
import vn.vneidbridge.core.id.IdNumberProblem;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * User-profile validator "tax-code": the value must be a valid tax code (mã số thuế) — 10 digits, or a branch's 13
 * ({@code 0123456789-001}), whose 10th digit is the check digit of the other nine. Each problem has its own localized
 * message ("Mã số thuế phải có 10 hoặc 13 chữ số ...").
 * <p>
 * A verified code stays tied to its verification: changing the code of an account whose tax code is verified, while
 * {@code tax_code_verified} stays "true", is refused ("vneidTaxCodeVerifiedChange") — whoever changes it (an
 * administrator, as the organisation never may) clears the mark, and the organisation verifies the new code again.
 */
public final class TaxCodeValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "tax-code";
    public static final TaxCodeValidator INSTANCE = new TaxCodeValidator();
    static final String MESSAGE_VERIFIED_CHANGE = "vneidTaxCodeVerifiedChange";
    private static final String TRUE = "true";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        for (IdNumberProblem problem : TaxCode.parse(value).errors()) {
            context.addError(new ValidationError(ID, inputHint, "vneid-" + problem.code(),
                    problem.arguments().toArray()));
        }
        if (changesAVerifiedCode(value, context)) {
            context.addError(new ValidationError(ID, inputHint, MESSAGE_VERIFIED_CHANGE));
        }
    }

    private static boolean changesAVerifiedCode(String value, ValidationContext context) {
        if (!(context instanceof UserProfileAttributeValidationContext profile)) {
            return false;
        }
        AttributeContext attribute = profile.getAttributeContext();
        UserModel user = attribute.getUser();
        if (user == null || !TRUE.equals(user.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED))
                || value.equals(user.getFirstAttribute(UserAttributes.TAX_CODE))) {
            return false;
        }
        Collection<String> verifiedAfter = attribute.getAttributes().toMap().get(UserAttributes.TAX_CODE_VERIFIED);
        return verifiedAfter != null && verifiedAfter.contains(TRUE);
    }

    @Override
    public String getHelpText() {
        return "A valid Vietnamese tax code (mã số thuế): 10 digits, or 13 for a branch (0123456789-001).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}

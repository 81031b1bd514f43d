package vn.vneidbridge.cccd.profile;

import java.util.ArrayList;
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
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * User-profile validator "cccd": the value must be a valid 12-digit personal identification number (province
 * code, century/gender digit, birth year). Each problem has its own localized message ("Mã tỉnh 099 không
 * hợp lệ", ...). Config {@code unknownProvince=warn} accepts numbers whose 3-digit prefix is not a known
 * province (births registered abroad).
 * <p>
 * A verified number stays tied to its verification: changing the number of an account whose CCCD is verified,
 * while {@code cccd_verified} stays "true", is refused ("vneidCccdVerifiedChange") — whoever changes it (an
 * administrator, as the citizen never may) clears the mark, and the citizen verifies the new number again.
 */
public final class CccdValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "cccd";
    public static final String CFG_UNKNOWN_PROVINCE = "unknownProvince";
    public static final CccdValidator INSTANCE = new CccdValidator();
    static final String MESSAGE_VERIFIED_CHANGE = "vneidCccdVerifiedChange";
    private static final String TRUE = "true";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty unknown = new ProviderConfigProperty();
        unknown.setName(CFG_UNKNOWN_PROVINCE);
        unknown.setLabel("Unknown province code");
        unknown.setHelpText("'reject' (default) refuses a number whose first 3 digits are no known province; "
                + "'warn' accepts it (births registered abroad).");
        unknown.setType(ProviderConfigProperty.LIST_TYPE);
        unknown.setOptions(List.of("reject", "warn"));
        unknown.setDefaultValue("reject");
        CONFIG.add(unknown);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        PersonalIdRules rules = "warn".equals(config.getStringOrDefault(CFG_UNKNOWN_PROVINCE, "reject"))
                ? PersonalIdRules.lenient() : PersonalIdRules.strict();
        for (IdNumberProblem problem : PersonalIdNumber.parse(value, rules).errors()) {
            context.addError(new ValidationError(ID, inputHint, "vneid-" + problem.code(),
                    problem.arguments().toArray()));
        }
        if (changesAVerifiedNumber(value, context)) {
            context.addError(new ValidationError(ID, inputHint, MESSAGE_VERIFIED_CHANGE));
        }
    }

    private static boolean changesAVerifiedNumber(String value, ValidationContext context) {
        if (!(context instanceof UserProfileAttributeValidationContext profile)) {
            return false;
        }
        AttributeContext attribute = profile.getAttributeContext();
        UserModel user = attribute.getUser();
        if (user == null || !TRUE.equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED))
                || value.equals(user.getFirstAttribute(UserAttributes.CCCD))) {
            return false;
        }
        Collection<String> verifiedAfter = attribute.getAttributes().toMap().get(UserAttributes.CCCD_VERIFIED);
        return verifiedAfter != null && verifiedAfter.contains(TRUE);
    }

    @Override
    public String getHelpText() {
        return "A valid 12-digit Vietnamese personal identification number (CCCD).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.copyOf(CONFIG);
    }
}

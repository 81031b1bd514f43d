package vn.vneidbridge.cccd.profile;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;
import vn.vneidbridge.core.id.IdNumberProblem;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.PersonalIdRules;

/**
 * User-profile validator "cccd": the value must be a valid 12-digit personal identification number (province
 * code, century/gender digit, birth year). Each problem has its own localized message ("Mã tỉnh 099 không
 * hợp lệ", ...). Config {@code unknownProvince=warn} accepts numbers whose 3-digit prefix is not a known
 * province (births registered abroad).
 */
public final class CccdValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "cccd";
    public static final String CFG_UNKNOWN_PROVINCE = "unknownProvince";
    public static final CccdValidator INSTANCE = new CccdValidator();

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

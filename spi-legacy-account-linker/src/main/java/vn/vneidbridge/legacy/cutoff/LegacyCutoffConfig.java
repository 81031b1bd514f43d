package vn.vneidbridge.legacy.cutoff;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.AuthenticatorConfigModel;
import vn.vneidbridge.core.broker.VneidProvider;

/**
 * Typed, null-safe view of the cutoff step's settings. An execution that was never configured applies the
 * Decree's dates (citizens 01/07/2024, organisations and businesses 30/06/2025) with mode link-only; a date
 * is written dd/MM/yyyy (as shown to citizens) or yyyy-MM-dd. A value that cannot be read counts as its default.
 */
final class LegacyCutoffConfig {

    static final String DEFAULT_CITIZEN_DATE_TEXT = "01/07/2024";
    static final String DEFAULT_ORGANISATION_DATE_TEXT = "30/06/2025";
    static final String DEFAULT_IDP_ALIAS = VneidProvider.ALIAS;
    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, String> values;

    LegacyCutoffConfig(AuthenticatorConfigModel model) {
        this.values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }

    CutoffPolicy policy() {
        return new CutoffPolicy(
                date(LegacyCutoffConfigProperties.CITIZEN_DATE, DEFAULT_CITIZEN_DATE_TEXT),
                mode(LegacyCutoffConfigProperties.CITIZEN_MODE),
                date(LegacyCutoffConfigProperties.ORGANISATION_DATE, DEFAULT_ORGANISATION_DATE_TEXT),
                mode(LegacyCutoffConfigProperties.ORGANISATION_MODE));
    }

    String idpAlias() {
        String alias = values.get(LegacyCutoffConfigProperties.IDP_ALIAS);
        return alias == null || alias.isBlank() ? DEFAULT_IDP_ALIAS : alias.trim();
    }

    private CutoffMode mode(String key) {
        return CutoffMode.parse(values.get(key)).orElse(CutoffMode.LINK_ONLY);
    }

    private LocalDate date(String key, String defaultText) {
        return parseDate(values.get(key)).orElseGet(() -> parseDate(defaultText).orElseThrow());
    }

    static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank() || text.length() > 10) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            return Optional.of(trimmed.contains("/") ? LocalDate.parse(trimmed, DISPLAY) : LocalDate.parse(trimmed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

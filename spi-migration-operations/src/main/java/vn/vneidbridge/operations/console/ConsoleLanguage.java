package vn.vneidbridge.operations.console;

import java.util.List;
import java.util.Locale;

/**
 * The language of the operators' pages: Vietnamese or English. The one asked for ({@code ?lang=}) when it is one
 * of them, else the one Keycloak resolved for the request (its locale cookie, the browser's languages, the realm's
 * default), else Vietnamese.
 */
public final class ConsoleLanguage {

    public static final List<String> LANGUAGES = List.of("vi", "en");

    private ConsoleLanguage() {
    }

    public static String choose(String asked, Locale resolved) {
        String wanted = normal(asked);
        if (wanted != null) {
            return wanted;
        }
        String fromKeycloak = resolved == null ? null : normal(resolved.getLanguage());
        return fromKeycloak != null ? fromKeycloak : "vi";
    }

    private static String normal(String language) {
        if (language == null) {
            return null;
        }
        String code = language.trim().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-');
        if (dash > 0) {
            code = code.substring(0, dash);
        }
        return LANGUAGES.contains(code) ? code : null;
    }
}

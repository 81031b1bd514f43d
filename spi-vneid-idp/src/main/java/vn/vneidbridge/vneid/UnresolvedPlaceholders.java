package vn.vneidbridge.vneid;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the production realm file's placeholders ({@code ${DVC_...}}, see {@code realm-export/README.md}) left in
 * the values of an imported realm.
 *
 * <p>Keycloak's realm import ({@code --import-realm}, {@code kc.sh import}) replaces {@code ${VAR}} and
 * {@code ${VAR:default}} with the environment variable {@code VAR} or the default, and leaves a {@code ${VAR}}
 * without default as it is when {@code VAR} is not set ({@code StringPropertyReplacer}): a missing client secret
 * would become the public text {@code ${DVC_PORTAL_DVCQG_SECRET}}, a missing redirect URI a URI no portal has. An
 * import through the admin console or the admin API replaces nothing, so there the defaults stay too
 * ({@code ${DVC_CUTOFF_CITIZEN_MODE:closed}}). Both are found; Keycloak's own {@code ${role_...}},
 * {@code ${client_...}} message keys and {@code ${vault.key}} expressions are not placeholders of ours.</p>
 */
final class UnresolvedPlaceholders {

    /** {@code ${DVC_NAME}} or {@code ${DVC_NAME:default}}, as the realm file writes them. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(DVC_[A-Z0-9_]+)(?::[^}]*)?}");

    private UnresolvedPlaceholders() {
    }

    /**
     * The variables whose placeholder is still in one of {@code values}.
     *
     * @param values where (e.g. {@code client dvcqg-portal secret}) → the stored value; null values are skipped
     * @return the variable names, sorted; empty when every placeholder was replaced
     */
    static Set<String> in(Map<String, String> values) {
        Set<String> names = new TreeSet<>();
        values.values().forEach(value -> {
            if (value != null) {
                Matcher matcher = PLACEHOLDER.matcher(value);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        });
        return names;
    }

    /**
     * The {@code DVC_...} variables of {@code environment} that must not reach a realm file: set but empty (an empty
     * value replaces the placeholder, default included, so an empty portal secret or VNeID environment would be
     * imported as is), or holding what would change the file rather than fill one value (Keycloak puts the value
     * into the JSON text unescaped and replaces {@code ${...}} in it again): {@code "}, {@code \}, <code>${</code>,
     * control characters.
     *
     * @return the variable names, sorted; empty when every {@code DVC_...} variable is safe
     */
    static Set<String> unsafe(Map<String, String> environment) {
        Set<String> names = new TreeSet<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("DVC_") && (value == null || value.isBlank() || value.contains("\"")
                    || value.contains("\\") || value.contains("${") || value.chars().anyMatch(c -> c < 0x20))) {
                names.add(name);
            }
        });
        return names;
    }

    /** The refusal naming the unsafe variables (never a value) and what to do. */
    static String unsafeRefusal(String realm, Set<String> names) {
        return "Realm " + realm + " not imported: the environment variable(s) " + String.join(", ", names)
                + " are set but empty, or hold a quote, a backslash, ${ or a control character, which Keycloak"
                + " would put into the realm file as they are. Unset an empty one to take its default; see"
                + " realm-export/README.md";
    }

    /** The refusal naming the variables (never a value) and what to do. */
    static String refusal(String realm, Set<String> names) {
        return "Realm " + realm + " not imported: its file uses the environment variable(s) " + String.join(", ", names)
                + ", which Keycloak's environment does not set (or the file was imported without Keycloak's"
                + " placeholder replacement). Set them and import again with --import-realm or kc.sh import;"
                + " see realm-export/README.md";
    }
}

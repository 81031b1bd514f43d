package vn.vneidbridge.operations.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminRoot;

/**
 * The refusals' texts in the operator's language: the admin messages of the realm's theme (where the realm may
 * override them), else this module's own bundle in that language (vi or en).
 */
final class BulkMessages {

    private final Properties theme;
    private final Properties own;

    BulkMessages(Properties theme, Properties own) {
        this.theme = theme;
        this.own = own;
    }

    static BulkMessages of(KeycloakSession session, RealmModel realm) {
        String language;
        try {
            language = session.getContext().resolveLocale(null).toLanguageTag();
        } catch (RuntimeException unresolved) {
            language = realm.getDefaultLocale() == null ? "en" : realm.getDefaultLocale();
        }
        Properties theme;
        try {
            theme = AdminRoot.getMessages(session, realm, language, "admin-messages", "messages");
        } catch (RuntimeException unresolved) {
            theme = new Properties();
        }
        return new BulkMessages(theme, own(language.startsWith("vi") ? "vi" : "en"));
    }

    String text(BulkJobDefinition.Problem problem) {
        String pattern = theme.getProperty(problem.key(), own.getProperty(problem.key(), problem.key()));
        return new MessageFormat(pattern).format(problem.arguments().toArray());
    }

    static Properties own(String language) {
        Properties messages = new Properties();
        try (InputStream in = BulkMessages.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            if (in != null) {
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    messages.load(reader);
                }
            }
        } catch (IOException e) {
            // the key is shown instead
        }
        return messages;
    }
}

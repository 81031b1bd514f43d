package vn.vneidbridge.operations.bulk;

import java.text.MessageFormat;
import java.util.Properties;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminRoot;

/** The refusals' texts in the operator's language (the operations' messages, vi and en). */
final class BulkMessages {

    private final Properties messages;

    private BulkMessages(Properties messages) {
        this.messages = messages;
    }

    static BulkMessages of(KeycloakSession session, RealmModel realm) {
        String language;
        try {
            language = session.getContext().resolveLocale(null).toLanguageTag();
        } catch (RuntimeException unresolved) {
            language = realm.getDefaultLocale() == null ? "en" : realm.getDefaultLocale();
        }
        return new BulkMessages(AdminRoot.getMessages(session, realm, language, "admin-messages", "messages"));
    }

    String text(BulkJobDefinition.Problem problem) {
        String pattern = messages.getProperty(problem.key(), problem.key());
        return new MessageFormat(pattern).format(problem.arguments().toArray());
    }
}

package vn.vneidbridge.vneid;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminRoot;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The text of one of this module's messages for a refusal the admin console shows ({@code IllegalArgumentException}
 * from {@link VneidIdentityProviderConfig#validate}, whose message Keycloak's admin REST answers as it is): in the
 * admin's language inside a Keycloak request, else in English from this module's own bundle.
 */
final class VneidAdminText {

    private static final String ENGLISH = "/theme-resources/messages/messages_en.properties";

    private VneidAdminText() {
    }

    /** The message {@code key}; the key itself when no bundle has it. */
    static String of(String key) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session != null) {
            try {
                RealmModel realm = session.getContext().getRealm();
                String language = session.getContext().resolveLocale(null).toLanguageTag();
                String text = AdminRoot.getMessages(session, realm, language, "admin-messages", "messages")
                        .getProperty(key);
                if (text != null) {
                    return text;
                }
            } catch (RuntimeException unresolved) {
                // no realm, theme or locale here (e.g. at start-up): the English text below
            }
        }
        return english().getProperty(key, key);
    }

    private static Properties english() {
        Properties messages = new Properties();
        try (InputStream in = VneidAdminText.class.getResourceAsStream(ENGLISH)) {
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

package vn.vneidbridge.cccd.authenticator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The module's theme messages as Keycloak reads them (UTF-8). */
final class Messages {

    private Messages() {
    }

    static Properties load(String language) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/theme-resources/messages/messages_" + language
                + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}

package vn.vneidbridge.operations.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The texts of the operators' pages in one language: this package's bundle ({@code messages_vi.properties},
 * {@code messages_en.properties}), with the realm's localization texts of the same keys over them (an operator
 * renames a label in the admin console, Realm settings → Localization).
 */
public final class ConsoleMessages {

    static final String PREFIX = "vneidOps";

    private ConsoleMessages() {
    }

    public static Map<String, String> of(String language, Map<String, String> realmTexts) {
        Map<String, String> messages = new TreeMap<>();
        Properties bundle = bundle(language);
        for (String key : bundle.stringPropertyNames()) {
            messages.put(key, bundle.getProperty(key));
        }
        if (realmTexts != null) {
            realmTexts.forEach((key, text) -> {
                if (key.startsWith(PREFIX) && text != null && !text.isBlank()) {
                    messages.put(key, text);
                }
            });
        }
        return messages;
    }

    static Properties bundle(String language) {
        Properties messages = new Properties();
        try (InputStream in = ConsoleMessages.class.getResourceAsStream("messages_" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("no operators' pages messages for " + language);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}

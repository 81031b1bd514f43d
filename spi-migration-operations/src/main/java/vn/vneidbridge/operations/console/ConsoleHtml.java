package vn.vneidbridge.operations.console;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the page's template: {@code {{lang}}}, {@code {{assets}}}, {@code {{config}}} (the script's settings and
 * texts as JSON in a data block, never executed: {@code <} escaped so no text can close it) and
 * {@code {{msg:key}}} (a text, HTML-escaped).
 */
public final class ConsoleHtml {

    private static final Pattern MESSAGE = Pattern.compile("\\{\\{msg:([A-Za-z0-9]+)}}");

    private ConsoleHtml() {
    }

    public static String render(String template, String language, Map<String, String> messages, String configJson,
                                String assets) {
        String html = template.replace("{{lang}}", escape(language))
                .replace("{{assets}}", escape(assets))
                .replace("{{config}}", configJson.replace("<", "\\u003c").replace(">", "\\u003e")
                        .replace("&", "\\u0026"));
        Matcher matcher = MESSAGE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape(messages.getOrDefault(key, key))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** scheme://host[:port] of a URI. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}

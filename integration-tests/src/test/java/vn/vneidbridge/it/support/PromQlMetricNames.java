package vn.vneidbridge.it.support;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left once string literals, label matchers, ranges, grouping
 * clauses, Grafana variables and numbers are taken out, less functions (a name followed by a parenthesis) and
 * keywords. Enough for the expressions of our dashboard and alert rules, not a PromQL parser.
 */
public final class PromQlMetricNames {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQlMetricNames() {
    }

    public static Set<String> of(String expression) {
        String rest = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\{?\\w+(:\\w+)?}?", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?([eE][-+]?\\d+)?[smhdwy]?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(rest);
        while (matcher.find()) {
            String word = matcher.group();
            String after = rest.substring(matcher.end()).stripLeading();
            if (after.startsWith("(") || KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            names.add(word);
        }
        return names;
    }
}

package vn.vneidbridge.it.threatmodel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test as the threat model names it: {@code ClassName#methodName}, or for a test of a {@code @Nested} class
 * {@code OuterIT.GivenX#thenY} (nested classes joined with dots).
 */
record TestReference(String outerClass, List<String> nestedClasses, String method) {

    private static final Pattern FORM = Pattern.compile("([A-Z]\\w*)((?:\\.[A-Z]\\w*)*)#([a-z_]\\w*)");

    TestReference {
        nestedClasses = List.copyOf(nestedClasses);
    }

    /** The reference written as {@code text}, or empty when it is not of that form. */
    static Optional<TestReference> parse(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> nested = matcher.group(2).isEmpty() ? List.of()
                : List.of(matcher.group(2).substring(1).split("\\."));
        return Optional.of(new TestReference(matcher.group(1), nested, matcher.group(3)));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(outerClass);
        nestedClasses.forEach(nested -> text.append('.').append(nested));
        return text.append('#').append(method).toString();
    }
}

package vn.vneidbridge.it.threatmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java file read as code, just enough to tell whether a test is declared in it: comments and the contents of
 * string and character literals are blanked out (so a test named in a comment or a string does not count), and the
 * braces are counted, so a class's body and its direct members are known. Not a parser: it expects code that
 * compiles.
 */
final class JavaSource {

    private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
            "abstract", "synchronized", "strictfp", "default", "sealed");

    /** A class's declaration: where its keyword {@code class} starts, its body's braces. */
    record ClassBody(int keyword, int open, int close) {
    }

    /** A method's annotations (simple names) and modifiers. */
    record Declaration(List<String> annotations, List<String> modifiers) {
    }

    private final String code;
    /** {@code depth[i]}: the braces open before position {@code i}. */
    private final int[] depth;

    JavaSource(String text) {
        this.code = blankCommentsAndLiterals(text);
        this.depth = new int[code.length() + 1];
        int open = 0;
        for (int i = 0; i < code.length(); i++) {
            depth[i] = open;
            char c = code.charAt(i);
            if (c == '{') {
                open++;
            } else if (c == '}') {
                open--;
            }
        }
        depth[code.length()] = open;
    }

    /** The class {@code name} declared at the top level of the file. */
    Optional<ClassBody> topLevelClass(String name) {
        return classAtDepth(name, 0, 0, code.length());
    }

    /** The class {@code name} declared directly in the body of {@code outer} (a member, not a local class). */
    Optional<ClassBody> memberClass(ClassBody outer, String name) {
        return classAtDepth(name, depth[outer.open()] + 1, outer.open(), outer.close());
    }

    /** The simple name of the class {@code body} extends, if it says. */
    Optional<String> superclass(ClassBody body) {
        Matcher extendsClause = Pattern.compile("\\bextends\\s+([\\w.]+)")
                .matcher(code.substring(body.keyword(), body.open()));
        return extendsClause.find() ? Optional.of(simpleName(extendsClause.group(1))) : Optional.empty();
    }

    /** The modifiers and annotations written before a class's keyword {@code class}. */
    Declaration declarationOf(ClassBody body) {
        return declarationBefore(body.keyword());
    }

    /** The method {@code void name(} declared directly in {@code body}, as its annotations and modifiers. */
    Optional<Declaration> voidMethod(ClassBody body, String name) {
        int memberDepth = depth[body.open()] + 1;
        Matcher method = Pattern.compile("\\bvoid\\s+" + Pattern.quote(name) + "\\s*\\(").matcher(code);
        method.region(body.open() + 1, body.close());
        while (method.find()) {
            if (depth[method.start()] == memberDepth) {
                return Optional.of(declarationBefore(method.start()));
            }
        }
        return Optional.empty();
    }

    private Optional<ClassBody> classAtDepth(String name, int wanted, int from, int to) {
        Matcher declaration = Pattern.compile("\\bclass\\s+" + Pattern.quote(name) + "\\b").matcher(code);
        declaration.region(from, to);
        while (declaration.find()) {
            if (depth[declaration.start()] != wanted) {
                continue;
            }
            int open = code.indexOf('{', declaration.end());
            if (open < 0) {
                return Optional.empty();
            }
            for (int i = open + 1; i < code.length(); i++) {
                if (code.charAt(i) == '}' && depth[i] == depth[open] + 1) {
                    return Optional.of(new ClassBody(declaration.start(), open, i));
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Reads backwards from a declaration's first keyword over its modifiers and annotations (with their arguments),
     * stopping at whatever ends the member before it.
     */
    private Declaration declarationBefore(int position) {
        List<String> annotations = new ArrayList<>();
        List<String> modifiers = new ArrayList<>();
        int i = lastNonSpace(position - 1);
        while (i >= 0) {
            char c = code.charAt(i);
            int nameEnd = i;
            if (c == ')') {
                int open = matchingOpenParenthesis(i);
                if (open < 0) {
                    break;
                }
                nameEnd = lastNonSpace(open - 1);
                if (nameEnd < 0 || !isNamePart(code.charAt(nameEnd))) {
                    break;
                }
            } else if (!isNamePart(c)) {
                break;
            }
            int nameStart = nameEnd;
            while (nameStart > 0 && isNamePart(code.charAt(nameStart - 1))) {
                nameStart--;
            }
            String word = code.substring(nameStart, nameEnd + 1);
            int before = lastNonSpace(nameStart - 1);
            if (before >= 0 && code.charAt(before) == '@') {
                annotations.add(simpleName(word));
                i = lastNonSpace(before - 1);
            } else if (c != ')' && MODIFIERS.contains(word)) {
                modifiers.add(word);
                i = before;
            } else {
                break;
            }
        }
        return new Declaration(List.copyOf(annotations), List.copyOf(modifiers));
    }

    private int matchingOpenParenthesis(int close) {
        int open = 0;
        for (int i = close; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                open++;
            } else if (c == '(' && --open == 0) {
                return i;
            }
        }
        return -1;
    }

    private int lastNonSpace(int from) {
        int i = from;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i;
    }

    private static boolean isNamePart(char c) {
        return Character.isJavaIdentifierPart(c) || c == '.';
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /**
     * The text with every comment and the inside of every string, text block and character literal replaced by
     * spaces (line breaks kept), so positions stay those of the file.
     */
    static String blankCommentsAndLiterals(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = blank(out, i, end < 0 ? text.length() : end);
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = blank(out, i, end < 0 ? text.length() : end + 2);
            } else if (text.startsWith("\"\"\"", i)) {
                int end = literalEnd(text, i + 3, "\"\"\"");
                i = blank(out, i + 3, end) + 3;
            } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                String quote = String.valueOf(text.charAt(i));
                int end = literalEnd(text, i + 1, quote);
                i = blank(out, i + 1, end) + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** Where a literal opened before {@code from} closes, skipping escaped characters. */
    private static int literalEnd(String text, int from, String quote) {
        int i = from;
        while (i < text.length() && !text.startsWith(quote, i)) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, text.length());
    }

    private static int blank(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
        return to;
    }
}

package vn.vneidbridge.core.id;

/**
 * Character-level helpers shared by the id number parsers: no regular expressions, one linear pass each.
 */
final class IdText {

    private IdText() {
    }

    /**
     * Whether {@code c} counts as surrounding whitespace: {@link Character#isWhitespace(char)} or
     * {@link Character#isSpaceChar(char)} (the latter adds the no-break spaces U+00A0, U+2007, U+202F that
     * copy-and-paste from web pages brings). Control characters other than tab, line and form feeds are
     * not whitespace.
     */
    static boolean isSurroundingSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** {@code s} without leading and trailing {@linkplain #isSurroundingSpace surrounding whitespace}. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSurroundingSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSurroundingSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Whether every char of {@code s} is one of the ASCII digits {@code 0}–{@code 9} (true when empty). */
    static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number of code points of {@code s}, i.e. the length a person would count. */
    static int visibleLength(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code digits} with all but the first {@code keepStart} and last {@code keepEnd} chars replaced by '*'. */
    static String mask(String digits, int keepStart, int keepEnd) {
        StringBuilder masked = new StringBuilder(digits.length());
        masked.append(digits, 0, keepStart);
        for (int i = keepStart; i < digits.length() - keepEnd; i++) {
            masked.append('*');
        }
        masked.append(digits, digits.length() - keepEnd, digits.length());
        return masked.toString();
    }
}

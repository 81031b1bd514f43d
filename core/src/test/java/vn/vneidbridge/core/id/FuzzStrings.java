package vn.vneidbridge.core.id;

import java.util.List;
import java.util.Random;

/** Reproducible hostile strings for the parsers' fuzz tests. */
final class FuzzStrings {

    private static final String[] WHITESPACE = {" ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0", "\u2003", "\u3000",
        "\u2028", "\u202F"};
    private static final String[] CONTROLS = {"\u0000", "\u0001", "\u001F", "\u007F", "\u0085", "\u200B", "\u200D",
        "\uFEFF", "\u202E", "\u00AD"};
    private static final String[] SURROGATES = {"\uD83D\uDE00", "\uD835\uDFCE", "\uD835\uDFD7", "\uD800", "\uDC00",
        "\uDBFF\uDFFF", "\uDFFF\uD800"};
    private static final String LETTERS = "abcxyzOIlABCĐđạữỹ-+./_*#";
    /** First code point of ten consecutive non-ASCII decimal digits each. */
    private static final int[] DIGIT_BLOCKS = {0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE, 0x104A0};

    private static final List<Province> PROVINCES = Province.all();

    private final Random random;

    FuzzStrings(long seed) {
        random = new Random(seed);
    }

    /**
     * A random mix of length 0–40, or (one time in three) a near miss of a 12- or 9-digit number: random
     * digits, most 12-digit ones starting with a known province and a past century, with 0–2 mutations.
     */
    String next() {
        return random.nextInt(3) == 0 ? nearMiss() : randomMix(random.nextInt(41));
    }

    private String randomMix(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(piece());
        }
        return s.toString();
    }

    private String nearMiss() {
        StringBuilder s = new StringBuilder();
        int digits = random.nextBoolean() ? 12 : 9;
        if (digits == 12 && random.nextInt(4) > 0) {
            s.append(PROVINCES.get(random.nextInt(PROVINCES.size())).code()).append((char) ('0' + random.nextInt(3)));
        }
        while (s.length() < digits) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return mutate(s);
    }

    /**
     * One time in two {@link #next()}, else a near miss of a tax code: 10 random digits, alone or followed by 3
     * more (with or without a hyphen between), with 0–2 mutations.
     */
    String nextTaxCode() {
        return random.nextBoolean() ? next() : taxCodeNearMiss();
    }

    private String taxCodeNearMiss() {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(3) == 0 ? 10 : 13;
        while (s.length() < length) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        if (length == 13 && random.nextBoolean()) {
            s.insert(10, '-');
        }
        return mutate(s);
    }

    /** {@code s} with 0–2 random insertions, replacements, deletions or surrounding whitespace. */
    private String mutate(StringBuilder s) {
        int mutations = random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(s.length() + 1);
            switch (random.nextInt(4)) {
                case 0:
                    s.insert(at, piece());
                    break;
                case 1:
                    if (at < s.length()) {
                        s.replace(at, at + 1, piece());
                    }
                    break;
                case 2:
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                    break;
                default:
                    s.insert(0, WHITESPACE[random.nextInt(WHITESPACE.length)])
                            .append(WHITESPACE[random.nextInt(WHITESPACE.length)]);
            }
        }
        return s.toString();
    }

    private String piece() {
        switch (random.nextInt(7)) {
            case 0:
            case 1:
                return String.valueOf((char) ('0' + random.nextInt(10)));
            case 2:
                return String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length())));
            case 3:
                return WHITESPACE[random.nextInt(WHITESPACE.length)];
            case 4:
                return new String(Character.toChars(DIGIT_BLOCKS[random.nextInt(DIGIT_BLOCKS.length)]
                        + random.nextInt(10)));
            case 5:
                return SURROGATES[random.nextInt(SURROGATES.length)];
            default:
                return CONTROLS[random.nextInt(CONTROLS.length)];
        }
    }

    /** The test's own reading of "exactly {@code n} ASCII digits once surrounding whitespace is removed". */
    static String digitsOrNull(String s, int n) {
        if (s == null) {
            return null;
        }
        String core = stripSpace(s);
        return core.length() == n && core.chars().allMatch(c -> c >= '0' && c <= '9') ? core : null;
    }

    /**
     * The test's own reading of a well-formed tax code once surrounding whitespace is removed: 10 ASCII digits, 13,
     * or 10, a hyphen and 3; given in its canonical form (with the hyphen for 13 digits), else null. Says nothing
     * about the check digit or the branch suffix.
     */
    static String taxCodeOrNull(String s) {
        if (s == null) {
            return null;
        }
        String core = stripSpace(s);
        if (core.length() == 14 && core.charAt(10) == '-') {
            core = core.substring(0, 10) + core.substring(11);
        }
        if ((core.length() != 10 && core.length() != 13) || !core.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return core.length() == 10 ? core : core.substring(0, 10) + "-" + core.substring(10);
    }

    private static String stripSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}

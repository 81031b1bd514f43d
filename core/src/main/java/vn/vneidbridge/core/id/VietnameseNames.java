package vn.vneidbridge.core.id;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalising, comparing and splitting Vietnamese personal names, for matching a declared name against the
 * population database. Locale-independent; never throws for any input, null included.
 *
 * <p>What never makes two names different: Unicode normalisation form (NFC/NFD), letter case, surrounding
 * and repeated whitespace (including no-break spaces), invisible format or control characters, the
 * look-alikes of {@code Đ/đ} that legacy encodings leave behind ({@code Ð ð Ɖ ɖ}), and the placement of
 * the tone mark inside a syllable (old and new style: {@code Hòa}/{@code Hoà}, {@code Thúy}/{@code Thuý}).
 */
public final class VietnameseNames {

    private VietnameseNames() {
    }

    /**
     * The name as it should be stored: invisible characters dropped, whitespace trimmed and collapsed to
     * single spaces, {@code Đ/đ} look-alikes replaced, NFC. Case and spelling are kept.
     *
     * @param name a name, may be null
     * @return the normalised name; empty for null or blank
     */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean pendingSpace = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else if (!isInvisible(cp)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(canonicalD(cp));
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * Whether two names are the same, diacritics included (see the class comment for what does not count).
     * A null or blank name matches nothing, not even another blank name.
     */
    public static boolean sameName(String a, String b) {
        String keyA = strictKey(a);
        return !keyA.isEmpty() && keyA.equals(strictKey(b));
    }

    /**
     * Whether two names are the same once every diacritic is removed and {@code Đ} read as {@code D}:
     * {@code "Phạm Minh Đức"} matches {@code "PHAM MINH DUC"}. A null or blank name matches nothing.
     */
    public static boolean sameNameIgnoringDiacritics(String a, String b) {
        String keyA = looseKey(a);
        return !keyA.isEmpty() && keyA.equals(looseKey(b));
    }

    /**
     * Splits a full name into family name (first word), middle name (the words between) and given name
     * (last word). One word is a given name only; two words have no middle name. Compound family names
     * ({@code Tôn Thất}, {@code Âu Dương}) cannot be told apart from the text: prefer the parts the
     * population database returns when there are any.
     *
     * @param fullName a full name, may be null; {@linkplain #normalize normalised} before splitting
     */
    public static FullNameParts splitFullName(String fullName) {
        String normalized = normalize(fullName);
        int firstSpace = normalized.indexOf(' ');
        if (firstSpace < 0) {
            return new FullNameParts("", "", normalized);
        }
        int lastSpace = normalized.lastIndexOf(' ');
        String middle = firstSpace == lastSpace ? "" : normalized.substring(firstSpace + 1, lastSpace);
        return new FullNameParts(normalized.substring(0, firstSpace), middle, normalized.substring(lastSpace + 1));
    }

    /**
     * The {@linkplain #normalize normalised} name in upper case with its diacritics, as the population
     * database's {@code HoVaTen} expects: {@code "tô  thị nga"} gives {@code "TÔ THỊ NGA"}.
     */
    public static String upperCaseForRegistry(String name) {
        return Normalizer.normalize(normalize(name).toUpperCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /**
     * The {@linkplain #normalize normalised} name with each word's first letter upper case and the rest lower case,
     * as names are written on the portal's pages: {@code "TÔ THỊ NGA"} gives {@code "Tô Thị Nga"}.
     */
    public static String displayCase(String name) {
        String lower = normalize(name).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean wordStart = true;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(wordStart ? Character.toUpperCase(cp) : cp);
            wordStart = cp == ' ' || cp == '-';
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** NFD, lower case, and in each syllable the tone mark moved after the letters. */
    static String strictKey(String name) {
        String nfd = Normalizer.normalize(normalize(name), Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(nfd.length());
        StringBuilder tones = new StringBuilder(2);
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            if (isToneMark(cp)) {
                tones.appendCodePoint(cp);
            } else {
                if (!Character.isLetter(cp) && !isMark(cp)) {
                    key.append(tones);
                    tones.setLength(0);
                }
                key.appendCodePoint(cp);
            }
        }
        return key.append(tones).toString();
    }

    /** NFD, lower case, every combining mark removed, {@code đ} read as {@code d}. */
    static String looseKey(String name) {
        String nfd = Normalizer.normalize(normalize(name), Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 'Đ' || cp == 'đ') {
                key.append('d');
            } else if (!isMark(cp)) {
                key.appendCodePoint(cp);
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /** The five Vietnamese tone marks in NFD: huyền, sắc, ngã, hỏi, nặng. */
    private static boolean isToneMark(int cp) {
        return cp == '\u0300' || cp == '\u0301' || cp == '\u0303' || cp == '\u0309' || cp == '\u0323';
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    /** Maps the letters mistaken for Đ/đ (Icelandic eth, African D) to Đ/đ. */
    private static int canonicalD(int cp) {
        switch (cp) {
            case '\u00D0':
            case '\u0189':
                return 'Đ';
            case '\u00F0':
            case '\u0256':
                return 'đ';
            default:
                return cp;
        }
    }
}

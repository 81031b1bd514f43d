package vn.vneidbridge.core.id;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Gender as recorded on Vietnamese identity documents (giới tính): two values.
 */
public enum Gender {
    MALE,
    FEMALE;

    /**
     * Reads a gender from the spellings found in claims, forms and registries. Surrounding whitespace, case
     * and Unicode normalisation form are ignored; anything else gives an empty result, never an exception.
     *
     * <table>
     *   <caption>Accepted spellings</caption>
     *   <tr><th>{@link #MALE}</th><td>{@code male}, {@code m}, {@code nam}, {@code 1}</td></tr>
     *   <tr><th>{@link #FEMALE}</th><td>{@code female}, {@code f}, {@code nữ}, {@code nu}, {@code 2}</td></tr>
     * </table>
     *
     * <p>The digits follow ISO/IEC 5218 (1 male, 2 female); {@code 0} ("not known") and every other digit
     * give an empty result. This is <em>not</em> the 4th digit of a {@link PersonalIdNumber} (even = male).
     *
     * @param text the spelling, may be null
     * @return the gender, or empty when {@code text} is null or not one of the spellings above
     */
    public static Optional<Gender> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = Normalizer.normalize(IdText.strip(text), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        switch (key) {
            case "male":
            case "m":
            case "nam":
            case "1":
                return Optional.of(MALE);
            case "female":
            case "f":
            case "nữ":
            case "nu":
            case "2":
                return Optional.of(FEMALE);
            default:
                return Optional.empty();
        }
    }
}

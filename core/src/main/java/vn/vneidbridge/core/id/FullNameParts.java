package vn.vneidbridge.core.id;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * A Vietnamese full name split as the population database does ({@code HoVaTen{Ho, ChuDem, Ten}}).
 * Parts are never null; a missing part is the empty string.
 *
 * @param familyName họ, e.g. {@code "Nguyễn"}
 * @param middleName chữ đệm, zero or more words, e.g. {@code "Văn"} or {@code "Thị Minh"}
 * @param givenName  tên, e.g. {@code "An"}
 */
public record FullNameParts(String familyName, String middleName, String givenName) {

    public FullNameParts {
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(middleName, "middleName");
        Objects.requireNonNull(givenName, "givenName");
    }

    /** The non-empty parts joined by single spaces. */
    public String fullName() {
        StringJoiner joined = new StringJoiner(" ");
        for (String part : new String[] {familyName, middleName, givenName}) {
            if (!part.isEmpty()) {
                joined.add(part);
            }
        }
        return joined.toString();
    }
}

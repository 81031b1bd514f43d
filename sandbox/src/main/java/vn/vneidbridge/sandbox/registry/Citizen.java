package vn.vneidbridge.sandbox.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import vn.vneidbridge.core.id.Gender;

/**
 * A citizen as the population database holds them: what the verification services answer with.
 *
 * @param idNumber           the 12-digit personal identification number (số định danh cá nhân), the key
 * @param cmnd               the old 9-digit identity card number, when the citizen had one
 * @param fullName           full name, family name first, as written (the services send it upper case)
 * @param birthDate          date of birth
 * @param gender             gender
 * @param birthRegistration  where the birth was registered ({@code NoiDangKyKhaiSinh}, "Nơi sinh"), when held
 * @param homeTown           the home town ({@code QueQuan}, "Quê quán"), when held
 * @param permanentResidence the permanent residence ({@code ThuongTru}, "Địa chỉ thường trú"), when held
 */
public record Citizen(String idNumber, Optional<String> cmnd, String fullName, LocalDate birthDate, Gender gender,
                      Optional<Place> birthRegistration, Optional<Place> homeTown,
                      Optional<Place> permanentResidence) {

    public Citizen {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(cmnd, "cmnd");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthRegistration, "birthRegistration");
        Objects.requireNonNull(homeTown, "homeTown");
        Objects.requireNonNull(permanentResidence, "permanentResidence");
        if (!RegistryFormats.isDigits(idNumber, 12)) {
            throw new IllegalArgumentException("idNumber must be 12 ASCII digits");
        }
        if (fullName.isBlank()) {
            throw new IllegalArgumentException("fullName is blank");
        }
    }

    /** A citizen without places. */
    public Citizen(String idNumber, Optional<String> cmnd, String fullName, LocalDate birthDate, Gender gender) {
        this(idNumber, cmnd, fullName, birthDate, gender, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A citizen with a CMND, or none when {@code cmnd} is null; without places. */
    public static Citizen of(String idNumber, String cmnd, String fullName, LocalDate birthDate, Gender gender) {
        return new Citizen(idNumber, Optional.ofNullable(cmnd), fullName, birthDate, gender);
    }

    /** This citizen with these places instead of theirs; null for a place the database does not hold. */
    public Citizen withPlaces(Place birthRegistration, Place homeTown, Place permanentResidence) {
        return new Citizen(idNumber, cmnd, fullName, birthDate, gender, Optional.ofNullable(birthRegistration),
                Optional.ofNullable(homeTown), Optional.ofNullable(permanentResidence));
    }

    /** Only the masked id number ({@code 052******123}); the record holds personal data. */
    @Override
    public String toString() {
        return "Citizen[" + RegistryFormats.mask(idNumber) + "]";
    }

    /**
     * A place of the citizen's record as the services send it ({@code MaTinhThanh}, {@code MaQuanHuyen},
     * {@code MaPhuongXa}, {@code DiaChiDayDu}).
     *
     * @param provinceCode the province's 2-digit administrative code, e.g. {@code 52} (Bình Định), or null
     * @param districtCode the district's 3-digit code, or null
     * @param wardCode     the ward's or commune's 5-digit code, or null
     * @param text         the place in words, e.g. "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định"
     */
    public record Place(String provinceCode, String districtCode, String wardCode, String text) {

        public Place {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("a place's text is blank");
            }
            for (String code : new String[] {provinceCode, districtCode, wardCode}) {
                if (code != null && !isCode(code)) {
                    throw new IllegalArgumentException("a place's codes are ASCII digits");
                }
            }
        }

        /** A place in words only. */
        public static Place of(String text) {
            return new Place(null, null, null, text);
        }

        private static boolean isCode(String code) {
            return !code.isEmpty() && RegistryFormats.isDigits(code, code.length());
        }

        /** Only the province code; the words are personal data. */
        @Override
        public String toString() {
            return "Place[province=" + (provinceCode == null ? "-" : provinceCode) + "]";
        }
    }
}

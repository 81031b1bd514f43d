package vn.vneidbridge.sandbox.registry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.vneidbridge.core.id.Province;

/**
 * The places of a synthetic citizen, computed from their id number alone, so {@link SyntheticCitizens} stores
 * nothing more per person. The province is the id number's (digits 1–3); the districts, communes, wards, street and
 * house number are picked by a hash of the whole number from short lists of common names. A district's code is its
 * province's × 10 + its index, a ward's its district's × 40 + its index, so within a province a code always has the
 * same name. Plausible, not real: the names are common ones, their combinations need not exist.
 *
 * <p>Birth registration is a commune; the home town is the same commune for about half of the people and another
 * commune of the province for the rest; the permanent residence is a street address in an urban ward.
 */
final class SyntheticPlaces {

    /** The centrally run cities (thành phố trực thuộc trung ương), whose urban districts are quận. */
    private static final Set<String> CITIES = Set.of("001", "031", "048", "079", "092");
    /** Rural districts (huyện): district indexes 0–6. */
    private static final List<String> RURAL_DISTRICTS = List.of("Đông Sơn", "Phú Xuyên", "Thanh Bình", "Yên Lạc",
            "Hòa An", "Tân Phú", "Kim Sơn");
    /** Urban districts (thị xã, or quận in a city): district indexes 7–9. */
    private static final List<String> URBAN_DISTRICTS = List.of("Hòa Bình", "Thống Nhất", "Tân An");
    /** Communes (xã) of a rural district: ward indexes 0–15. */
    private static final List<String> COMMUNES = List.of("An Bình", "Tân Lập", "Hòa Lợi", "Quang Trung",
            "Đông Hưng", "Phú Lộc", "Thanh Sơn", "Hưng Đạo", "Tiên Phong", "Minh Khai", "Nghĩa Hưng", "Hồng Phong",
            "Tân Thành", "Vĩnh Hòa", "Phước Sơn", "Bình Minh");
    /** Wards (phường) of an urban district: ward indexes 16–27. */
    private static final List<String> WARDS = List.of("Quang Trung", "Trần Phú", "Lê Lợi", "Hoàng Văn Thụ",
            "Nguyễn Trãi", "Lý Thường Kiệt", "Hùng Vương", "Phan Chu Trinh", "Ngô Quyền", "Bạch Đằng", "Tân Thịnh",
            "Đông Thành");
    private static final List<String> STREETS = List.of("Trần Phú", "Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng",
            "Lý Thường Kiệt", "Quang Trung", "Phan Đình Phùng", "Hùng Vương");
    private static final int HOUSE_NUMBERS = 199;

    private SyntheticPlaces() {
    }

    /** {@code citizen} with their places; unchanged when the id number's first three digits are no province. */
    static Citizen placed(Citizen citizen) {
        Optional<Province> province = Province.byCode(citizen.idNumber().substring(0, 3));
        if (province.isEmpty()) {
            return citizen;
        }
        InProvince in = new InProvince(province.get());
        Picks picks = new Picks(Long.parseLong(citizen.idNumber()));
        Citizen.Place birthRegistration = in.commune(picks);
        Citizen.Place otherCommune = in.commune(picks);
        boolean bornInHomeTown = picks.next(2) == 0;
        return citizen.withPlaces(birthRegistration, bornInHomeTown ? birthRegistration : otherCommune,
                in.streetAddress(picks));
    }

    /** Places in one province. */
    private record InProvince(int number, String inWords, boolean city) {

        InProvince(Province province) {
            this(Integer.parseInt(province.code()),
                    (CITIES.contains(province.code()) ? "Thành phố " : "Tỉnh ") + province.name(),
                    CITIES.contains(province.code()));
        }

        /** "Xã …, Huyện …, Tỉnh …". */
        Citizen.Place commune(Picks picks) {
            int district = picks.next(RURAL_DISTRICTS.size());
            int commune = picks.next(COMMUNES.size());
            return place(district, commune, "Xã " + COMMUNES.get(commune) + ", Huyện "
                    + RURAL_DISTRICTS.get(district) + ", " + inWords);
        }

        /** "Số … đường …, Phường …, Thị xã …, Tỉnh …" (Quận in a city). */
        Citizen.Place streetAddress(Picks picks) {
            int district = picks.next(URBAN_DISTRICTS.size());
            int ward = picks.next(WARDS.size());
            int street = picks.next(STREETS.size());
            int house = 1 + picks.next(HOUSE_NUMBERS);
            return place(RURAL_DISTRICTS.size() + district, COMMUNES.size() + ward, "Số " + house + " đường "
                    + STREETS.get(street) + ", Phường " + WARDS.get(ward) + (city ? ", Quận " : ", Thị xã ")
                    + URBAN_DISTRICTS.get(district) + ", " + inWords);
        }

        private Citizen.Place place(int districtIndex, int wardIndex, String text) {
            int district = number * 10 + districtIndex;
            return new Citizen.Place(pad(number, 2), pad(district, 3), pad(district * 40 + wardIndex, 5), text);
        }
    }

    /** Successive small choices taken from one 64-bit hash of the id number (a mixed-radix reading). */
    private static final class Picks {

        private long bits;

        Picks(long idNumber) {
            long z = idNumber + 0x9E37_79B9_7F4A_7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
            bits = z ^ (z >>> 31);
        }

        /** A choice in {@code [0, n)}. */
        int next(int n) {
            int choice = (int) Long.remainderUnsigned(bits, n);
            bits = Long.divideUnsigned(bits, n);
            return choice;
        }
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}

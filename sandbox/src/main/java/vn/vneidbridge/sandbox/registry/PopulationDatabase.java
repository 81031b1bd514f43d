package vn.vneidbridge.sandbox.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.vneidbridge.core.id.Gender;

/**
 * The simulator's stand-in for the national population database: citizens by their 12-digit id number.
 * Immutable, so one instance can serve any number of threads.
 *
 * <p>{@link #sandbox()} holds the personas of {@code shared/design/sandbox.md}, with places in their provinces;
 * {@link #withSynthetic(int, long)} adds the people of the benchmark generator
 * ({@code SyntheticAccountGenerator.people(n, seed)}), kept in compact column arrays (about 30 bytes a person, so a
 * million fit in some 30 MB; generating them takes a few seconds), their places computed from their id numbers
 * ({@code SyntheticPlaces}). Synthetic id numbers never collide with the personas' (the generator reserves their
 * serials); if one did, the listed citizen would win.
 */
public final class PopulationDatabase {

    private static final List<Citizen> PERSONAS = List.of(
            Citizen.of("052189000123", "164438056", "Tô Thị Nga", LocalDate.of(1989, 3, 15), Gender.FEMALE)
                    .withPlaces(
                            place("52", "547", "21934", "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định"),
                            place("52", "547", "21934", "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định"),
                            place("52", "540", "21583",
                                    "Số 12 đường Trần Phú, Phường Lê Lợi, Thành phố Quy Nhơn, Tỉnh Bình Định")),
            Citizen.of("001090001234", null, "Nguyễn Văn An", LocalDate.of(1990, 9, 2), Gender.MALE)
                    .withPlaces(
                            place("01", "001", "00001", "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội"),
                            place("01", "017", "00490", "Xã Cổ Loa, Huyện Đông Anh, Thành phố Hà Nội"),
                            place("01", "001", "00008",
                                    "Số 25 phố Liễu Giai, Phường Liễu Giai, Quận Ba Đình, Thành phố Hà Nội")),
            Citizen.of("079195004567", null, "Lê Thị Hoa", LocalDate.of(1995, 11, 20), Gender.FEMALE)
                    .withPlaces(
                            place("79", "760", "26740", "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"),
                            place("79", "783", "27526", "Xã Tân Phú Trung, Huyện Củ Chi, Thành phố Hồ Chí Minh"),
                            place("79", "760", "26743",
                                    "Số 48 đường Nguyễn Trãi, Phường Bến Thành, Quận 1, Thành phố Hồ Chí Minh")),
            Citizen.of("042085007890", null, "Trần Văn Bình", LocalDate.of(1985, 10, 10), Gender.MALE)
                    .withPlaces(
                            place("42", "444", "18313", "Xã Thạch Long, Huyện Thạch Hà, Tỉnh Hà Tĩnh"),
                            place("42", "444", "18313", "Xã Thạch Long, Huyện Thạch Hà, Tỉnh Hà Tĩnh"),
                            place("42", "436", "18073",
                                    "Số 7 đường Phan Đình Phùng, Phường Nam Hà, Thành phố Hà Tĩnh, Tỉnh Hà Tĩnh")),
            // Phạm Minh Đức's CMND 025678901 is only in his legacy account: sandbox.md lists none in the registry.
            Citizen.of("036088002468", null, "Phạm Minh Đức", LocalDate.of(1988, 5, 5), Gender.MALE)
                    .withPlaces(
                            place("36", "366", "14596", "Xã Hải Hà, Huyện Hải Hậu, Tỉnh Nam Định"),
                            place("36", "366", "14596", "Xã Hải Hà, Huyện Hải Hậu, Tỉnh Nam Định"),
                            place("36", "356", "13657",
                                    "Số 30 đường Trần Hưng Đạo, Phường Bà Triệu, Thành phố Nam Định, Tỉnh Nam Định")),
            // the namesake of Lê Thị Hoa: same name and birth date, another person (Hà Nội), other places
            Citizen.of("001195009876", null, "Lê Thị Hoa", LocalDate.of(1995, 11, 20), Gender.FEMALE)
                    .withPlaces(
                            place("01", "002", "00043", "Phường Hàng Mã, Quận Hoàn Kiếm, Thành phố Hà Nội"),
                            place("01", "018", "00643", "Xã Bát Tràng, Huyện Gia Lâm, Thành phố Hà Nội"),
                            place("01", "006", "00244", "Số 5 ngõ 102 phố Trường Chinh, Phường Phương Mai, "
                                    + "Quận Đống Đa, Thành phố Hà Nội")));

    private final Map<String, Citizen> listed;
    private final SyntheticCitizens synthetic;

    private PopulationDatabase(Map<String, Citizen> listed, SyntheticCitizens synthetic) {
        this.listed = listed;
        this.synthetic = synthetic;
    }

    /** The sandbox personas, in the order of {@code sandbox.md}. */
    public static List<Citizen> personas() {
        return PERSONAS;
    }

    /** A database of the sandbox personas. */
    public static PopulationDatabase sandbox() {
        return of(PERSONAS);
    }

    /**
     * A database of exactly these citizens.
     *
     * @throws IllegalArgumentException when two citizens share an id number
     */
    public static PopulationDatabase of(Collection<Citizen> citizens) {
        Map<String, Citizen> byId = new LinkedHashMap<>();
        for (Citizen citizen : citizens) {
            if (byId.putIfAbsent(citizen.idNumber(), citizen) != null) {
                throw new IllegalArgumentException("two citizens share the id number " + citizen);
            }
        }
        return new PopulationDatabase(Map.copyOf(byId), SyntheticCitizens.EMPTY);
    }

    /**
     * This database's listed citizens plus the first {@code n} synthetic people of {@code seed}, the people behind
     * {@code SyntheticAccountGenerator.accounts(n, seed)}. Replaces the synthetic people of an earlier call.
     */
    public PopulationDatabase withSynthetic(int n, long seed) {
        return new PopulationDatabase(listed, SyntheticCitizens.generate(n, seed));
    }

    /** The citizen with this 12-digit id number; empty for anything else, null included. */
    public Optional<Citizen> find(String idNumber) {
        Citizen citizen = idNumber == null ? null : listed.get(idNumber);
        return citizen != null ? Optional.of(citizen) : synthetic.find(idNumber);
    }

    /** How many citizens the database holds. */
    public int size() {
        return listed.size() + synthetic.size();
    }

    private static Citizen.Place place(String provinceCode, String districtCode, String wardCode, String text) {
        return new Citizen.Place(provinceCode, districtCode, wardCode, text);
    }

    @Override
    public String toString() {
        return "PopulationDatabase[" + listed.size() + " listed, " + synthetic.size() + " synthetic]";
    }
}

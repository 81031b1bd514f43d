package vn.vneidbridge.cccd.registry;

import java.time.LocalDate;
import java.util.Optional;

import vn.vneidbridge.core.id.Gender;

/**
 * A citizen as the stub registry returns them, in wire form ({@code yyyyMMdd}, gender {@code 1}/{@code 2});
 * null for a field the registry leaves out.
 */
record Citizen(String idNumber, String cmnd, String ho, String chuDem, String ten, String birth, String gender,
               Place birthRegistration, Place homeTown, Place permanentResidence) {

    /** A place in wire form ({@code MaTinhThanh}, {@code MaQuanHuyen}, {@code MaPhuongXa}, {@code DiaChiDayDu}). */
    record Place(String provinceCode, String districtCode, String wardCode, String text) {

        /** The place as the adapter should read it. */
        RegistryPlace read() {
            return new RegistryPlace(text, Optional.ofNullable(provinceCode), Optional.ofNullable(districtCode),
                    Optional.ofNullable(wardCode));
        }
    }

    static final String NGA_ID = "052189000123";
    /** Where Nga's birth was registered, also her home town. */
    static final Place PHUOC_LOC = new Place("52", "547", "21934", "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
    /** Nga's permanent residence. */
    static final Place QUY_NHON = new Place("52", "540", "21583",
            "Số 12 đường Trần Phú, Phường Lê Lợi, Thành phố Quy Nhơn, Tỉnh Bình Định");

    /** Tô Thị Nga, the persona of the protocol document. */
    static Citizen nga() {
        return new Citizen(NGA_ID, "164438056", "TÔ", "THỊ", "NGA", "19890315", "2", PHUOC_LOC, PHUOC_LOC, QUY_NHON);
    }

    /** Nga's places as the adapter should read them. */
    static RegistryPlaces ngaPlaces() {
        return new RegistryPlaces(Optional.of(PHUOC_LOC.read()), Optional.of(PHUOC_LOC.read()),
                Optional.of(QUY_NHON.read()));
    }

    /** What Nga declares, CMND and gender included. */
    static RegistryQuery ngaQuery() {
        return new RegistryQuery(NGA_ID, "Tô Thị Nga", LocalDate.of(1989, 3, 15), Optional.of("164438056"),
                Optional.of(Gender.FEMALE));
    }

    /** What Nga declares without CMND and gender. */
    static RegistryQuery ngaQueryWithoutOptionals() {
        return new RegistryQuery(NGA_ID, "Tô Thị Nga", LocalDate.of(1989, 3, 15), Optional.empty(),
                Optional.empty());
    }

    String fullName() {
        return String.join(" ", ho, chuDem, ten);
    }

    Citizen withName(String newHo, String newChuDem, String newTen) {
        return new Citizen(idNumber, cmnd, newHo, newChuDem, newTen, birth, gender, birthRegistration, homeTown,
                permanentResidence);
    }

    Citizen withCmndAndGender(String newCmnd, String newGender) {
        return new Citizen(idNumber, newCmnd, ho, chuDem, ten, birth, newGender, birthRegistration, homeTown,
                permanentResidence);
    }

    Citizen withBirth(String newBirth) {
        return new Citizen(idNumber, cmnd, ho, chuDem, ten, newBirth, gender, birthRegistration, homeTown,
                permanentResidence);
    }

    /** This citizen with these places; null for a place the registry leaves out. */
    Citizen withPlaces(Place newBirthRegistration, Place newHomeTown, Place newPermanentResidence) {
        return new Citizen(idNumber, cmnd, ho, chuDem, ten, birth, gender, newBirthRegistration, newHomeTown,
                newPermanentResidence);
    }

    /** Nga's record with one field changed. */
    Citizen differingIn(RegistryField field) {
        switch (field) {
            case ID_NUMBER:
                return new Citizen("052189000124", cmnd, ho, chuDem, ten, birth, gender, birthRegistration, homeTown,
                        permanentResidence);
            case FULL_NAME:
                return withName(ho, chuDem, "NGÀ");
            case BIRTH_DATE:
                return withBirth("19890316");
            case CMND:
                return withCmndAndGender("164438057", gender);
            case GENDER:
                return withCmndAndGender(cmnd, "1");
            default:
                throw new IllegalArgumentException(field.name());
        }
    }
}

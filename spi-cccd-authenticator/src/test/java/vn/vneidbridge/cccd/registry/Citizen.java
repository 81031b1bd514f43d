package vn.vneidbridge.cccd.registry;

import java.time.LocalDate;
import java.util.Optional;

import vn.vneidbridge.core.id.Gender;

/**
 * A citizen as the stub registry returns them, in wire form ({@code yyyyMMdd}, gender {@code 1}/{@code 2});
 * null for a field the registry leaves out.
 */
record Citizen(String idNumber, String cmnd, String ho, String chuDem, String ten, String birth, String gender) {

    static final String NGA_ID = "052189000123";

    /** Tô Thị Nga, the persona of the protocol document. */
    static Citizen nga() {
        return new Citizen(NGA_ID, "164438056", "TÔ", "THỊ", "NGA", "19890315", "2");
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
        return new Citizen(idNumber, cmnd, newHo, newChuDem, newTen, birth, gender);
    }

    Citizen withCmndAndGender(String newCmnd, String newGender) {
        return new Citizen(idNumber, newCmnd, ho, chuDem, ten, birth, newGender);
    }

    Citizen withBirth(String newBirth) {
        return new Citizen(idNumber, cmnd, ho, chuDem, ten, newBirth, gender);
    }

    /** Nga's record with one field changed. */
    Citizen differingIn(RegistryField field) {
        switch (field) {
            case ID_NUMBER:
                return new Citizen("052189000124", cmnd, ho, chuDem, ten, birth, gender);
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

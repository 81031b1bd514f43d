package vn.vneidbridge.cccd.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * The places of a citizen's record, each when the population database gave it.
 *
 * @param birthRegistration  where the birth was registered ({@code NoiDangKyKhaiSinh}), shown as "Nơi sinh"
 * @param homeTown           the home town ({@code QueQuan}), "Quê quán"
 * @param permanentResidence the permanent residence ({@code ThuongTru}), "Địa chỉ thường trú"
 */
public record RegistryPlaces(Optional<RegistryPlace> birthRegistration, Optional<RegistryPlace> homeTown,
                             Optional<RegistryPlace> permanentResidence) {

    /** A record without places (a registry that gives none, or an answer that left them out). */
    public static final RegistryPlaces NONE = new RegistryPlaces(Optional.empty(), Optional.empty(), Optional.empty());

    public RegistryPlaces {
        Objects.requireNonNull(birthRegistration, "birthRegistration");
        Objects.requireNonNull(homeTown, "homeTown");
        Objects.requireNonNull(permanentResidence, "permanentResidence");
    }
}

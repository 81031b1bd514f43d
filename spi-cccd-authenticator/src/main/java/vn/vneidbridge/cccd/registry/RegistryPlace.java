package vn.vneidbridge.cccd.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * A place in a citizen's record: where the birth was registered ({@code NoiDangKyKhaiSinh}), the home town
 * ({@code QueQuan}) or the permanent residence ({@code ThuongTru}), each as the population database gives it — the
 * place in words, and the codes of its province, district and ward when given. Personal data: {@link #toString()}
 * hides the words and shows the province code only.
 *
 * @param text         the place in words, e.g. "Xã Tân Hưng, Huyện Cái Bè, Tỉnh Tiền Giang" (never blank)
 * @param provinceCode the province's code ({@code MaTinhThanh}), when given
 * @param districtCode the district's code ({@code MaQuanHuyen}), when given
 * @param wardCode     the ward's or commune's code ({@code MaPhuongXa}), when given
 */
public record RegistryPlace(String text, Optional<String> provinceCode, Optional<String> districtCode,
                            Optional<String> wardCode) {

    /** Longest place text kept; a longer one is cut (the registry's own addresses stay well below). */
    public static final int MAX_TEXT_LENGTH = 255;

    public RegistryPlace {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(wardCode, "wardCode");
        text = text.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a place's text is blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            text = text.substring(0, MAX_TEXT_LENGTH);
        }
    }

    /** A place given in words only. */
    public static RegistryPlace of(String text) {
        return new RegistryPlace(text, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "RegistryPlace[text=***, province=" + provinceCode.orElse("-") + ']';
    }
}

package vn.vneidbridge.core.id;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A province code of the personal identification number (digits 1–3): the 63 codes of Circular
 * 07/2016/TT-BCA, Annex 1, with the province's name at the time (NFC, with diacritics).
 *
 * <p>The 2025 merger into 34 provinces changed no number, so this table is the complete list of codes for
 * births registered in Vietnam. Codes for births registered abroad exist but are not published; see
 * {@link PersonalIdRules#lenient()}.
 */
public final class Province {

    private static final Map<String, Province> BY_CODE = table(
            "001", "Hà Nội", "002", "Hà Giang", "004", "Cao Bằng",
            "006", "Bắc Kạn", "008", "Tuyên Quang", "010", "Lào Cai",
            "011", "Điện Biên", "012", "Lai Châu", "014", "Sơn La",
            "015", "Yên Bái", "017", "Hòa Bình", "019", "Thái Nguyên",
            "020", "Lạng Sơn", "022", "Quảng Ninh", "024", "Bắc Giang",
            "025", "Phú Thọ", "026", "Vĩnh Phúc", "027", "Bắc Ninh",
            "030", "Hải Dương", "031", "Hải Phòng", "033", "Hưng Yên",
            "034", "Thái Bình", "035", "Hà Nam", "036", "Nam Định",
            "037", "Ninh Bình", "038", "Thanh Hóa", "040", "Nghệ An",
            "042", "Hà Tĩnh", "044", "Quảng Bình", "045", "Quảng Trị",
            "046", "Thừa Thiên Huế", "048", "Đà Nẵng", "049", "Quảng Nam",
            "051", "Quảng Ngãi", "052", "Bình Định", "054", "Phú Yên",
            "056", "Khánh Hòa", "058", "Ninh Thuận", "060", "Bình Thuận",
            "062", "Kon Tum", "064", "Gia Lai", "066", "Đắk Lắk",
            "067", "Đắk Nông", "068", "Lâm Đồng", "070", "Bình Phước",
            "072", "Tây Ninh", "074", "Bình Dương", "075", "Đồng Nai",
            "077", "Bà Rịa-Vũng Tàu", "079", "Hồ Chí Minh", "080", "Long An",
            "082", "Tiền Giang", "083", "Bến Tre", "084", "Trà Vinh",
            "086", "Vĩnh Long", "087", "Đồng Tháp", "089", "An Giang",
            "091", "Kiên Giang", "092", "Cần Thơ", "093", "Hậu Giang",
            "094", "Sóc Trăng", "095", "Bạc Liêu", "096", "Cà Mau"
    );

    private final String code;
    private final String name;

    private Province(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /**
     * The province with this 3-digit code.
     *
     * @param code e.g. {@code "052"}; may be null
     * @return the province, or empty when {@code code} is null or not one of the 63 codes
     */
    public static Optional<Province> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }

    /** All 63 provinces in code order; immutable. */
    public static List<Province> all() {
        return List.copyOf(BY_CODE.values());
    }

    /** The 3-digit code, e.g. {@code "052"}. */
    public String code() {
        return code;
    }

    /** The Vietnamese name, e.g. {@code "Bình Định"}. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Province && code.equals(((Province) o).code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code + " " + name;
    }

    private static Map<String, Province> table(String... codesAndNames) {
        Map<String, Province> byCode = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            byCode.put(codesAndNames[i], new Province(codesAndNames[i], codesAndNames[i + 1]));
        }
        return Collections.unmodifiableMap(byCode);
    }
}

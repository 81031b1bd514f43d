package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProvinceTest {

    /** Verbatim from the facts file (Circular 07/2016/TT-BCA, Annex 1). */
    private static final String ANNEX_1 = ""
            + "001 Hà Nội · 002 Hà Giang · 004 Cao Bằng · 006 Bắc Kạn · 008 Tuyên Quang · 010 Lào Cai · 011 Điện Biên ·\n"
            + "012 Lai Châu · 014 Sơn La · 015 Yên Bái · 017 Hòa Bình · 019 Thái Nguyên · 020 Lạng Sơn · 022 Quảng Ninh ·\n"
            + "024 Bắc Giang · 025 Phú Thọ · 026 Vĩnh Phúc · 027 Bắc Ninh · 030 Hải Dương · 031 Hải Phòng · 033 Hưng Yên ·\n"
            + "034 Thái Bình · 035 Hà Nam · 036 Nam Định · 037 Ninh Bình · 038 Thanh Hóa · 040 Nghệ An · 042 Hà Tĩnh ·\n"
            + "044 Quảng Bình · 045 Quảng Trị · 046 Thừa Thiên Huế · 048 Đà Nẵng · 049 Quảng Nam · 051 Quảng Ngãi ·\n"
            + "052 Bình Định · 054 Phú Yên · 056 Khánh Hòa · 058 Ninh Thuận · 060 Bình Thuận · 062 Kon Tum · 064 Gia Lai ·\n"
            + "066 Đắk Lắk · 067 Đắk Nông · 068 Lâm Đồng · 070 Bình Phước · 072 Tây Ninh · 074 Bình Dương · 075 Đồng Nai ·\n"
            + "077 Bà Rịa-Vũng Tàu · 079 Hồ Chí Minh · 080 Long An · 082 Tiền Giang · 083 Bến Tre · 084 Trà Vinh ·\n"
            + "086 Vĩnh Long · 087 Đồng Tháp · 089 An Giang · 091 Kiên Giang · 092 Cần Thơ · 093 Hậu Giang ·\n"
            + "094 Sóc Trăng · 095 Bạc Liêu · 096 Cà Mau";

    private static Map<String, String> annex1() {
        Map<String, String> table = new LinkedHashMap<>();
        for (String entry : ANNEX_1.split("·")) {
            String trimmed = entry.strip();
            table.put(trimmed.substring(0, 3), trimmed.substring(4));
        }
        return table;
    }

    @Test
    void thenTheTableIsExactlyAnnex1() {
        Map<String, String> actual = Province.all().stream()
                .collect(Collectors.toMap(Province::code, Province::name, (a, b) -> a, LinkedHashMap::new));
        assertThat(actual).hasSize(63).containsExactlyEntriesOf(annex1());
    }

    @Test
    void thenEveryNameIsNfc() {
        assertThat(Province.all())
                .allSatisfy(p -> assertThat(Normalizer.isNormalized(p.name(), Normalizer.Form.NFC)).isTrue());
    }

    @Test
    void thenEveryCodeIsFoundByCode() {
        for (Province province : Province.all()) {
            assertThat(Province.byCode(province.code())).contains(province);
        }
    }

    @Test
    void thenExactly63OfTheThousandPrefixesAreKnown() {
        long known = IntStream.range(0, 1000)
                .mapToObj(i -> String.format("%03d", i))
                .filter(code -> Province.byCode(code).isPresent())
                .count();
        assertThat(known).isEqualTo(63);
    }

    @Test
    void thenNamesOfThePersonasProvincesAreRight() {
        assertThat(Province.byCode("052")).map(Province::name).contains("Bình Định");
        assertThat(Province.byCode("001")).map(Province::name).contains("Hà Nội");
        assertThat(Province.byCode("079")).map(Province::name).contains("Hồ Chí Minh");
        assertThat(Province.byCode("042")).map(Province::name).contains("Hà Tĩnh");
        assertThat(Province.byCode("036")).map(Province::name).contains("Nam Định");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"000", "003", "097", "099", "100", "999", "52", "0052", " 052", "٠٥٢"})
    void thenOtherCodesAreUnknown(String code) {
        assertThat(Province.byCode(code)).isEmpty();
    }

    @Test
    void thenAllIsImmutable() {
        List<Province> all = Province.all();
        assertThatThrownBy(() -> all.remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}

package vn.vneidbridge.sandbox.legacy;

import java.text.Normalizer;
import java.util.Locale;
import vn.vneidbridge.core.id.Gender;

/**
 * Picks plausible Vietnamese full names: a family name weighted roughly by its share of the population
 * (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %, …), a middle name that fits the gender (Văn / Thị most often) and a
 * given name that fits the gender. Every part is NFC and kept with its ASCII folding for usernames.
 */
final class VietnameseNamePool {

    /** A picked name: the full name and its ASCII folding without spaces ("nguyenthihoa"). */
    record Name(String fullName, String ascii) {
    }

    private static final WeightedParts FAMILY = new WeightedParts(
            "Nguyễn", 380, "Trần", 110, "Lê", 95, "Phạm", 70, "Hoàng", 31, "Huỳnh", 20, "Phan", 45, "Vũ", 20,
            "Võ", 19, "Đặng", 21, "Bùi", 20, "Đỗ", 14, "Hồ", 13, "Ngô", 13, "Dương", 10, "Lý", 5, "Đinh", 8,
            "Đoàn", 7, "Trương", 7, "Lâm", 5, "Mai", 5, "Trịnh", 5, "Cao", 4, "Lương", 4, "Tô", 3, "Hà", 4,
            "Tạ", 2, "Châu", 2, "Thái", 2, "Lưu", 2, "Kiều", 1, "Quách", 1);
    private static final WeightedParts MALE_MIDDLE = new WeightedParts(
            "Văn", 400, "Hữu", 60, "Đức", 60, "Minh", 80, "Quốc", 50, "Thành", 40, "Công", 40, "Xuân", 30,
            "Đình", 40, "Quang", 50, "Ngọc", 20, "Gia", 30, "Anh", 30, "Trọng", 30, "Tấn", 20);
    private static final WeightedParts FEMALE_MIDDLE = new WeightedParts(
            "Thị", 500, "Ngọc", 70, "Thu", 50, "Thanh", 60, "Minh", 40, "Kim", 40, "Phương", 30, "Bảo", 30,
            "Mai", 20, "Hồng", 30, "Thùy", 30, "Diệu", 20, "Khánh", 20, "Hoài", 20);
    /** Second middle word after "Thị" for some women ("Nguyễn Thị Minh Khai"). */
    private static final WeightedParts FEMALE_SECOND_MIDDLE = new WeightedParts(
            "Minh", 1, "Thu", 1, "Ngọc", 1, "Thanh", 1, "Kim", 1, "Hồng", 1, "Mỹ", 1, "Bích", 1);
    private static final WeightedParts MALE_GIVEN = uniform(
            "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang",
            "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quân", "Quang",
            "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt",
            "Vinh", "Vũ");
    private static final WeightedParts FEMALE_GIVEN = uniform(
            "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương", "Huyền", "Lan",
            "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh", "Phương",
            "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến");

    private VietnameseNamePool() {
    }

    static Name pick(Gender gender, DeterministicRandom random) {
        int family = FAMILY.pick(random);
        StringBuilder full = new StringBuilder(32).append(FAMILY.text(family));
        StringBuilder ascii = new StringBuilder(32).append(FAMILY.ascii(family));
        WeightedParts middle = gender == Gender.MALE ? MALE_MIDDLE : FEMALE_MIDDLE;
        int m = middle.pick(random);
        append(full, ascii, middle, m);
        if (gender == Gender.FEMALE && "Thị".equals(middle.text(m)) && random.chance(0.12)) {
            append(full, ascii, FEMALE_SECOND_MIDDLE, FEMALE_SECOND_MIDDLE.pick(random));
        }
        WeightedParts given = gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN;
        append(full, ascii, given, given.pick(random));
        return new Name(full.toString(), ascii.toString());
    }

    private static void append(StringBuilder full, StringBuilder ascii, WeightedParts parts, int index) {
        full.append(' ').append(parts.text(index));
        ascii.append(parts.ascii(index));
    }

    /** Lower-case ASCII letters only: diacritics removed, đ → d. */
    static String fold(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (c == 'đ') {
                out.append('d');
            } else if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static WeightedParts uniform(String... texts) {
        Object[] pairs = new Object[texts.length * 2];
        for (int i = 0; i < texts.length; i++) {
            pairs[2 * i] = texts[i];
            pairs[2 * i + 1] = 1;
        }
        return new WeightedParts(pairs);
    }

    /** Name parts with integer weights, picked by cumulative weight. */
    private static final class WeightedParts {
        private final String[] texts;
        private final String[] asciis;
        private final int[] cumulative;

        WeightedParts(Object... textsAndWeights) {
            int n = textsAndWeights.length / 2;
            texts = new String[n];
            asciis = new String[n];
            cumulative = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                texts[i] = Normalizer.normalize((String) textsAndWeights[2 * i], Normalizer.Form.NFC);
                asciis[i] = fold(texts[i]);
                total += (Integer) textsAndWeights[2 * i + 1];
                cumulative[i] = total;
            }
        }

        int pick(DeterministicRandom random) {
            int r = random.nextInt(cumulative[cumulative.length - 1]);
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] > r) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }

        String text(int index) {
            return texts[index];
        }

        String ascii(int index) {
            return asciis[index];
        }
    }
}

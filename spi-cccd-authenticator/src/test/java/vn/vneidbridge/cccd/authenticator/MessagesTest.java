package vn.vneidbridge.cccd.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.id.IdNumberProblem;

class MessagesTest {

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws Exception {
        assertThat(Messages.load("en").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(Messages.load("vi").stringPropertyNames());
    }

    @Test
    void everyIdNumberProblemHasAMessageTheFormAndTheUserProfileCanShow() throws Exception {
        for (String language : new String[] {"vi", "en"}) {
            Properties messages = Messages.load(language);
            for (IdNumberProblem.Type type : IdNumberProblem.Type.values()) {
                assertThat(messages).as(language).containsKey("vneid-" + type.code());
            }
        }
    }

    @Test
    void theSeedsWordingIsUsedInVietnamese() throws Exception {
        Properties vi = Messages.load("vi");

        assertThat(vi.getProperty("vneidCccdFormTitle")).isEqualTo("Cập nhật thông tin từ CSDL dân cư");
        assertThat(vi.getProperty("vneidCccdFormSkip")).isEqualTo("Bỏ qua");
        assertThat(vi.getProperty("vneidCccdFormUpdate")).isEqualTo("Cập nhật");
        assertThat(vi.getProperty("vneid-cccd-province-unknown")).isEqualTo("Mã tỉnh {0} không hợp lệ.");
    }
}

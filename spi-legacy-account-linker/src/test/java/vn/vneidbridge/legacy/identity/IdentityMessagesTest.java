package vn.vneidbridge.legacy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The identity page's and the unlinking's texts live with them, in this module's messages (vi and en). */
class IdentityMessagesTest {

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/theme-resources/messages/messages_"
                + language + ".properties"), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }

    @Test
    void everyKeyOfTheIdentityPageAndTheUnlinkingIsHereInVietnameseAndEnglish() throws IOException {
        for (String language : new String[] {"vi", "en"}) {
            assertThat(messages(language)).as(language).containsKeys("vneidIdentityTitle", "vneidIdentityRefresh",
                    "vneidIdentityUpdated", "vneidIdentityLinkedTitle", "vneidIdentityLinkedVneid",
                    "vneidIdentityLinkedAt", "vneidUnlinkButton", "vneidUnlinkTitle", "vneidUnlinkConfirm",
                    "vneidUnlinkDone", "vneidUnlinkReauthRequired", "vneidUnlinkReauthFailed",
                    "vneidUnlinkLastLoginMethod", "vneidUnlinkNotLinked");
        }
    }

    @Test
    void theSeedsWordingIsUsedInVietnamese() throws IOException {
        assertThat(messages("vi").getProperty("vneidIdentityRefresh")).isEqualTo("Cập nhật từ CSDL Quốc gia về Dân cư");
    }
}

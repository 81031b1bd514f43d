package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleHtmlTest {

    @Test
    void textsAreEscapedAndTheConfigCannotCloseItsDataBlock() {
        String html = ConsoleHtml.render("<html lang=\"{{lang}}\"><title>{{msg:vneidOpsTitle}}</title>"
                        + "<script type=\"application/json\">{{config}}</script><link href=\"{{assets}}x.css\">",
                "vi", Map.of("vneidOpsTitle", "A <b>&</b>"), "{\"x\":\"</script><script>alert(1)</script>\"}",
                "/realms/dvc/vneid-operations/assets/");

        assertThat(html).contains("<title>A &lt;b&gt;&amp;&lt;/b&gt;</title>")
                .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
                .contains("href=\"/realms/dvc/vneid-operations/assets/x.css\"")
                .doesNotContain("</script><script>");
    }

    @Test
    void aMissingTextShowsItsKey() {
        assertThat(ConsoleHtml.render("{{msg:vneidOpsNothing}}", "en", Map.of(), "{}", "/")).isEqualTo("vneidOpsNothing");
    }

    @Test
    void thePageTemplateHasEveryTextItNamesInBothLanguages() {
        String template = ConsolePage.read("index.html");
        for (String language : ConsoleLanguage.LANGUAGES) {
            Map<String, String> messages = ConsoleMessages.of(language, Map.of());
            String html = ConsoleHtml.render(template, language, messages, "{}", "/assets/");
            assertThat(html).as(language).doesNotContain("{{").doesNotContain("vneidOps");
        }
    }
}

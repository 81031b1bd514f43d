package vn.vneidbridge.core.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkWebhookSettingTest {

    @Test
    void theEntriesAreTheValueSplitAtTheAdminConsolesSeparatorTrimmedWithoutBlanks() {
        assertThat(LinkWebhookSetting.entries(" dvcqg-portal https://a.vn/hook ##dvc-hatinh-web https://b.vn/hook##  ##"))
                .containsExactly("dvcqg-portal https://a.vn/hook", "dvc-hatinh-web https://b.vn/hook");
        assertThat(LinkWebhookSetting.entries((String) null)).isEmpty();
        assertThat(LinkWebhookSetting.entries("")).isEmpty();
    }

    @Test
    void theSettingKeepsTheNameItHadOnTheLegacyProviderAndTheListenerItsId() {
        assertThat(LinkWebhookSetting.KEY).isEqualTo("linkWebhooks");
        assertThat(LinkWebhookSetting.LISTENER_ID).isEqualTo("vneid-link-webhook");
    }

    @Test
    void severalValuesAreEachSplitOnTheirOwnAsOlderVersionsReadThemNotJoinedFirst() {
        // joined first, "…/b#" + "##" + "dvcqg…" would read as ".../b" and "#dvcqg-portal …": two other entries
        assertThat(LinkWebhookSetting.entries(List.of("dvc-hatinh-web https://b.vn/hook#",
                "dvcqg-portal https://a.vn/hook##dvc-binhduong-web https://c.vn/hook")))
                .containsExactly("dvc-hatinh-web https://b.vn/hook#", "dvcqg-portal https://a.vn/hook",
                        "dvc-binhduong-web https://c.vn/hook");
        assertThat(LinkWebhookSetting.entries((List<String>) null)).isEmpty();
    }

    @Test
    void everyEntryThatParsesIsReadBackAsItselfOnceJoined() {
        List<String> entries = List.of("#dvcqg-portal https://a.vn/hook", "dvc-hatinh-web https://b.vn/hook?x=1",
                "a#b http://c.vn/");
        assertThat(entries).allSatisfy(entry -> assertThat(LinkWebhookSetting.parse(entry)).isPresent());

        assertThat(LinkWebhookSetting.entries(LinkWebhookSetting.joined(entries))).isEqualTo(entries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dvc-hatinh-web https://b.vn/hook#", "a##b https://b.vn/hook", " dvcqg https://a.vn/h",
        " "})
    void anEntryThatWouldBeReadBackAsAnotherIsNotJoined(String entry) {
        assertThatThrownBy(() -> LinkWebhookSetting.joined(List.of("dvcqg-portal https://a.vn/hook", entry)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryIsAClientIdAndAnHttpOrHttpsUrlWithoutUserInfoOrFragment() {
        assertThat(LinkWebhookSetting.parse(" dvcqg-portal   https://portal.example.vn/hooks/vneid "))
                .contains(new LinkWebhookSetting.Entry("dvcqg-portal", URI.create("https://portal.example.vn/hooks/vneid")));
        assertThat(LinkWebhookSetting.parse("dvcqg-portal HTTP://portal.example.vn/")).hasValueSatisfying(
                entry -> assertThat(entry.isHttp()).isTrue());
        assertThat(LinkWebhookSetting.parse("dvcqg-portal https://portal.example.vn/")).hasValueSatisfying(
                entry -> assertThat(entry.isHttp()).isFalse());
        assertThat(LinkWebhookSetting.parse("dvcqg-portal https://portal.example.vn/hook#")).isEmpty();
        assertThat(LinkWebhookSetting.parse("dvcqg-portal https://portal.example.vn/hook#top")).isEmpty();
        assertThat(LinkWebhookSetting.parse("dvcqg-portal https://u:p@portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhookSetting.parse("a##b https://portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhookSetting.parse("https://portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhookSetting.parse(null)).isEmpty();
    }

    @Test
    void onlyHttpsIsAcceptedWhenTheProviderTalksToTheRealVneid() {
        for (String production : Arrays.asList("PRODUCTION", "production", " Production ")) {
            assertThat(LinkWebhookSetting.httpsOnly(Map.of("environment", production))).as(production).isTrue();
        }
        Map<String, String> unset = new HashMap<>();
        unset.put("environment", null);
        for (Map<String, String> other : List.of(Map.of("environment", "SANDBOX"), Map.of("environment", "prod"),
                Map.<String, String>of(), unset)) {
            assertThat(LinkWebhookSetting.httpsOnly(other)).as(other.toString()).isFalse();
        }
        assertThat(LinkWebhookSetting.httpsOnly(null)).isFalse();
    }
}

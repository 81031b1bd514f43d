package vn.vneidbridge.core.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkWebhookSettingTest {

    @Test
    void theEntriesAreTheValueSplitAtTheAdminConsolesSeparatorTrimmedWithoutBlanks() {
        assertThat(LinkWebhookSetting.entries(" dvcqg-portal https://a.vn/hook ##dvc-hatinh-web https://b.vn/hook##  ##"))
                .containsExactly("dvcqg-portal https://a.vn/hook", "dvc-hatinh-web https://b.vn/hook");
        assertThat(LinkWebhookSetting.entries(null)).isEmpty();
        assertThat(LinkWebhookSetting.entries("")).isEmpty();
    }

    @Test
    void theSettingKeepsTheNameItHadOnTheLegacyProviderAndTheListenerItsId() {
        assertThat(LinkWebhookSetting.KEY).isEqualTo("linkWebhooks");
        assertThat(LinkWebhookSetting.LISTENER_ID).isEqualTo("vneid-link-webhook");
    }
}

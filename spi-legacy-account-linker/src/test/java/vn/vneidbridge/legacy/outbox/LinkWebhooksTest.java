package vn.vneidbridge.legacy.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkWebhooksTest {

    @Test
    void anEntryIsAClientIdAndAnHttpOrHttpsUrl() {
        assertThat(LinkWebhooks.parse(" dvcqg-portal   https://portal.example.vn/hooks/vneid "))
                .contains(new LinkWebhooks.Webhook("dvcqg-portal", URI.create("https://portal.example.vn/hooks/vneid")));
        assertThat(LinkWebhooks.parse("dvc-hatinh-web http://127.0.0.1:9000/hook")).isPresent();
    }

    @Test
    void otherEntriesAreRefused() {
        assertThat(LinkWebhooks.parse("https://portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhooks.parse("dvcqg-portal ftp://portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhooks.parse("dvcqg-portal https://user:pw@portal.example.vn/hook")).isEmpty();
        assertThat(LinkWebhooks.parse("dvcqg-portal /relative")).isEmpty();
        assertThat(LinkWebhooks.parse("dvcqg-portal https://a.vn/x extra")).isEmpty();
        assertThat(LinkWebhooks.parse(null)).isEmpty();
    }
}

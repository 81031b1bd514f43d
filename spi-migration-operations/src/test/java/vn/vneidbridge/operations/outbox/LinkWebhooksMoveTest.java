package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkWebhooksMoveTest {

    @Test
    void theIdentityProvidersEntriesComeFirstAndWinForTheirClient() {
        assertThat(LinkWebhooksMove.merged(List.of("dvcqg-portal https://new.vn/hook"),
                List.of("dvcqg-portal https://old.vn/hook", "dvc-hatinh-web https://hatinh.vn/hook")))
                .containsExactly("dvcqg-portal https://new.vn/hook", "dvc-hatinh-web https://hatinh.vn/hook");
    }

    @Test
    void leftoversOfSeveralLegacyProvidersKeepOnePerClientInTheirOrder() {
        assertThat(LinkWebhooksMove.merged(List.of(), List.of("dvcqg-portal https://a.vn/hook",
                "dvcqg-portal https://b.vn/hook", "dvc-binhduong-web https://c.vn/hook")))
                .containsExactly("dvcqg-portal https://a.vn/hook", "dvc-binhduong-web https://c.vn/hook");
    }

    @Test
    void anEntryThatNamesNoClientIsMovedAsItIsSoNothingIsLost() {
        assertThat(LinkWebhooksMove.merged(List.of(), List.of("https://portal.vn/hook")))
                .containsExactly("https://portal.vn/hook");
    }
}

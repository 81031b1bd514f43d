package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.broker.LinkWebhookSetting;

class LinkWebhooksMoveTest {

    /** What the identity provider accepts on a server as in production (no private addresses), not in PRODUCTION. */
    private static final Predicate<String> SAVE_RULES = entry -> LinkWebhooksMove.acceptable(entry, false, false);

    private static Map<String, List<String>> leftovers(String holder, String... entries) {
        Map<String, List<String>> leftovers = new LinkedHashMap<>();
        leftovers.put(holder, List.of(entries));
        return leftovers;
    }

    @Test
    void theIdentityProvidersEntriesComeFirstAndWinForTheirClient() {
        LinkWebhooksMove.Plan plan = LinkWebhooksMove.plan(List.of("dvcqg-portal https://203.162.4.190/new"),
                leftovers("legacy", "dvcqg-portal https://203.162.4.190/old", "dvc-hatinh-web https://203.162.4.191/h"),
                SAVE_RULES);

        assertThat(plan.entries())
                .containsExactly("dvcqg-portal https://203.162.4.190/new", "dvc-hatinh-web https://203.162.4.191/h");
        assertThat(plan.refused()).containsEntry("legacy", List.of());
        assertThat(plan.allRefused()).isEmpty();
    }

    @Test
    void leftoversOfSeveralLegacyProvidersKeepOnePerClientInTheirOrder() {
        Map<String, List<String>> leftovers = leftovers("first", "dvcqg-portal https://203.162.4.190/a");
        leftovers.put("second", List.of("dvcqg-portal https://203.162.4.190/b", "dvc-binhduong-web https://203.162.4.190/c"));

        LinkWebhooksMove.Plan plan = LinkWebhooksMove.plan(List.of(), leftovers, SAVE_RULES);

        assertThat(plan.entries())
                .containsExactly("dvcqg-portal https://203.162.4.190/a", "dvc-binhduong-web https://203.162.4.190/c");
        assertThat(plan.refused()).containsEntry("first", List.of()).containsEntry("second", List.of());
    }

    @Test
    void anInvalidEntryIsPutAsideOnItsLegacyProvider() {
        LinkWebhooksMove.Plan plan = LinkWebhooksMove.plan(List.of(), leftovers("legacy",
                "dvcqg-portal https://203.162.4.190/hook", "https://portal.vn/hook", "dvc-hatinh-web ftp://b.vn/hook",
                "dvc-binhduong-web http://127.0.0.1:9000/hook", "dvc-binhdinh-web https://10.0.0.8/hook"), SAVE_RULES);

        assertThat(plan.entries()).containsExactly("dvcqg-portal https://203.162.4.190/hook");
        assertThat(plan.refused().get("legacy")).containsExactly("https://portal.vn/hook",
                "dvc-hatinh-web ftp://b.vn/hook", "dvc-binhduong-web http://127.0.0.1:9000/hook",
                "dvc-binhdinh-web https://10.0.0.8/hook");
        assertThat(plan.allRefused()).isEqualTo(plan.refused().get("legacy"));
    }

    /**
     * Joined as they were, {@code "…/hook#"} + {@code "##"} + {@code "dvcqg-portal …"} reads back as {@code "…/hook"}
     * (a dead entry alive) and {@code "#dvcqg-portal …"} (a live one dead).
     */
    @Test
    void anEntryEndingInHashIsNotRevivedByTheJoin() {
        LinkWebhooksMove.Plan plan = LinkWebhooksMove.plan(List.of(), leftovers("legacy",
                "dvc-hatinh-web https://203.162.4.191/hook#", "dvcqg-portal https://203.162.4.190/hook"), SAVE_RULES);

        List<String> stored = LinkWebhookSetting.entries(LinkWebhookSetting.joined(plan.entries()));

        assertThat(stored).containsExactly("dvcqg-portal https://203.162.4.190/hook");
        assertThat(plan.refused().get("legacy")).containsExactly("dvc-hatinh-web https://203.162.4.191/hook#");
    }

    @Test
    void aPrivateAddressIsMovedOnlyWhereTheServerAllowsThem() {
        assertThat(LinkWebhooksMove.acceptable("dvcqg-portal http://127.0.0.1:9000/hook", false, false)).isFalse();
        assertThat(LinkWebhooksMove.acceptable("dvcqg-portal http://127.0.0.1:9000/hook", true, false)).isTrue();
    }

    @Test
    void plainHttpIsNotMovedToAProviderTalkingToVneidsProduction() {
        assertThat(LinkWebhooksMove.acceptable("dvcqg-portal http://203.162.4.190/hook", false, true)).isFalse();
        assertThat(LinkWebhooksMove.acceptable("dvcqg-portal https://203.162.4.190/hook", false, true)).isTrue();
        assertThat(LinkWebhooksMove.acceptable("dvcqg-portal http://203.162.4.190/hook", false, false)).isTrue();
    }

    /**
     * What cannot be moved is put aside, not left live: the next start finds nothing to move, and no later change of the
     * realm (the provider leaving PRODUCTION, the alias given to another type) can make it a live entry again.
     */
    @Test
    void whatCannotBeMovedIsPutAsideSoTheNextStartHasNothingLeftToMove() {
        List<String> configured = List.of("dvcqg-portal https://203.162.4.190/hook");

        LinkWebhooksMove.Plan plan = LinkWebhooksMove.plan(configured,
                leftovers("legacy", "dvc-hatinh-web http://203.162.4.191/hook"),
                entry -> LinkWebhooksMove.acceptable(entry, false, true));

        assertThat(plan.entries()).isEqualTo(configured);
        assertThat(plan.refused().get("legacy")).containsExactly("dvc-hatinh-web http://203.162.4.191/hook");
        LinkWebhooksMove.Plan next = LinkWebhooksMove.plan(plan.entries(), leftovers("legacy"), SAVE_RULES);
        assertThat(next.entries()).isEqualTo(configured);
        assertThat(next.allRefused()).isEmpty();
    }

    /**
     * The identity provider's own entry for a client is not always the one {@link LinkWebhooks#of} used: plain http
     * while it is in PRODUCTION is skipped where read (and its save check is the only thing keeping it out: a value
     * from before that check, d8abd19, or from the database), and then the legacy provider's https entry for that
     * client was delivered to. The move must not drop that one (neither moved nor put aside, not even logged).
     */
    @Test
    void theWebhookDeliveredToBeforeTheMoveIsDeliveredToAfterIt() {
        List<String> configured = List.of("dvcqg-portal http://203.162.4.190/old");
        Map<String, List<String>> leftovers = leftovers("legacy", "dvcqg-portal https://203.162.4.190/new");
        List<String> before = new java.util.ArrayList<>(configured);
        before.addAll(leftovers.get("legacy"));

        LinkWebhooksMove.Plan plan = LinkWebhooksMove.plan(configured, leftovers,
                entry -> LinkWebhooksMove.acceptable(entry, false, true));

        assertThat(LinkWebhooks.usable(plan.entries(), true, client -> true, (client, skip) -> { }))
                .isEqualTo(LinkWebhooks.usable(before, true, client -> true, (client, skip) -> { }))
                .isNotEmpty();
    }
}

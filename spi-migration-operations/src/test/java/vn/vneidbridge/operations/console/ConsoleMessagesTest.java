package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleMessagesTest {

    /** Keys the script builds from a prefix and a value the server sends. */
    private static final Map<String, List<String>> BUILT = Map.ofEntries(
            Map.entry("vneidOpsState_", List.of("linked", "verifiedNotLinked", "pending", "conflicts", "refused")),
            Map.entry("vneidOpsType_", List.of("citizen", "organisation", "business", "unknown")),
            Map.entry("vneidOpsSeries_", History.SERIES),
            Map.entry("vneidOpsJobState_", List.of("QUEUED", "RUNNING", "PAUSED", "CANCELLED", "DONE")),
            Map.entry("vneidOpsJobCount_", List.of("verified", "mismatch", "notFound", "conflict", "registryError",
                    "skipped")),
            Map.entry("vneidOpsJobCommand_", List.of("pause", "resume", "cancel")),
            Map.entry("vneidOpsJobCommandFor_", List.of("pause", "resume", "cancel")),
            Map.entry("vneidOpsJobDone_", List.of("pause", "resume", "cancel")),
            Map.entry("vneidOpsEntryStatus_", List.of("OPEN", "LINKED", "DISMISSED")),
            Map.entry("vneidOpsRefused_", List.of("vneid_review_already_resolved",
                    "vneid_review_resolved_concurrently", "vneid_review_no_vneid_identity",
                    "vneid_review_not_a_candidate", "vneid_review_cccd_changed", "vneid_review_identity_linked",
                    "vneid_review_administrator", "vneid_review_import_failed", "vneid_review_account_linked",
                    "vneid_console_reason_required", "vneid_console_reason_too_long",
                    "vneid_console_account_required", "vneid_console_unknown_action")));

    @Test
    void everyTextTheScriptAsksForIsInBothLanguages() {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = Pattern.compile("t\\('(vneidOps[A-Za-z_]+)'").matcher(ConsolePage.read("console.js"));
        while (matcher.find()) {
            String key = matcher.group(1);
            if (key.endsWith("_") && BUILT.containsKey(key)) {
                BUILT.get(key).forEach(value -> keys.add(key + value));
            } else if (!key.endsWith("_")) {
                keys.add(key);
            }
        }
        assertThat(keys).hasSizeGreaterThan(100);
        for (String language : ConsoleLanguage.LANGUAGES) {
            assertThat(ConsoleMessages.of(language, Map.of()).keySet()).as(language).containsAll(keys);
        }
    }

    @Test
    void aRealmsOwnTextOfAPagesKeyWinsOthersAreIgnored() {
        Map<String, String> messages = ConsoleMessages.of("en", Map.of("vneidOpsTitle", "Migration desk",
                "loginTitle", "x", "vneidOpsLogout", " "));

        assertThat(messages).containsEntry("vneidOpsTitle", "Migration desk").containsEntry("vneidOpsLogout", "Log out")
                .doesNotContainKey("loginTitle");
    }
}

package vn.vneidbridge.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;

/**
 * Review entries a test leaves open, dismissed as an operator would. All test classes share one server: an open entry
 * for a number makes a later first VNeID login with it ask for the account's password instead of showing the account
 * (BV-12), so a test that opens one dismisses it when it ends.
 */
public final class OpenReviewEntries {

    private static final String ENTRIES = "/admin/realms/dvc/vneid-bridge/review-entries";

    private OpenReviewEntries() {
    }

    /** Dismisses the open entries of these id numbers (others are left alone). */
    public static void dismiss(AdminApi admin, Collection<String> idNumbers, String note) {
        for (JsonNode entry : admin.get(ENTRIES + "?status=OPEN&max=1000")) {
            if (idNumbers.contains(entry.path("idNumber").asText())) {
                admin.send("POST", ENTRIES + "/" + entry.path("id").asText() + "/resolve",
                        Map.of("action", "dismiss", "note", note));
            }
        }
    }
}

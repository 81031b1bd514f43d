package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReviewViewTest {

    private static Map<String, Object> described() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", "e1");
        entry.put("status", "OPEN");
        entry.put("idNumber", "042085007890");
        entry.put("identityProvider", "vneid");
        entry.put("vneidSubject", "f3b1-subject");
        entry.put("vneidUsername", "042085007890");
        entry.put("loginAttempts", 2);
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("id", "u1");
        candidate.put("username", "tranvanbinh");
        candidate.put("legacyAccountId", "L-1001");
        candidate.put("imported", false);
        candidate.put("cccdVerified", true);
        entry.put("candidates", List.of(candidate));
        return entry;
    }

    @Nested
    class GivenAnOperatorWhoMayNotViewUsers {

        @Test
        void thenTheNumberTheVneidUsernameAndTheUsernamesAreMaskedAndTheSubjectLeftOut() {
            Map<String, Object> view = ReviewView.of(described(), true, false);

            assertThat(view).containsEntry("idNumber", "042*******90").containsEntry("vneidUsername", "042*******90")
                    .doesNotContainKey("vneidSubject").containsEntry("numbersMasked", true);
            assertThat(view.toString()).doesNotContain("042085007890", "tranvanbinh");
            @SuppressWarnings("unchecked")
            Map<String, Object> candidate = ((List<Map<String, Object>>) view.get("candidates")).get(0);
            assertThat(candidate).containsEntry("username", "tr*******nh").containsEntry("legacyAccountId", "L-1001")
                    .containsEntry("id", "u1").containsEntry("cccdVerified", true);
        }

        /**
         * The note is the reason an operator typed when resolving — through the review REST too, where operators see
         * the whole number and naturally write it down ("gọi lại số 042085007890, xác minh với công an xã"). A reader
         * without {@code view-users} must not read in the note what the masks hide everywhere else.
         */
        @Test
        void thenTheNumberIsMaskedInTheOperatorsNoteToo() {
            Map<String, Object> resolved = described();
            resolved.put("status", "DISMISSED");
            resolved.put("note", "Đã gọi lại công dân, CCCD 042085007890 thuộc về tài khoản tranvanbinh; CMND cũ 042123456");

            Map<String, Object> view = ReviewView.of(resolved, true, false);

            assertThat(String.valueOf(view.get("note"))).doesNotContain("042085007890", "042123456")
                    .contains("042*******90");
        }
    }

    @Nested
    class GivenAnOperatorWhoMayViewUsers {

        @Test
        void thenItIsWhatTheReviewRestReturns() {
            Map<String, Object> view = ReviewView.of(described(), true, true);

            assertThat(view).containsAllEntriesOf(described()).containsEntry("numbersMasked", false)
                    .containsEntry("linkable", true);
        }
    }

    @Test
    void anEntryWithoutVneidIdentityIsSaidNotLinkable() {
        assertThat(ReviewView.of(described(), false, true)).containsEntry("linkable", false);
    }
}

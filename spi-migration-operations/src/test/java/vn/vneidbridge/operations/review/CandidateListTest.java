package vn.vneidbridge.operations.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CandidateListTest {

    private static final int COLUMN = 2000;

    private static List<String> userIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.nameUUIDFromBytes(("user-" + i).getBytes()).toString());
        }
        return ids;
    }

    @Nested
    class GivenANumberPlantedOnMoreRowsThanTheColumnCanList {

        @Test
        void thenTheEntryStillListsAsManyAsFitAndCountsTheRest() {
            // review 2026-12-05 (BV-12 fix), F3: 54 user ids of 36 characters overflow 2,000; the entry used to be
            // skipped, so no review opened and the one marked account was shown again
            List<String> planted = userIds(80);

            CandidateList.Merged merged = CandidateList.merge(List.of(), planted, COLUMN);

            assertThat(merged.ids()).isNotEmpty().isEqualTo(planted.subList(0, merged.ids().size()));
            assertThat(merged.joined().length()).isLessThanOrEqualTo(COLUMN);
            assertThat(merged.ids().size() + merged.dropped()).isEqualTo(80);
            assertThat(merged.ids()).hasSize(54); // 54 × 36 + 53 commas = 1,997
        }

        @Test
        void thenTheAccountsAnEntryNamedAlreadyAreKeptBeforeNewOnes() {
            List<String> named = userIds(50);
            List<String> found = userIds(60).subList(40, 60);

            CandidateList.Merged merged = CandidateList.merge(named, found, COLUMN);

            assertThat(merged.ids()).startsWith(named.toArray(String[]::new));
            assertThat(merged.ids()).hasSize(54).doesNotHaveDuplicates();
            assertThat(merged.dropped()).isEqualTo(6);
        }
    }

    @Nested
    class GivenAFewAccounts {

        @Test
        void thenTheFirstComeFirstAndNoneTwice() {
            CandidateList.Merged merged = CandidateList.merge(List.of("b", "a"), List.of("a", " c ", "", "b"),
                    COLUMN);

            assertThat(merged.ids()).containsExactly("b", "a", "c");
            assertThat(merged.joined()).isEqualTo("b,a,c");
            assertThat(merged.dropped()).isZero();
        }

        @Test
        void thenAListThatFillsTheColumnExactlyIsKeptWhole() {
            String nine = "123456789";
            CandidateList.Merged merged = CandidateList.merge(List.of(nine, nine.replace('1', '0')), List.of(),
                    19);

            assertThat(merged.joined()).hasSize(19);
            assertThat(merged.dropped()).isZero();
            assertThat(CandidateList.merge(List.of(nine, "x" + nine), List.of(), 19).dropped()).isEqualTo(1);
        }
    }
}

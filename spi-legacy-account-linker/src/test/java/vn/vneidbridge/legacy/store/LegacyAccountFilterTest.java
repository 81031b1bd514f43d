package vn.vneidbridge.legacy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegacyAccountFilterTest {

    @Test
    void aPageContinuesAfterTheKeyInKeyOrderOverRowsWithANumber() {
        LegacyAccountFilter.Query page = LegacyAccountFilter.all().page("L-0042");

        assertThat(page.jpql()).contains("a.legacyId > :after").endsWith("order by a.legacyId")
                .contains("(a.cccd is not null or a.cmnd is not null)");
        assertThat(page.parameters()).containsEntry("after", "L-0042");
    }

    @Test
    void theFirstPageStartsBeforeEveryKey() {
        assertThat(LegacyAccountFilter.all().page(null).parameters()).containsEntry("after", "");
    }

    @Test
    void filtersBecomeBoundParametersNeverText() {
        LegacyAccountFilter filter = new LegacyAccountFilter(Set.of("001"), Set.of("CITIZEN"),
                Optional.of(LocalDate.of(2020, 1, 1)), Optional.of(LocalDate.of(2020, 12, 31)));

        LegacyAccountFilter.Query page = filter.page("x' or '1'='1");

        assertThat(page.jpql()).doesNotContain("001").doesNotContain("CITIZEN").doesNotContain("x'")
                .contains("substring(a.cccd, 1, 3) in :provinces").contains("in :types")
                .contains("c.createdAt >= :createdFrom").contains("c.createdAt < :createdBefore");
        assertThat(page.parameters()).containsEntry("provinces", Set.of("001"))
                .containsEntry("types", Set.of("CITIZEN"))
                .containsEntry("createdFrom", LocalDateTime.of(2020, 1, 1, 0, 0))
                .containsEntry("createdBefore", LocalDateTime.of(2021, 1, 1, 0, 0)); // the last day included
    }

    @Test
    void theCountHasTheSameConditionsWithoutTheKey() {
        LegacyAccountFilter filter = new LegacyAccountFilter(Set.of("079"), Set.of(), Optional.empty(),
                Optional.empty());

        LegacyAccountFilter.Query count = filter.count();

        assertThat(count.jpql()).startsWith("select count(a)").doesNotContain(":after").doesNotContain("createdAt");
        assertThat(count.parameters()).containsOnlyKeys("provinces");
    }
}

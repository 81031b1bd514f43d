package vn.vneidbridge.legacy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkedAccountsTest {

    @Test
    void thenTheLinkDateIsTheDayInVietnam() {
        // 20:30 UTC on 31 December is already 1 January in Hà Nội (UTC+7)
        assertThat(LinkedAccounts.displayDate("2023-12-31T20:30:00Z")).isEqualTo("01/01/2024");
        assertThat(LinkedAccounts.displayDate("2024-01-01T03:00:00Z")).isEqualTo("01/01/2024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "01/01/2024", "yesterday", "2024-13-01T00:00:00Z"})
    void thenAnUnreadableDateShowsNothing(String stored) {
        assertThat(LinkedAccounts.displayDate(stored)).isEmpty();
    }

    @Test
    void thenNoDateShowsNothing() {
        assertThat(LinkedAccounts.displayDate(null)).isEmpty();
    }
}

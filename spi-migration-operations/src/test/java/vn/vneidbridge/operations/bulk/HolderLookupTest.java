package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HolderLookupTest {

    @Test
    void onH2EachNumberIsItsOwnQueryBecauseH2CannotSeekAListOnTheIndexsSecondColumn() {
        assertThat(HolderLookup.of("H2", 500)).isEqualTo(HolderLookup.ONE_PER_NUMBER);
        assertThat(HolderLookup.of(" h2 ", 2)).isEqualTo(HolderLookup.ONE_PER_NUMBER);
    }

    @Test
    void onTheDatabasesThatSeekEveryValueOfAListThePageIsOneQuery() {
        for (String product : new String[] {"PostgreSQL", "MySQL", "MariaDB", "Oracle", "Microsoft SQL Server"}) {
            assertThat(HolderLookup.of(product, 500)).as(product).isEqualTo(HolderLookup.ONE_LIST);
        }
    }

    @Test
    void oneNumberIsAnEqualityWhateverTheDatabase() {
        assertThat(HolderLookup.of("PostgreSQL", 1)).isEqualTo(HolderLookup.ONE_PER_NUMBER);
        assertThat(HolderLookup.of("H2", 1)).isEqualTo(HolderLookup.ONE_PER_NUMBER);
    }

    @Test
    void anUnknownDatabaseGetsTheListAsBefore() {
        assertThat(HolderLookup.of(null, 500)).isEqualTo(HolderLookup.ONE_LIST);
    }
}

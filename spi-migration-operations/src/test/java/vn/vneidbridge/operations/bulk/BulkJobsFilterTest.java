package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.legacy.store.LegacyAccountFilter;

class BulkJobsFilterTest {

    private static BulkJobEntity job(String provinces, String types, String from, String to) {
        BulkJobEntity job = new BulkJobEntity();
        job.setProvinces(provinces);
        job.setAccountTypes(types);
        job.setCreatedFrom(from);
        job.setCreatedTo(to);
        return job;
    }

    @Test
    void aJobWithoutTypesCoversTheTypesTheProviderServes() {
        LegacyAccountFilter filter = BulkJobs.filter(job("", "", null, null), Set.of("CITIZEN", "BUSINESS"));

        assertThat(filter.accountTypes()).containsExactlyInAnyOrder("CITIZEN", "BUSINESS");
        assertThat(filter.provinces()).isEmpty();
        assertThat(filter.createdFrom()).isEmpty();
    }

    @Test
    void aTypeTheProviderDoesNotServeIsLeftOut() {
        assertThat(BulkJobs.filter(job(null, "BUSINESS,CITIZEN", null, null), Set.of("CITIZEN")).accountTypes())
                .containsExactly("CITIZEN");
    }

    @Test
    void onlyTypesTheProviderDoesNotServeCoverNothingRatherThanEverything() {
        assertThat(BulkJobs.filter(job(null, "BUSINESS", null, null), Set.of("CITIZEN")).accountTypes())
                .containsExactly("-");
    }

    @Test
    void provincesAndDatesComeBackAsStored() {
        LegacyAccountFilter filter = BulkJobs.filter(job("001,079", "", "2020-01-01", "2020-12-31"),
                Set.of("CITIZEN"));

        assertThat(filter.provinces()).containsExactlyInAnyOrder("001", "079");
        assertThat(filter.createdFrom()).contains(LocalDate.of(2020, 1, 1));
        assertThat(filter.createdTo()).contains(LocalDate.of(2020, 12, 31));
    }
}

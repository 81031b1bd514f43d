package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.cccd.registry.PopulationRegistry;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.cccd.registry.RegistryResult;

class RegistryCallsTest {

    @Test
    void afterAQuotaRefusalTheBatchsRemainingCallsAreHeldBackNotSent() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        PopulationRegistry quotaUsedUp = new PopulationRegistry() {
            @Override
            public RegistryResult verify(RegistryQuery query) {
                asked.incrementAndGet();
                return new RegistryResult.Unavailable("http-429");
            }

            @Override
            public void close() {
            }
        };
        List<RegistryQuery> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(new RegistryQuery(String.format("0010901234%02d", i), "Nguyễn Văn An", LocalDate.of(1990, 1, 2),
                    Optional.empty(), Optional.empty()));
        }

        List<RegistryResult> answers;
        try (RegistryCalls calls = new RegistryCalls(1, 1_000)) {
            answers = calls.ask(quotaUsedUp, batch, () -> { });
        }

        assertThat(asked.get()).isEqualTo(1);
        assertThat(answers).hasSize(20);
        assertThat(answers.get(0)).isEqualTo(new RegistryResult.Unavailable("http-429"));
        assertThat(answers.subList(1, 20)).as("not asked; asked again soon, not counted as a call")
                .allMatch(answer -> answer.equals(new RegistryResult.Unavailable(BulkResults.CIRCUIT_OPEN)));
    }
}

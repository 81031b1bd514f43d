package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.vneidbridge.core.id.Gender;

class ResultCacheTest {

    private final TestClock clock = new TestClock();

    @Nested
    class GivenTheCacheAlone {

        private final ResultCache cache = new ResultCache(Duration.ofSeconds(60), 3, clock);

        @Test
        void thenAnAnswerIsKeptForTheTtlAndDroppedAfter() {
            cache.put(Citizen.ngaQuery(), new RegistryResult.NotFound());
            clock.advance(Duration.ofSeconds(59));
            assertThat(cache.get(Citizen.ngaQuery())).contains(new RegistryResult.NotFound());

            clock.advance(Duration.ofSeconds(1));
            assertThat(cache.get(Citizen.ngaQuery())).isEmpty();
            assertThat(cache.size()).isZero();
        }

        @Test
        void thenExpiredEntriesAreDroppedWhenAnyOtherIsAdded() {
            cache.put(Citizen.ngaQuery(), new RegistryResult.NotFound());
            clock.advance(Duration.ofSeconds(61));
            cache.put(Citizen.ngaQueryWithoutOptionals(), new RegistryResult.NotFound());

            assertThat(cache.size()).isEqualTo(1);
        }

        @Test
        void thenUnavailableIsNeverCached() {
            cache.put(Citizen.ngaQuery(), new RegistryResult.Unavailable("timeout"));

            assertThat(cache.get(Citizen.ngaQuery())).isEmpty();
        }

        @Test
        void thenTheOldestEntryIsEvictedBeyondTheBound() {
            for (int day = 1; day <= 4; day++) {
                cache.put(query("052189000123", LocalDate.of(1989, 3, day)), new RegistryResult.NotFound());
                clock.advance(Duration.ofSeconds(1));
            }

            assertThat(cache.size()).isEqualTo(3);
            assertThat(cache.get(query("052189000123", LocalDate.of(1989, 3, 1)))).isEmpty();
            assertThat(cache.get(query("052189000123", LocalDate.of(1989, 3, 4)))).isPresent();
        }

        @Test
        void thenKeysAreSaltedHashesThatNeverContainTheIdNumber() {
            String key = cache.keyFor(Citizen.ngaQuery());

            assertThat(key).matches("[0-9a-f]{64}").doesNotContain(Citizen.NGA_ID).doesNotContain("052189");
            assertThat(new ResultCache(Duration.ofSeconds(60), 3, clock).keyFor(Citizen.ngaQuery())).isNotEqualTo(key);
        }

        @Test
        void thenTheSameDeclarationWrittenOtherwiseHasTheSameKey() {
            RegistryQuery spacedOut = new RegistryQuery(" 052189000123 ", "  tô   THỊ nga ", LocalDate.of(1989, 3, 15),
                    Optional.of(" 164438056"), Optional.of(Gender.FEMALE));

            assertThat(cache.keyFor(spacedOut)).isEqualTo(cache.keyFor(Citizen.ngaQuery()));
            assertThat(cache.keyFor(Citizen.ngaQueryWithoutOptionals())).isNotEqualTo(cache.keyFor(Citizen.ngaQuery()));
        }

        private RegistryQuery query(String id, LocalDate birth) {
            return new RegistryQuery(id, "Tô Thị Nga", birth, Optional.empty(), Optional.empty());
        }
    }

    @Nested
    class GivenTheProviderWithACache {

        private StubRegistryServer server;
        private C06SoapRegistryFactory factory;
        private PopulationRegistry registry;

        @BeforeEach
        void start() throws IOException {
            server = new StubRegistryServer();
            factory = new C06SoapRegistryFactory(clock);
            factory.init(new MapScope(Map.of("endpoint", server.url("/c06"), "unitCode", "H00",
                    "cacheTtlSeconds", "60")));
            registry = factory.create(null);
        }

        @AfterEach
        void stop() {
            factory.close();
            server.close();
        }

        @Test
        void thenARepeatedQueryIsAnsweredWithoutCallingUntilTheTtlPasses() {
            server.answer(flag(true));

            RegistryResult first = registry.verify(Citizen.ngaQuery());
            RegistryResult second = registry.verify(Citizen.ngaQuery());

            assertThat(second).isEqualTo(first).isInstanceOf(RegistryResult.Match.class);
            assertThat(server.hits()).isEqualTo(1);
            assertThat(factory.getOperationalInfo()).containsEntry("cachedAnswers", "1");

            clock.advance(Duration.ofSeconds(61));
            registry.verify(Citizen.ngaQuery());
            assertThat(server.hits()).isEqualTo(2);
        }

        @Test
        void thenMismatchesAreCachedToo() {
            server.answer(flag(false));

            registry.verify(Citizen.ngaQuery());
            assertThat(registry.verify(Citizen.ngaQuery())).isEqualTo(new RegistryResult.Mismatch(Set.of()));
            assertThat(server.hits()).isEqualTo(1);
        }

        @Test
        void thenUnavailableAnswersAreNotCached() {
            server.answer(StubRegistryServer.Reply.of(500, "text/plain", "down"));
            registry.verify(Citizen.ngaQuery());
            server.answer(flag(true));

            assertThat(registry.verify(Citizen.ngaQuery())).isInstanceOf(RegistryResult.Match.class);
            assertThat(server.hits()).isEqualTo(2);
        }

        @Test
        void thenADifferentQueryIsNotAnsweredFromTheCache() {
            server.answer(flag(true));

            registry.verify(Citizen.ngaQuery());
            registry.verify(Citizen.ngaQueryWithoutOptionals());

            assertThat(server.hits()).isEqualTo(2);
        }

        @Test
        void thenClosingTheFactoryForgetsEveryAnswer() {
            server.answer(flag(true));
            registry.verify(Citizen.ngaQuery());

            factory.close();

            assertThat(factory.getOperationalInfo()).containsEntry("cachedAnswers", "0");
        }

        private StubRegistryServer.Reply flag(boolean matches) {
            return StubRegistryServer.Reply.of(200, "text/xml", "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                    + " xmlns:dc=\"http://dancuquocgia.bca\"><s:Body><dc:XacThucThongTinCongDanResponse>"
                    + "<dc:MaKetQua>00</dc:MaKetQua><dc:KetQuaXacThuc>" + matches + "</dc:KetQuaXacThuc>"
                    + "</dc:XacThucThongTinCongDanResponse></s:Body></s:Envelope>");
        }
    }
}

package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.vneidbridge.core.id.Gender;

/**
 * What both protocol adapters must do, against a real local HTTP server speaking the protocol; each
 * subclass supplies the wire format. Cache and circuit breaker are off here (tested on their own).
 */
abstract class RegistryAdapterContract {

    static final String UNIT_CODE = "000.00.00.H00";

    protected final TestClock clock = new TestClock();
    protected StubRegistryServer server;
    protected PopulationRegistryFactory factory;

    /** A new, uninitialised factory of the provider under test. */
    abstract PopulationRegistryFactory newFactory(TestClock clock);

    /** The path the stub serves the protocol on. */
    abstract String path();

    /** Protocol-specific options (credentials). */
    abstract Map<String, String> protocolOptions();

    abstract StubRegistryServer.Reply recordReply(Citizen citizen);

    abstract StubRegistryServer.Reply flagReply(boolean matches);

    /** A processed-or-not answer with this result code and neither record nor flag. */
    abstract StubRegistryServer.Reply codeReply(String code);

    /** The value the request carried for a field, in wire form; empty when not sent. */
    abstract Optional<String> sentValue(StubRegistryServer.Recorded request, RegistryField field) throws Exception;

    @BeforeEach
    void startServer() throws IOException {
        server = new StubRegistryServer();
    }

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.close();
        }
        server.close();
    }

    PopulationRegistry registry(Map<String, String> extraOptions) {
        Map<String, String> options = new HashMap<>();
        options.put("endpoint", server.url(path()));
        options.put("unitCode", UNIT_CODE);
        options.put("cacheTtlSeconds", "0");
        options.put("breakerFailures", "0");
        options.putAll(protocolOptions());
        options.putAll(extraOptions);
        factory = newFactory(clock);
        factory.init(new MapScope(options));
        return factory.create(null);
    }

    PopulationRegistry registry() {
        return registry(Map.of());
    }

    RegistryResult verifyAgainst(StubRegistryServer.Reply reply, RegistryQuery query) {
        server.answer(reply);
        return registry().verify(query);
    }

    @Test
    void thenMatchWithTheRecordWhenEveryFieldEquals() {
        RegistryResult result = verifyAgainst(recordReply(Citizen.nga()), Citizen.ngaQuery());

        assertThat(result).isInstanceOf(RegistryResult.Match.class);
        RegistryResult.Match match = (RegistryResult.Match) result;
        assertThat(match.matched()).isEqualTo(EnumSet.allOf(RegistryField.class));
        assertThat(match.record()).contains(new RegistryRecord(Citizen.NGA_ID, Optional.of("164438056"),
                "TÔ THỊ NGA", LocalDate.of(1989, 3, 15), Optional.of(Gender.FEMALE), Citizen.ngaPlaces()));
        assertThat(server.hits()).isEqualTo(1);
        assertThat(server.lastRequest().method()).isEqualTo("POST");
        assertThat(server.lastRequest().path()).isEqualTo(path());
    }

    @Test
    void thenARecordWithoutPlacesHasNone() {
        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().withPlaces(null, null, null)),
                Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match ->
                assertThat(match.record().orElseThrow().places()).isEqualTo(RegistryPlaces.NONE));
    }

    @Test
    void thenAPlaceWithoutWordsOrWithBlankWordsIsAbsentAndTheOthersAreRead() {
        Citizen.Place onlyCodes = new Citizen.Place("52", "547", "21934", null);
        Citizen.Place blank = new Citizen.Place("52", "547", "21934", " \t ");

        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().withPlaces(onlyCodes, blank,
                Citizen.QUY_NHON)), Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match -> {
            assertThat(match.matched()).isEqualTo(EnumSet.allOf(RegistryField.class));
            assertThat(match.record().orElseThrow().places()).isEqualTo(new RegistryPlaces(Optional.empty(),
                    Optional.empty(), Optional.of(Citizen.QUY_NHON.read())));
        });
    }

    @Test
    void thenAPlaceWithoutCodesIsReadInWords() {
        Citizen.Place wordsOnly = new Citizen.Place(null, null, null, Citizen.PHUOC_LOC.text());

        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().withPlaces(wordsOnly, null, null)),
                Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match ->
                assertThat(match.record().orElseThrow().places()).isEqualTo(new RegistryPlaces(
                        Optional.of(RegistryPlace.of(Citizen.PHUOC_LOC.text())), Optional.empty(), Optional.empty())));
    }

    @Test
    void thenAPlaceWithACodeThatIsNotDigitsIsIgnoredAndTheRestIsRead() {
        Citizen.Place letters = new Citizen.Place("52", "TP", "21934", Citizen.PHUOC_LOC.text());
        Citizen.Place tooLong = new Citizen.Place("52", "547", "1".repeat(11), Citizen.PHUOC_LOC.text());

        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().withPlaces(letters, tooLong,
                Citizen.QUY_NHON)), Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match -> {
            assertThat(match.matched()).isEqualTo(EnumSet.allOf(RegistryField.class));
            assertThat(match.record().orElseThrow().places()).isEqualTo(new RegistryPlaces(Optional.empty(),
                    Optional.empty(), Optional.of(Citizen.QUY_NHON.read())));
        });
    }

    @Test
    void thenAnOverLongPlaceIsCutAtTheLimit() {
        String words = "Số 12 đường Trần Phú, " + "Phường Lê Lợi, ".repeat(30) + "Tỉnh Bình Định";
        Citizen.Place overLong = new Citizen.Place("52", "540", "21583", words);

        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().withPlaces(null, null, overLong)),
                Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match -> {
            RegistryPlace residence = match.record().orElseThrow().places().permanentResidence().orElseThrow();
            assertThat(words).hasSizeGreaterThan(RegistryPlace.MAX_TEXT_LENGTH);
            assertThat(residence.text()).hasSize(RegistryPlace.MAX_TEXT_LENGTH)
                    .isEqualTo(words.substring(0, RegistryPlace.MAX_TEXT_LENGTH));
            assertThat(residence.provinceCode()).contains("52");
        });
    }

    @Test
    void thenPlaceWordsAreReadAsNfcWithoutControlOrFormatCharactersAndWithSingleSpaces() {
        String decomposed = Normalizer.normalize("Xã  Phước Lộc,\t\u00A0Huyện Tuy\u202E Phước, Tỉnh Bình Định",
                Normalizer.Form.NFD);
        Citizen.Place spelledOtherwise = new Citizen.Place("52", "547", "21934", decomposed);

        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().withPlaces(spelledOtherwise, null, null)),
                Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match ->
                assertThat(match.record().orElseThrow().places().birthRegistration())
                        .contains(Citizen.PHUOC_LOC.read()));
    }

    @Test
    void thenTheRequestCarriesTheDeclaredValuesInWireForm() throws Exception {
        verifyAgainst(recordReply(Citizen.nga()), Citizen.ngaQuery());

        StubRegistryServer.Recorded request = server.lastRequest();
        assertThat(sentValue(request, RegistryField.ID_NUMBER)).contains(Citizen.NGA_ID);
        assertThat(sentValue(request, RegistryField.FULL_NAME)).contains("TÔ THỊ NGA");
        assertThat(sentValue(request, RegistryField.BIRTH_DATE)).contains("19890315");
        assertThat(sentValue(request, RegistryField.CMND)).contains("164438056");
        assertThat(sentValue(request, RegistryField.GENDER)).contains("2");
    }

    @Test
    void thenANameDifferingOnlyInCaseSpacingOrUnicodeFormStillMatches() {
        Citizen spelledOtherwise = Citizen.nga().withName(
                Normalizer.normalize("tô", Normalizer.Form.NFD), "  Thị\u00A0 ", Normalizer.normalize("nga ", Normalizer.Form.NFD));

        RegistryResult result = verifyAgainst(recordReply(spelledOtherwise), Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class,
                match -> assertThat(match.matched()).contains(RegistryField.FULL_NAME));
    }

    @ParameterizedTest
    @EnumSource(RegistryField.class)
    void thenEachDifferingFieldIsReported(RegistryField field) {
        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().differingIn(field)), Citizen.ngaQuery());

        assertThat(result).isEqualTo(new RegistryResult.Mismatch(Set.of(field)));
    }

    @Test
    void thenEveryDifferingFieldIsReportedTogether() {
        Citizen other = Citizen.nga().withBirth("19900101").withCmndAndGender("164438056", "1");

        RegistryResult result = verifyAgainst(recordReply(other), Citizen.ngaQuery());

        assertThat(result).isEqualTo(new RegistryResult.Mismatch(Set.of(RegistryField.BIRTH_DATE, RegistryField.GENDER)));
    }

    @Test
    void thenCmndAndGenderAreNeitherSentNorComparedWhenNotDeclared() throws Exception {
        Citizen otherCmndAndGender = Citizen.nga().withCmndAndGender("999999999", "1");

        RegistryResult result = verifyAgainst(recordReply(otherCmndAndGender), Citizen.ngaQueryWithoutOptionals());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match -> assertThat(match.matched())
                .containsExactlyInAnyOrder(RegistryField.ID_NUMBER, RegistryField.FULL_NAME, RegistryField.BIRTH_DATE));
        assertThat(sentValue(server.lastRequest(), RegistryField.CMND)).isEmpty();
        assertThat(sentValue(server.lastRequest(), RegistryField.GENDER)).isEmpty();
    }

    @Test
    void thenDeclaredCmndAndGenderMissingFromTheRecordAreMismatches() {
        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().withCmndAndGender(null, null)),
                Citizen.ngaQuery());

        assertThat(result).isEqualTo(new RegistryResult.Mismatch(Set.of(RegistryField.CMND, RegistryField.GENDER)));
    }

    @Test
    void thenABareTrueFlagMatchesTheFieldsSentWithoutARecord() {
        assertThat(verifyAgainst(flagReply(true), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Match(EnumSet.allOf(RegistryField.class), Optional.empty()));
        assertThat(registry().verify(Citizen.ngaQueryWithoutOptionals()))
                .isEqualTo(new RegistryResult.Match(
                        Set.of(RegistryField.ID_NUMBER, RegistryField.FULL_NAME, RegistryField.BIRTH_DATE),
                        Optional.empty()));
    }

    @Test
    void thenABareFalseFlagIsAMismatchWithoutFields() {
        assertThat(verifyAgainst(flagReply(false), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Mismatch(Set.of()));
    }

    @Test
    void thenCode01IsNotFound() {
        assertThat(verifyAgainst(codeReply("01"), Citizen.ngaQuery())).isEqualTo(new RegistryResult.NotFound());
    }

    @Test
    void thenCode99IsUnavailable() {
        assertThat(verifyAgainst(codeReply("99"), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("service-error"));
    }

    @Test
    void thenAnUnknownCodeIsUnavailable() {
        assertThat(verifyAgainst(codeReply("42"), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("unexpected-result-code"));
    }

    @Test
    void thenCode00WithNeitherRecordNorFlagIsMalformed() {
        assertThat(verifyAgainst(codeReply("00"), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    @Test
    void thenAnUnreadableDateIsMalformed() {
        assertThat(verifyAgainst(recordReply(Citizen.nga().withBirth("1989-03-15")), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    @Test
    void thenHttp500IsUnavailable() {
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(500, "text/plain", "Internal Server Error"),
                Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("http-500"));
    }

    @Test
    void thenAnyOtherStatusIsUnavailable() {
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(401, "text/plain", "Unauthorized"), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("http-401"));
    }

    @Test
    void thenAGarbageBodyIsMalformed() {
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "text/plain", "<<garbage ]]> {"), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "text/plain", ""), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    @Test
    void thenAServerSlowerThanTheReadTimeoutIsUnavailableAfterAboutTheTimeout() {
        server.answer(recordReply(Citizen.nga()).delayedBy(5_000));
        PopulationRegistry registry = registry(Map.of("readTimeoutMillis", "400"));

        long start = System.nanoTime();
        RegistryResult result = registry.verify(Citizen.ngaQuery());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isEqualTo(new RegistryResult.Unavailable("timeout"));
        assertThat(elapsed).isLessThan(Duration.ofMillis(800));
    }

    @Test
    void thenAnOversizedResponseIsCutOffAtTheLimitAndIsUnavailable() throws InterruptedException {
        // 64 MiB of filler, sent as fast as it is read: an answer is a few kilobytes, the limit is 1 MiB
        long huge = 64L << 20;
        server.answerWithBodyOf(huge);
        PopulationRegistry registry = registry(Map.of("readTimeoutMillis", "20000"));

        long start = System.nanoTime();
        RegistryResult result = registry.verify(Citizen.ngaQuery());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isEqualTo(new RegistryResult.Unavailable("response-too-large"));
        assertThat(elapsed).as("given up at the limit, not at the read timeout").isLessThan(Duration.ofSeconds(10));
        long sent = server.hugeBodySent(Duration.ofSeconds(10));
        assertThat(sent).as("the server stopped sending once the adapter hung up").isNotNegative();
        assertThat(sent).as("the rest of the body was never read").isLessThan(huge / 4);
    }

    @Test
    void thenARefusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PopulationRegistry registry = registry(Map.of("endpoint", "http://127.0.0.1:" + closedPort + path()));

        assertThat(registry.verify(Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("connection-failed"));
    }
}

package vn.vneidbridge.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.registry.RegistryCalls.Fields;

class PopulationRegistrySimulatorTest {

    /** A persona as the registry answers: id, CMND, name parts upper case, gender code, birth date. */
    record Persona(String idNumber, String cmnd, String ho, String chuDem, String ten, String gender, String birth) {

        String fullName() {
            return ho + " " + chuDem + " " + ten;
        }

        Fields fields() {
            return new Fields(idNumber, cmnd, fullName(), birth, gender);
        }

        @Override
        public String toString() {
            return ten;
        }
    }

    static Stream<Persona> personas() {
        return Stream.of(
                new Persona("052189000123", "164438056", "TÔ", "THỊ", "NGA", "2", "19890315"),
                new Persona("001090001234", null, "NGUYỄN", "VĂN", "AN", "1", "19900902"),
                new Persona("079195004567", null, "LÊ", "THỊ", "HOA", "2", "19951120"),
                new Persona("042085007890", null, "TRẦN", "VĂN", "BÌNH", "1", "19851010"),
                new Persona("036088002468", null, "PHẠM", "MINH", "ĐỨC", "1", "19880505"));
    }

    /** The record of an LGSP answer. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> congDan(HttpResponse<String> response) throws Exception {
        return (Map<String, Object>) RegistryCalls.json(response).get("congDan");
    }

    private static final Fields NGA = new Fields("052189000123", "164438056", "TÔ THỊ NGA", "19890315", "2");
    private static final Fields UNKNOWN = new Fields("001099999999", null, "NGUYỄN VĂN KHÔNG", "19990101", "1");

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenTheSandboxPersonasWithoutCredentials {

        private PopulationRegistrySimulator simulator;
        private RegistryCalls calls;

        @BeforeAll
        void start() throws Exception {
            simulator = PopulationRegistrySimulator.start(0, PopulationDatabase.sandbox(), Optional.empty());
            calls = new RegistryCalls(simulator.baseUri());
        }

        @AfterEach
        void reset() throws Exception {
            assertThat(calls.post("/_simulator/reset", "", Map.of()).statusCode()).isEqualTo(200);
        }

        @AfterAll
        void stop() {
            simulator.close();
        }

        @Test
        void thenItListensOnTheLoopbackInterface() {
            assertThat(simulator.baseUri().getHost()).isIn("127.0.0.1", "[::1]");
            assertThat(simulator.baseUri().getPort()).isPositive();
            assertThat(simulator.c06Endpoint().toString()).endsWith("/c06/XacThucThongTinCongDan");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.vneidbridge.sandbox.registry.PopulationRegistrySimulatorTest#personas")
        void thenEachPersonaGetsTheirRecordOverC06(Persona persona) throws Exception {
            HttpResponse<String> response = calls.c06(persona.fields());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/xml"));
            Map<String, String> fields = RegistryCalls.soapFields(response.body());
            assertThat(fields).containsEntry("MaKetQua", "00").containsEntry("CongDan", "present")
                    .containsEntry("SoDinhDanh", persona.idNumber())
                    .containsEntry("Ho", persona.ho()).containsEntry("ChuDem", persona.chuDem())
                    .containsEntry("Ten", persona.ten()).containsEntry("GioiTinh", persona.gender())
                    .containsEntry("NgayThangNam", persona.birth()).doesNotContainKey("KetQuaXacThuc");
            if (persona.cmnd() == null) {
                assertThat(fields).doesNotContainKey("SoCMND");
            } else {
                assertThat(fields).containsEntry("SoCMND", persona.cmnd());
            }
            assertThat(fields.get("MaYeuCau")).hasSize(36);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.vneidbridge.sandbox.registry.PopulationRegistrySimulatorTest#personas")
        void thenEachPersonaGetsTheirRecordOverLgsp(Persona persona) throws Exception {
            HttpResponse<String> response = calls.lgsp(persona.fields());

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> json = RegistryCalls.json(response);
            assertThat(json).containsEntry("maKetQua", "00").doesNotContainKey("ketQuaXacThuc");
            assertThat((String) json.get("maYeuCau")).hasSize(36);
            @SuppressWarnings("unchecked")
            Map<String, Object> citizen = (Map<String, Object>) json.get("congDan");
            assertThat(citizen).containsEntry("soDinhDanh", persona.idNumber())
                    .containsEntry("hoVaTen", persona.fullName()).containsEntry("ngaySinh", persona.birth())
                    .containsEntry("gioiTinh", persona.gender());
            assertThat(citizen.get("soCMND")).isEqualTo(persona.cmnd());
        }

        @Test
        void thenNgasPlacesAreAnsweredAsTheProtocolDocumentShowsThem() throws Exception {
            String soap = calls.c06(NGA).body();
            Map<String, Object> citizen = congDan(calls.lgsp(NGA));

            for (String place : List.of("NoiDangKyKhaiSinh", "QueQuan")) {
                assertThat(RegistryCalls.soapPlace(soap, place)).as(place).containsExactly(
                        Map.entry("MaTinhThanh", "52"), Map.entry("MaQuanHuyen", "547"),
                        Map.entry("MaPhuongXa", "21934"),
                        Map.entry("DiaChiDayDu", "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định"));
            }
            assertThat(RegistryCalls.soapPlace(soap, "ThuongTru")).containsExactly(
                    Map.entry("MaTinhThanh", "52"), Map.entry("MaQuanHuyen", "540"), Map.entry("MaPhuongXa", "21583"),
                    Map.entry("DiaChiDayDu",
                            "Số 12 đường Trần Phú, Phường Lê Lợi, Thành phố Quy Nhơn, Tỉnh Bình Định"));
            Map<String, Object> phuocLoc = Map.of("maTinhThanh", "52", "maQuanHuyen", "547", "maPhuongXa", "21934",
                    "diaChiDayDu", "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
            assertThat(citizen).containsEntry("noiDangKyKhaiSinh", phuocLoc).containsEntry("queQuan", phuocLoc)
                    .containsEntry("thuongTru", Map.of("maTinhThanh", "52", "maQuanHuyen", "540",
                            "maPhuongXa", "21583",
                            "diaChiDayDu", "Số 12 đường Trần Phú, Phường Lê Lợi, Thành phố Quy Nhơn, Tỉnh Bình Định"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.vneidbridge.sandbox.registry.PopulationRegistrySimulatorTest#personas")
        void thenEachPersonaGetsThreePlacesInTheProvinceOfTheirIdNumber(Persona persona) throws Exception {
            String soap = calls.c06(persona.fields()).body();
            Map<String, Object> citizen = congDan(calls.lgsp(persona.fields()));
            String provinceCode = persona.idNumber().substring(1, 3);

            for (String place : List.of("NoiDangKyKhaiSinh", "QueQuan", "ThuongTru")) {
                assertThat(RegistryCalls.soapPlace(soap, place)).as(place).containsEntry("MaTinhThanh", provinceCode)
                        .containsKeys("MaQuanHuyen", "MaPhuongXa", "DiaChiDayDu");
                String key = Character.toLowerCase(place.charAt(0)) + place.substring(1);
                assertThat(citizen.get(key)).as(key).isEqualTo(Map.of(
                        "maTinhThanh", provinceCode,
                        "maQuanHuyen", RegistryCalls.soapPlace(soap, place).get("MaQuanHuyen"),
                        "maPhuongXa", RegistryCalls.soapPlace(soap, place).get("MaPhuongXa"),
                        "diaChiDayDu", RegistryCalls.soapPlace(soap, place).get("DiaChiDayDu")));
            }
        }

        @Test
        void thenAnUnknownIdNumberIsAnswered01WithoutARecord() throws Exception {
            Map<String, String> soap = RegistryCalls.soapFields(calls.c06(UNKNOWN).body());
            assertThat(soap).containsEntry("MaKetQua", "01").doesNotContainKeys("CongDan", "KetQuaXacThuc", "Ho");

            HttpResponse<String> lgsp = calls.lgsp(UNKNOWN);
            assertThat(lgsp.statusCode()).isEqualTo(200);
            assertThat(RegistryCalls.json(lgsp)).containsEntry("maKetQua", "01")
                    .doesNotContainKeys("congDan", "ketQuaXacThuc");
        }

        @Test
        void thenAnIdNumberThatIsNotTwelveDigitsIsUnknownToo() throws Exception {
            Fields shortId = new Fields("05218900012", null, "TÔ THỊ NGA", "19890315", null);
            assertThat(RegistryCalls.soapFields(calls.c06(shortId).body())).containsEntry("MaKetQua", "01");
        }

        @Nested
        class WhenTheBareMatchFlagIsOn {

            private void bare() throws Exception {
                HttpResponse<String> response = calls.mode("{\"bareMatchFlag\": true}");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(RegistryCalls.json(response)).containsEntry("bareMatchFlag", true);
            }

            @Test
            void thenTheRightDataMatchesOverBothProtocols() throws Exception {
                bare();
                assertThat(RegistryCalls.soapFields(calls.c06(NGA).body()))
                        .containsEntry("MaKetQua", "00").containsEntry("KetQuaXacThuc", "true")
                        .doesNotContainKeys("CongDan", "Ho", "SoDinhDanh", "DiaChiDayDu", "MaTinhThanh");
                assertThat(RegistryCalls.json(calls.lgsp(NGA)))
                        .containsEntry("maKetQua", "00").containsEntry("ketQuaXacThuc", true)
                        .doesNotContainKey("congDan");
            }

            @Test
            void thenTheNameMatchesWhateverItsCaseSpacingAndUnicodeForm() throws Exception {
                bare();
                String decomposed = java.text.Normalizer.normalize("  tô   thị NGA ", java.text.Normalizer.Form.NFD);
                assertThat(RegistryCalls.soapFields(calls.c06(NGA.withName(decomposed)).body()))
                        .containsEntry("KetQuaXacThuc", "true");
                assertThat(RegistryCalls.json(calls.lgsp(NGA.withName(decomposed))))
                        .containsEntry("ketQuaXacThuc", true);
            }

            @Test
            void thenAWrongBirthDateDoesNotMatch() throws Exception {
                bare();
                Fields wrong = NGA.withBirthDate("19890316");
                assertThat(RegistryCalls.soapFields(calls.c06(wrong).body()))
                        .containsEntry("MaKetQua", "00").containsEntry("KetQuaXacThuc", "false");
                assertThat(RegistryCalls.json(calls.lgsp(wrong))).containsEntry("ketQuaXacThuc", false);
            }

            @Test
            void thenAWrongNameDoesNotMatchNorDoesOneWithoutDiacritics() throws Exception {
                bare();
                for (String name : List.of("TÔ THỊ NGÀ", "TO THI NGA", "TÔ THỊ")) {
                    assertThat(RegistryCalls.soapFields(calls.c06(NGA.withName(name)).body()))
                            .as(name).containsEntry("KetQuaXacThuc", "false");
                    assertThat(RegistryCalls.json(calls.lgsp(NGA.withName(name))))
                            .as(name).containsEntry("ketQuaXacThuc", false);
                }
            }

            @Test
            void thenCmndAndGenderCountOnlyWhenSent() throws Exception {
                bare();
                Fields minimal = NGA.withCmnd(null).withGender(null);
                assertThat(RegistryCalls.json(calls.lgsp(minimal))).containsEntry("ketQuaXacThuc", true);
                assertThat(RegistryCalls.json(calls.lgsp(NGA.withCmnd("164438057"))))
                        .containsEntry("ketQuaXacThuc", false);
                assertThat(RegistryCalls.soapFields(calls.c06(NGA.withGender("1")).body()))
                        .containsEntry("KetQuaXacThuc", "false");
                Fields an = new Fields("001090001234", "123456789", "NGUYỄN VĂN AN", "19900902", "1");
                assertThat(RegistryCalls.json(calls.lgsp(an))).as("a CMND sent for a citizen without one")
                        .containsEntry("ketQuaXacThuc", false);
            }

            @Test
            void thenAYearOfBirthAloneIsComparedOverC06() throws Exception {
                bare();
                assertThat(RegistryCalls.soapFields(calls.c06(NGA.withBirthDate("1989")).body()))
                        .containsEntry("KetQuaXacThuc", "true");
                assertThat(RegistryCalls.soapFields(calls.c06(NGA.withBirthDate("1990")).body()))
                        .containsEntry("KetQuaXacThuc", "false");
            }

            @Test
            void thenAnUnknownIdNumberIsStill01WithoutAFlag() throws Exception {
                bare();
                assertThat(RegistryCalls.soapFields(calls.c06(UNKNOWN).body()))
                        .containsEntry("MaKetQua", "01").doesNotContainKey("KetQuaXacThuc");
                assertThat(RegistryCalls.json(calls.lgsp(UNKNOWN)))
                        .containsEntry("maKetQua", "01").doesNotContainKey("ketQuaXacThuc");
            }
        }

        @Test
        void thenFailWithStatusMakesEveryVerificationFailUntilReset() throws Exception {
            HttpResponse<String> mode = calls.mode("{\"failWithStatus\": 500}");
            assertThat(RegistryCalls.json(mode)).containsEntry("failWithStatus", 500L)
                    .containsEntry("delayMillis", 0L).containsEntry("bareMatchFlag", false);

            HttpResponse<String> c06 = calls.c06(NGA);
            assertThat(c06.statusCode()).isEqualTo(500);
            assertThat(RegistryCalls.soapFields(c06.body())).containsKey("faultcode").doesNotContainKey("MaKetQua");
            assertThat(calls.lgsp(NGA).statusCode()).isEqualTo(500);

            assertThat(calls.post("/_simulator/reset", "", Map.of()).statusCode()).isEqualTo(200);
            assertThat(calls.c06(NGA).statusCode()).isEqualTo(200);
            assertThat(calls.lgsp(NGA).statusCode()).isEqualTo(200);
        }

        @Test
        void thenModeKeysThatAreLeftOutKeepTheirValues() throws Exception {
            calls.mode("{\"failWithStatus\": 503, \"bareMatchFlag\": true}");
            HttpResponse<String> response = calls.mode("{\"delayMillis\": 10}");
            assertThat(RegistryCalls.json(response)).containsEntry("failWithStatus", 503L)
                    .containsEntry("bareMatchFlag", true).containsEntry("delayMillis", 10L);
            assertThat(RegistryCalls.json(calls.get("/_simulator/mode"))).isEqualTo(RegistryCalls.json(response));
            assertThat(RegistryCalls.json(calls.mode("{}"))).isEqualTo(RegistryCalls.json(response));
        }

        @Test
        void thenABadModeIsRefusedAndChangesNothing() throws Exception {
            for (String bad : List.of("{\"delayMillis\": -1}", "{\"delayMillis\": \"10\"}", "{\"failWithStatus\": 42}",
                    "{\"bareMatchFlag\": \"yes\"}", "{\"delayMillis\": 1.5}", "{\"unknown\": 1}", "[]", "not json")) {
                assertThat(calls.mode(bad).statusCode()).as(bad).isEqualTo(400);
            }
            assertThat(simulator.mode()).isEqualTo(SimulatorMode.normal());
        }

        @Test
        void thenADelayHoldsTheAnswerButNotTheSwitches() throws Exception {
            calls.mode("{\"delayMillis\": 1500}");

            long started = System.nanoTime();
            CompletableFuture<Long> delayed = CompletableFuture.supplyAsync(() -> {
                try {
                    assertThat(calls.c06(NGA).statusCode()).isEqualTo(200);
                    return System.nanoTime() - started;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            assertThat(calls.get("/_simulator/stats").statusCode()).isEqualTo(200);
            assertThat(delayed).as("the switches answered while the verification still waits").isNotDone();
            assertThat(Duration.ofNanos(delayed.get(20, TimeUnit.SECONDS))).isGreaterThanOrEqualTo(
                    Duration.ofMillis(1500));

            Instant before = Instant.now();
            HttpResponse<String> lgsp = calls.lgsp(NGA);
            assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(RegistryCalls.json(lgsp)).containsEntry("maKetQua", "00");
        }

        @Test
        void thenResetRestoresTheNormalMode() throws Exception {
            calls.mode("{\"delayMillis\": 1500, \"failWithStatus\": 502, \"bareMatchFlag\": true}");
            HttpResponse<String> reset = calls.post("/_simulator/reset", "", Map.of());
            assertThat(RegistryCalls.json(reset)).containsEntry("delayMillis", 0L).containsEntry("failWithStatus", 0L)
                    .containsEntry("bareMatchFlag", false);

            Instant before = Instant.now();
            HttpResponse<String> answer = calls.c06(NGA);
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofMillis(1500));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(RegistryCalls.soapFields(answer.body())).containsEntry("CongDan", "present");
        }

        @Test
        void thenStatsCountVerificationRequestsOnly() throws Exception {
            assertThat(calls.requestCount()).isZero();
            calls.c06(NGA);
            calls.lgsp(UNKNOWN);
            calls.c06("<not-xml", Map.of());
            calls.mode("{}");
            calls.get("/_simulator/mode");
            calls.get("/_simulator/stats");
            assertThat(calls.requestCount()).isEqualTo(3);
            assertThat(simulator.requestCount()).isEqualTo(3);

            calls.post("/_simulator/reset", "", Map.of());
            assertThat(calls.requestCount()).isZero();
        }

        @Test
        void thenAnExternalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
            Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
            String xxe = "<?xml version=\"1.0\"?>"
                    + "<!DOCTYPE soapenv:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                    + RegistryCalls.c06Body(NGA).replace("TÔ THỊ NGA", "&xxe;");

            HttpResponse<String> response = calls.c06(xxe, Map.of());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("TOP-SECRET");
        }

        @Test
        void thenAnInternalEntityIsRefusedToo() throws Exception {
            String lol = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"aaaaaaaaaa\">"
                    + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                    + RegistryCalls.c06Body(NGA).replace("TÔ THỊ NGA", "&b;");
            assertThat(calls.c06(lol, Map.of()).statusCode()).isEqualTo(400);
        }

        @Test
        void thenMalformedSoapIsRefused() throws Exception {
            String valid = RegistryCalls.c06Body(NGA);
            List<String> bad = List.of(
                    "",
                    "<soapenv:Envelope",
                    "not xml at all",
                    valid.replace("http://schemas.xmlsoap.org/soap/envelope/", "urn:other"),
                    valid.replace("http://dancuquocgia.bca", "urn:other"),
                    valid.replace("XacThucThongTinCongDan>", "TraCuuThongTinCongDan>"),
                    RegistryCalls.c06Body(NGA.withBirthDate("19890231")),
                    RegistryCalls.c06Body(NGA.withBirthDate("15/03/1989")),
                    RegistryCalls.c06Body(NGA.withGender("F")),
                    RegistryCalls.c06Body(new Fields(null, null, "TÔ THỊ NGA", "19890315", null)));
            for (String body : bad) {
                HttpResponse<String> response = calls.c06(body, Map.of());
                assertThat(response.statusCode()).as(body).isEqualTo(400);
            }
        }

        @Test
        void thenMalformedJsonIsRefused() throws Exception {
            List<String> bad = List.of(
                    "",
                    "{",
                    "[\"052189000123\"]",
                    "{\"soDinhDanh\": 52189000123}",
                    "{\"hoVaTen\": \"TÔ THỊ NGA\"}",
                    "{\"soDinhDanh\": \"052189000123\", \"ngaySinh\": \"1989-03-15\"}",
                    "{\"soDinhDanh\": \"052189000123\", \"gioiTinh\": \"nu\"}",
                    "{\"soDinhDanh\": \"052189000123\"} trailing");
            for (String body : bad) {
                assertThat(calls.lgsp(body, Map.of()).statusCode()).as(body).isEqualTo(400);
            }
        }

        @Test
        void thenOptionalJsonFieldsMayBeNullOrAbsent() throws Exception {
            HttpResponse<String> response = calls.lgsp("{\"soDinhDanh\": \"052189000123\", \"soCMND\": null}",
                    Map.of());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RegistryCalls.json(response)).containsEntry("maKetQua", "00").containsKey("congDan")
                    .doesNotContainKey("maYeuCau");
        }

        @Test
        void thenAHugeBodyIsRefusedWith413() throws Exception {
            String huge = "{\"soDinhDanh\": \"" + "0".repeat(200_000) + "\"}";
            assertThat(calls.lgsp(huge, Map.of()).statusCode()).isEqualTo(413);
        }

        @Test
        void thenAHugeDeclaredBodyIsRefusedBeforeItIsSent() throws Exception {
            try (Socket socket = new Socket(simulator.baseUri().getHost().replace("[", "").replace("]", ""),
                    simulator.baseUri().getPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /c06/XacThucThongTinCongDan HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: text/xml\r\nContent-Length: 1000000000\r\n\r\n<soapenv:Envelope")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(status).isEqualTo("HTTP/1.1 413");
            }
        }

        @Test
        void thenOtherMethodsAndPathsAreRefused() throws Exception {
            assertThat(calls.get(PopulationRegistrySimulator.C06_PATH).statusCode()).isEqualTo(405);
            assertThat(calls.post("/_simulator/stats", "", Map.of()).statusCode()).isEqualTo(405);
            assertThat(calls.get("/_simulator/reset").statusCode()).isEqualTo(405);
            assertThat(calls.get("/").statusCode()).isEqualTo(404);
            assertThat(calls.requestCount()).isZero();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenC06CredentialsAndAnLgspToken {

        private final C06Credentials credentials = new C06Credentials("dvc-hatinh", "c06-sandbox-secret");
        private PopulationRegistrySimulator simulator;
        private RegistryCalls calls;

        @BeforeAll
        void start() throws Exception {
            simulator = PopulationRegistrySimulator.start(0, PopulationDatabase.sandbox(), Optional.of(credentials),
                    Optional.of("lgsp-sandbox-token"));
            calls = new RegistryCalls(simulator.baseUri());
        }

        @AfterAll
        void stop() {
            simulator.close();
        }

        private Map<String, String> signedBy(C06Credentials signer, String url) {
            String timestamp = C06Credentials.timestamp(Instant.now());
            return Map.of("Timestamp", timestamp, "X-Road-Client", "000.00.00.H00", "ApiKey", "sandbox-api-key",
                    "Authorization", signer.authorization(url, timestamp));
        }

        private String endpoint() {
            return simulator.c06Endpoint().toString();
        }

        @Test
        void thenTheRightSignatureIsAccepted() throws Exception {
            HttpResponse<String> response = calls.c06(RegistryCalls.c06Body(NGA), signedBy(credentials, endpoint()));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RegistryCalls.soapFields(response.body())).containsEntry("MaKetQua", "00");
        }

        @Test
        void thenAWrongSecretIsRefusedWith401() throws Exception {
            C06Credentials wrong = new C06Credentials(credentials.user(), "another-secret");
            HttpResponse<String> response = calls.c06(RegistryCalls.c06Body(NGA), signedBy(wrong, endpoint()));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("NGA");
        }

        @Test
        void thenAnotherUserOrAnotherUrlIsRefusedWith401() throws Exception {
            C06Credentials otherUser = new C06Credentials("dvc-binhduong", credentials.secret());
            assertThat(calls.c06(RegistryCalls.c06Body(NGA), signedBy(otherUser, endpoint())).statusCode())
                    .isEqualTo(401);
            assertThat(calls.c06(RegistryCalls.c06Body(NGA),
                    signedBy(credentials, "http://c06.example.gov.vn/c06/XacThucThongTinCongDan")).statusCode())
                    .isEqualTo(401);
        }

        @Test
        void thenASignatureForAnotherTimestampIsRefusedWith401() throws Exception {
            Map<String, String> headers = new java.util.HashMap<>(signedBy(credentials, endpoint()));
            headers.put("Timestamp", "20240101000000");
            assertThat(calls.c06(RegistryCalls.c06Body(NGA), headers).statusCode()).isEqualTo(401);
        }

        @Test
        void thenMissingHeadersAreRefusedWith401() throws Exception {
            Map<String, String> signed = signedBy(credentials, endpoint());
            assertThat(calls.c06(RegistryCalls.c06Body(NGA), Map.of()).statusCode()).isEqualTo(401);
            assertThat(calls.c06(RegistryCalls.c06Body(NGA), Map.of("Timestamp", signed.get("Timestamp")))
                    .statusCode()).isEqualTo(401);
            assertThat(calls.c06(RegistryCalls.c06Body(NGA), Map.of("Authorization", signed.get("Authorization")))
                    .statusCode()).isEqualTo(401);
            assertThat(calls.c06(RegistryCalls.c06Body(NGA), Map.of("Timestamp", signed.get("Timestamp"),
                    "Authorization", "Basic !!!")).statusCode()).isEqualTo(401);
        }

        @Test
        void thenTheLgspTokenIsChecked() throws Exception {
            String body = RegistryCalls.lgspBody(NGA);
            assertThat(calls.lgsp(body, Map.of("Authorization", "Bearer lgsp-sandbox-token")).statusCode())
                    .isEqualTo(200);
            assertThat(calls.lgsp(body, Map.of("Authorization", "Bearer another-token")).statusCode())
                    .isEqualTo(401);
            assertThat(calls.lgsp(body, Map.of("Authorization", "Basic bGdzcC1zYW5kYm94LXRva2Vu")).statusCode())
                    .isEqualTo(401);
            assertThat(calls.lgsp(body, Map.of()).statusCode()).isEqualTo(401);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenOneThousandSyntheticPeople {

        private PopulationRegistrySimulator simulator;
        private RegistryCalls calls;
        private List<SyntheticPerson> people;

        @BeforeAll
        void start() throws Exception {
            simulator = PopulationRegistrySimulator.start(0, PopulationDatabase.sandbox().withSynthetic(1000, 42),
                    Optional.empty());
            calls = new RegistryCalls(simulator.baseUri());
            people = SyntheticAccountGenerator.people(1000, 42).toList();
        }

        @AfterAll
        void stop() {
            simulator.close();
        }

        private Stream<SyntheticPerson> sample() {
            SyntheticPerson withCmnd = people.stream().filter(p -> p.cmnd() != null).skip(3).findFirst().orElseThrow();
            SyntheticPerson withoutCmnd = people.stream().filter(p -> p.cmnd() == null).skip(5).findFirst()
                    .orElseThrow();
            return Stream.of(people.get(0), people.get(499), people.get(999), withCmnd, withoutCmnd);
        }

        @Test
        void thenTheyAreFoundWithTheGeneratorsDataOverC06() throws Exception {
            for (SyntheticPerson person : sample().toList()) {
                Map<String, String> fields = RegistryCalls.soapFields(calls.c06(fields(person)).body());
                String[] name = vn.vneidbridge.core.id.VietnameseNames.upperCaseForRegistry(person.fullName())
                        .split(" ");
                assertThat(fields).as(person.legacyId()).containsEntry("MaKetQua", "00")
                        .containsEntry("SoDinhDanh", person.cccd())
                        .containsEntry("Ho", name[0]).containsEntry("Ten", name[name.length - 1])
                        .containsEntry("ChuDem", String.join(" ", List.of(name).subList(1, name.length - 1)))
                        .containsEntry("GioiTinh", person.gender() == Gender.MALE ? "1" : "2")
                        .containsEntry("NgayThangNam", RegistryFormats.formatDate(person.birthDate()));
                assertThat(fields.get("SoCMND")).as(person.legacyId()).isEqualTo(person.cmnd());
            }
        }

        @Test
        void thenTheyAreFoundWithTheGeneratorsDataOverLgsp() throws Exception {
            for (SyntheticPerson person : sample().toList()) {
                Map<String, Object> json = RegistryCalls.json(calls.lgsp(fields(person)));
                assertThat(json).as(person.legacyId()).containsEntry("maKetQua", "00");
                @SuppressWarnings("unchecked")
                Map<String, Object> citizen = (Map<String, Object>) json.get("congDan");
                assertThat(citizen).as(person.legacyId()).containsEntry("soDinhDanh", person.cccd())
                        .containsEntry("hoVaTen",
                                vn.vneidbridge.core.id.VietnameseNames.upperCaseForRegistry(person.fullName()))
                        .containsEntry("ngaySinh", RegistryFormats.formatDate(person.birthDate()));
                assertThat(citizen.get("soCMND")).as(person.legacyId()).isEqualTo(person.cmnd());
            }
        }

        @Test
        void thenTheyHavePlacesInTheProvinceOfTheirIdNumberOverBothProtocols() throws Exception {
            for (SyntheticPerson person : sample().toList()) {
                String soap = calls.c06(fields(person)).body();
                Map<String, Object> citizen = congDan(calls.lgsp(fields(person)));
                String province = vn.vneidbridge.core.id.Province.byCode(person.cccd().substring(0, 3))
                        .orElseThrow().name();
                Map<String, String> residence = RegistryCalls.soapPlace(soap, "ThuongTru");

                assertThat(residence).as(person.legacyId()).containsEntry("MaTinhThanh", person.cccd().substring(1, 3))
                        .containsKeys("MaQuanHuyen", "MaPhuongXa");
                assertThat(residence.get("DiaChiDayDu")).as(person.legacyId()).startsWith("Số ").endsWith(province);
                assertThat(RegistryCalls.soapPlace(soap, "NoiDangKyKhaiSinh").get("DiaChiDayDu"))
                        .as(person.legacyId()).startsWith("Xã ").endsWith(province);
                assertThat(RegistryCalls.soapPlace(soap, "QueQuan")).as(person.legacyId()).containsKey("DiaChiDayDu");
                assertThat(citizen.get("thuongTru")).as(person.legacyId()).isEqualTo(Map.of(
                        "maTinhThanh", residence.get("MaTinhThanh"), "maQuanHuyen", residence.get("MaQuanHuyen"),
                        "maPhuongXa", residence.get("MaPhuongXa"), "diaChiDayDu", residence.get("DiaChiDayDu")));
            }
        }

        @Test
        void thenTheirDataMatchesInBareFlagMode() throws Exception {
            simulator.setMode(new SimulatorMode(0, 0, true));
            try {
                for (SyntheticPerson person : sample().toList()) {
                    assertThat(RegistryCalls.json(calls.lgsp(fields(person)))).as(person.legacyId())
                            .containsEntry("ketQuaXacThuc", true);
                }
            } finally {
                simulator.reset();
            }
        }

        @Test
        void thenThePersonasAreStillThere() throws Exception {
            assertThat(RegistryCalls.soapFields(calls.c06(NGA).body())).containsEntry("Ten", "NGA");
        }

        private Fields fields(SyntheticPerson person) {
            return new Fields(person.cccd(), person.cmnd(), person.fullName(),
                    RegistryFormats.formatDate(person.birthDate()), person.gender() == Gender.MALE ? "1" : "2");
        }
    }
}

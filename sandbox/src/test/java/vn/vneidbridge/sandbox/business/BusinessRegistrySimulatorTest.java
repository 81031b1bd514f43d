package vn.vneidbridge.sandbox.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.sandbox.registry.SimulatorMode;

class BusinessRegistrySimulatorTest {

    private static final String TOKEN = "dkkd-test-token";
    /** A valid code no sandbox enterprise has. */
    private static final String UNKNOWN = "0314409058";

    /** A test client of the simulator: requests as the protocol document shows them. */
    static final class Calls {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;

        Calls(URI base) {
            this.base = base;
        }

        static String body(String code, String name) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("maYeuCau", UUID.randomUUID().toString());
            json.put("maDVC", "000.00.00.H00");
            json.put("maSoDoanhNghiep", code);
            json.put("tenDoanhNghiep", name);
            return JSONObjectUtils.toJSONString(json);
        }

        HttpResponse<String> verify(String code, String name) throws Exception {
            return verify(body(code, name), Optional.of(TOKEN));
        }

        HttpResponse<String> verify(String body, Optional<String> token) throws Exception {
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
            token.ifPresent(value -> headers.put("Authorization", "Bearer " + value));
            return post(BusinessRegistrySimulator.PATH, body, headers);
        }

        HttpResponse<String> mode(String json) throws Exception {
            return post("/_simulator/mode", json, Map.of("Content-Type", "application/json"));
        }

        HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        long requestCount() throws Exception {
            return JSONObjectUtils.getLong(json(get("/_simulator/stats")), "requests");
        }
    }

    static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.parse(response.body());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> enterprise(HttpResponse<String> response) throws Exception {
        return (Map<String, Object>) json(response).get("doanhNghiep");
    }

    @Nested
    class GivenTheSandboxDatabase {

        @Test
        void thenItHoldsTheThreeEnterprisesWithValidCodes() {
            BusinessDatabase database = BusinessDatabase.sandbox();

            assertThat(database.enterprises()).extracting(Enterprise::taxCode)
                    .containsExactly("0312345673", "0100112437", "0100233488");
            assertThat(database.enterprises()).allSatisfy(enterprise ->
                    assertThat(TaxCode.parse(enterprise.taxCode()).isValid()).isTrue());
            assertThat(database.find(BusinessDatabase.ABC)).hasValueSatisfying(abc -> {
                assertThat(abc.name()).isEqualTo("CÔNG TY TNHH ABC");
                assertThat(abc.isActive()).isTrue();
                assertThat(abc.representativeName()).contains("PHẠM MINH ĐỨC");
            });
            assertThat(database.find(BusinessDatabase.DEF)).hasValueSatisfying(def ->
                    assertThat(def.name()).isEqualTo("CÔNG TY CỔ PHẦN DỊCH VỤ DEF"));
            assertThat(database.find(BusinessDatabase.XYZ)).hasValueSatisfying(xyz ->
                    assertThat(xyz.status()).isEqualTo("TAM_NGUNG"));
        }

        @Test
        void thenOtherCodesAreNotThere() {
            BusinessDatabase database = BusinessDatabase.sandbox();

            assertThat(database.find(UNKNOWN)).isEmpty();
            assertThat(database.find("0312345673-001")).isEmpty();
            assertThat(database.find("not a code")).isEmpty();
            assertThat(database.find((String) null)).isEmpty();
        }

        @Test
        void thenAnEnterpriseNeedsAValidCanonicalCodeANameAndAStatusWord() {
            assertThatThrownBy(() -> Enterprise.of("0312345670", "CÔNG TY TNHH ABC", Enterprise.ACTIVE, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Enterprise.of("0312345673001", "CÔNG TY TNHH ABC", Enterprise.ACTIVE, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Enterprise.of("0312345673", " ", Enterprise.ACTIVE, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Enterprise.of("0312345673", "CÔNG TY TNHH ABC", "đang hoạt động", null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void thenItsTextHidesTheNamesAndMasksTheCode() {
            String text = BusinessDatabase.sandbox().find(BusinessDatabase.ABC).orElseThrow().toString();

            assertThat(text).doesNotContain("ABC", "PHẠM", "0312345673").contains("031******3");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenTheSandboxEnterprisesAndAToken {

        private BusinessRegistrySimulator simulator;
        private Calls calls;

        @BeforeAll
        void start() throws Exception {
            simulator = BusinessRegistrySimulator.start(0, BusinessDatabase.sandbox(), Optional.of(TOKEN));
            calls = new Calls(simulator.baseUri());
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
            assertThat(simulator.endpoint().toString())
                    .isEqualTo(simulator.baseUri() + "/dkkd/xac-thuc-doanh-nghiep");
        }

        @Test
        void thenAbcIsActiveWithItsLegalRepresentative() throws Exception {
            String body = Calls.body("0312345673", "Công ty TNHH ABC");

            HttpResponse<String> response = calls.verify(body, Optional.of(TOKEN));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            Map<String, Object> answer = json(response);
            assertThat(answer).containsEntry("maKetQua", "00")
                    .containsEntry("maYeuCau", JSONObjectUtils.parse(body).get("maYeuCau"))
                    .doesNotContainKey("ketQuaXacThuc");
            assertThat(enterprise(response)).containsEntry("maSoDoanhNghiep", "0312345673")
                    .containsEntry("tenDoanhNghiep", "CÔNG TY TNHH ABC").containsEntry("tinhTrang", "DANG_HOAT_DONG")
                    .containsEntry("nguoiDaiDienTheoPhapLuat", Map.of("hoVaTen", "PHẠM MINH ĐỨC"));
        }

        @Test
        void thenDefIsActiveWithoutARepresentative() throws Exception {
            HttpResponse<String> response = calls.verify("0100112437", "CÔNG TY CỔ PHẦN DỊCH VỤ DEF");

            assertThat(enterprise(response)).containsEntry("tenDoanhNghiep", "CÔNG TY CỔ PHẦN DỊCH VỤ DEF")
                    .containsEntry("tinhTrang", "DANG_HOAT_DONG").doesNotContainKey("nguoiDaiDienTheoPhapLuat");
        }

        @Test
        void thenXyzIsSuspended() throws Exception {
            HttpResponse<String> response = calls.verify("0100233488", "CÔNG TY TNHH XYZ");

            assertThat(enterprise(response)).containsEntry("maSoDoanhNghiep", "0100233488")
                    .containsEntry("tinhTrang", "TAM_NGUNG");
        }

        @Test
        void thenTheRecordIsSentWhateverTheDeclaredName() throws Exception {
            HttpResponse<String> response = calls.verify("0312345673", "CÔNG TY TNHH XYZ");

            assertThat(enterprise(response)).containsEntry("tenDoanhNghiep", "CÔNG TY TNHH ABC");
        }

        @Test
        void thenAnUnknownCodeIsNotFound() throws Exception {
            HttpResponse<String> response = calls.verify(UNKNOWN, "CÔNG TY TNHH ABC");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response)).containsEntry("maKetQua", "01").doesNotContainKey("doanhNghiep")
                    .doesNotContainKey("ketQuaXacThuc");
        }

        @Test
        void thenWithoutTheTokenOrWithAnotherItIsUnauthorized() throws Exception {
            String body = Calls.body("0312345673", "CÔNG TY TNHH ABC");

            for (Optional<String> token : List.of(Optional.<String>empty(), Optional.of("another-token"))) {
                HttpResponse<String> response = calls.verify(body, token);

                assertThat(response.statusCode()).as(token.toString()).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        value -> assertThat(value).startsWith("Bearer"));
                assertThat(response.body()).doesNotContain("ABC");
            }
        }

        @Test
        void thenTheBareFlagSaysWhetherItIsTheRegisteredNameOfAnActiveEnterprise() throws Exception {
            calls.mode("{\"bareMatchFlag\": true}");

            assertThat(json(calls.verify("0312345673", "Công ty TNHH ABC")))
                    .containsEntry("maKetQua", "00").containsEntry("ketQuaXacThuc", true)
                    .doesNotContainKey("doanhNghiep");
            assertThat(json(calls.verify("0312345673", "CÔNG TY TNHH XYZ"))).containsEntry("ketQuaXacThuc", false);
            assertThat(json(calls.verify("0100233488", "CÔNG TY TNHH XYZ"))).containsEntry("ketQuaXacThuc", false);
            assertThat(json(calls.verify(UNKNOWN, "CÔNG TY TNHH ABC"))).containsEntry("maKetQua", "01")
                    .doesNotContainKey("ketQuaXacThuc");
        }

        @Test
        void thenModeDownAnswers503UntilReset() throws Exception {
            HttpResponse<String> mode = calls.mode("{\"failWithStatus\": 503}");
            assertThat(json(mode)).containsEntry("failWithStatus", 503L).containsEntry("delayMillis", 0L)
                    .containsEntry("bareMatchFlag", false);
            assertThat(simulator.mode()).isEqualTo(BusinessRegistrySimulator.DOWN);

            assertThat(calls.verify("0312345673", "CÔNG TY TNHH ABC").statusCode()).isEqualTo(503);

            assertThat(calls.post("/_simulator/reset", "", Map.of()).statusCode()).isEqualTo(200);
            assertThat(calls.verify("0312345673", "CÔNG TY TNHH ABC").statusCode()).isEqualTo(200);
        }

        @Test
        void thenTheNamedModesAreDownSlowAndNormal() throws Exception {
            assertThat(json(calls.mode("{\"mode\": \"down\"}"))).containsEntry("failWithStatus", 503L);
            assertThat(simulator.mode()).isEqualTo(BusinessRegistrySimulator.DOWN);
            assertThat(json(calls.mode("{\"mode\": \"slow\", \"delayMillis\": 5000}")))
                    .containsEntry("delayMillis", 5000L).containsEntry("failWithStatus", 0L);
            calls.mode("{\"mode\": \"normal\"}");
            assertThat(simulator.mode()).isEqualTo(SimulatorMode.normal());

            simulator.mode("slow");
            assertThat(simulator.mode()).isEqualTo(BusinessRegistrySimulator.SLOW);
            simulator.mode("down");
            assertThat(calls.verify("0312345673", "CÔNG TY TNHH ABC").statusCode()).isEqualTo(503);
            simulator.mode("normal");
            assertThat(calls.verify("0312345673", "CÔNG TY TNHH ABC").statusCode()).isEqualTo(200);
            assertThat(simulator.verifications()).isEqualTo(2);
            assertThatThrownBy(() -> simulator.mode("broken")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void thenASlowModeHoldsTheAnswerButNotTheSwitches() throws Exception {
            simulator.setMode(new SimulatorMode(1500, 0, false));

            long started = System.nanoTime();
            CompletableFuture<Long> delayed = CompletableFuture.supplyAsync(() -> {
                try {
                    assertThat(calls.verify("0312345673", "CÔNG TY TNHH ABC").statusCode()).isEqualTo(200);
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
        }

        @Test
        void thenStatsCountVerificationRequestsOfAnyOutcomeOnly() throws Exception {
            assertThat(calls.requestCount()).isZero();
            calls.verify("0312345673", "CÔNG TY TNHH ABC");
            calls.verify(Calls.body("0312345673", "CÔNG TY TNHH ABC"), Optional.empty());
            calls.verify("{", Optional.of(TOKEN));
            calls.mode("{}");
            calls.get("/_simulator/mode");
            calls.get("/_simulator/stats");

            assertThat(calls.requestCount()).isEqualTo(3);
            assertThat(simulator.requestCount()).isEqualTo(3);

            calls.post("/_simulator/reset", "", Map.of());
            assertThat(calls.requestCount()).isZero();
        }

        @Test
        void thenABadModeIsRefusedAndChangesNothing() throws Exception {
            for (String bad : List.of("{\"delayMillis\": -1}", "{\"delayMillis\": \"10\"}", "{\"failWithStatus\": 42}",
                    "{\"bareMatchFlag\": \"yes\"}", "{\"delayMillis\": 1.5}", "{\"mode\": \"broken\"}",
                    "{\"mode\": 503}", "{\"unknown\": 1}", "[]", "no")) {
                assertThat(calls.mode(bad).statusCode()).as(bad).isEqualTo(400);
            }
            assertThat(simulator.mode()).isEqualTo(SimulatorMode.normal());
        }

        @Test
        void thenMalformedRequestsAreRefused() throws Exception {
            List<String> bad = List.of(
                    "",
                    "{",
                    "[\"0312345673\"]",
                    "{\"maSoDoanhNghiep\": 312345673}",
                    "{\"tenDoanhNghiep\": \"CÔNG TY TNHH ABC\"}",
                    "{\"maSoDoanhNghiep\": \"0312345670\", \"tenDoanhNghiep\": \"CÔNG TY TNHH ABC\"}",
                    "{\"maSoDoanhNghiep\": \"0312345673\", \"tenDoanhNghiep\": [\"CÔNG TY TNHH ABC\"]}",
                    "{\"maSoDoanhNghiep\": \"0312345673\"} trailing");
            for (String body : bad) {
                assertThat(calls.verify(body, Optional.of(TOKEN)).statusCode()).as(body).isEqualTo(400);
            }
        }

        @Test
        void thenAHugeBodyIsRefusedWith413() throws Exception {
            String huge = "{\"maSoDoanhNghiep\": \"" + "0".repeat(200_000) + "\"}";

            assertThat(calls.verify(huge, Optional.of(TOKEN)).statusCode()).isEqualTo(413);
        }

        @Test
        void thenOtherMethodsAndPathsAreRefused() throws Exception {
            assertThat(calls.get(BusinessRegistrySimulator.PATH).statusCode()).isEqualTo(405);
            assertThat(calls.post("/_simulator/stats", "", Map.of()).statusCode()).isEqualTo(405);
            assertThat(calls.get("/_simulator/reset").statusCode()).isEqualTo(405);
            assertThat(calls.get("/").statusCode()).isEqualTo(404);
            assertThat(calls.requestCount()).isZero();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenNoToken {

        private BusinessRegistrySimulator simulator;

        @BeforeAll
        void start() throws Exception {
            simulator = BusinessRegistrySimulator.start(0, BusinessDatabase.sandbox(), Optional.empty());
        }

        @AfterAll
        void stop() {
            simulator.close();
        }

        @Test
        void thenRequestsWithoutAuthorizationAreAnswered() throws Exception {
            HttpResponse<String> response = new Calls(simulator.baseUri())
                    .verify(Calls.body("0312345673", "CÔNG TY TNHH ABC"), Optional.empty());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response)).containsEntry("maKetQua", "00");
        }

        @Test
        void thenABlankTokenIsRefusedAtTheStart() {
            assertThatThrownBy(() -> BusinessRegistrySimulator.start(0, BusinessDatabase.sandbox(), Optional.of(" ")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

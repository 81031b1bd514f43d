package vn.vneidbridge.organisation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.vneidbridge.cccd.registry.HttpReply;
import vn.vneidbridge.core.id.TaxCode;

class DkkdJsonCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT_CODE = "000.00.00.H00";
    static final String ABC_CODE = "0312345673";
    static final String ABC_NAME = "CÔNG TY TNHH ABC";
    static final String REPRESENTATIVE = "PHẠM MINH ĐỨC";

    static BusinessQuery query(String code, String declaredName) {
        return new BusinessQuery(TaxCode.parse(code).number().orElseThrow(), declaredName);
    }

    static BusinessQuery abc(String declaredName) {
        return query(ABC_CODE, declaredName);
    }

    /** A processed answer with the enterprise's record; a null representative is left out. */
    static String recordAnswer(String code, String name, String status, String representative) {
        String person = representative == null ? ""
                : ", \"nguoiDaiDienTheoPhapLuat\": {\"hoVaTen\": \"" + representative + "\"}";
        return "{\"maYeuCau\": \"5f0c\", \"maKetQua\": \"00\", \"doanhNghiep\": {\"maSoDoanhNghiep\": \"" + code
                + "\", \"tenDoanhNghiep\": \"" + name + "\", \"tinhTrang\": \"" + status + "\"" + person + "}}";
    }

    static String flagAnswer(String flag) {
        return "{\"maYeuCau\": \"5f0c\", \"maKetQua\": \"00\", \"ketQuaXacThuc\": " + flag + "}";
    }

    static String codeAnswer(String code) {
        return "{\"maYeuCau\": \"5f0c\", \"maKetQua\": \"" + code + "\"}";
    }

    private static BusinessResult read(String body, BusinessQuery query) {
        return DkkdJsonCodec.read(new HttpReply(200, body.getBytes(StandardCharsets.UTF_8)), query);
    }

    private static final BusinessResult MALFORMED = new BusinessResult.Unavailable("malformed-response");

    @Nested
    class GivenTheRecordVariant {

        @Test
        void thenTheRegisteredNameAndAnActiveStatusAreAMatchWithTheRecord() {
            BusinessResult result = read(recordAnswer(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", REPRESENTATIVE),
                    abc("Công ty TNHH ABC"));

            assertThat(result).isEqualTo(new BusinessResult.Match(new BusinessRecord(ABC_CODE, ABC_NAME,
                    "DANG_HOAT_DONG", Optional.of(REPRESENTATIVE))));
        }

        @Test
        void thenARecordWithoutARepresentativeHasNone() {
            BusinessResult result = read(recordAnswer(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", null), abc(ABC_NAME));

            assertThat(result).isInstanceOfSatisfying(BusinessResult.Match.class,
                    match -> assertThat(match.record().representativeName()).isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"PHẠM MINH ĐỨC\" ", "{\"hoVaTen\": 12}", "{\"hoVaTen\": \"  \"}", "[]", "null"})
        void thenAMalformedRepresentativeIsLeftOutAndTheRestIsRead(String representative) {
            String body = "{\"maKetQua\": \"00\", \"doanhNghiep\": {\"maSoDoanhNghiep\": \"" + ABC_CODE
                    + "\", \"tenDoanhNghiep\": \"" + ABC_NAME + "\", \"tinhTrang\": \"DANG_HOAT_DONG\","
                    + " \"nguoiDaiDienTheoPhapLuat\": " + representative + "}}";

            assertThat(read(body, abc(ABC_NAME))).isEqualTo(new BusinessResult.Match(
                    new BusinessRecord(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", Optional.empty())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"TAM_NGUNG", "GIAI_THE", "BO_TRON"})
        void thenTheRegisteredNameWithAnotherStatusIsInactive(String status) {
            assertThat(read(recordAnswer(ABC_CODE, ABC_NAME, status, null), abc(ABC_NAME)))
                    .isEqualTo(new BusinessResult.Inactive(status));
        }

        @Test
        void thenABranchCodeIsReadInEitherWrittenForm() {
            BusinessQuery branch = query("0312345673-001", ABC_NAME);

            assertThat(read(recordAnswer("0312345673001", ABC_NAME, "DANG_HOAT_DONG", null), branch))
                    .isEqualTo(new BusinessResult.Match(new BusinessRecord("0312345673-001", ABC_NAME,
                            "DANG_HOAT_DONG", Optional.empty())));
        }

        @Test
        void thenARecordOfAnotherCodeIsNoAnswer() {
            assertThat(read(recordAnswer("0100112437", ABC_NAME, "DANG_HOAT_DONG", null), abc(ABC_NAME)))
                    .isEqualTo(new BusinessResult.Unavailable("unexpected-record"));
        }

        @Test
        void thenARecordWinsOverAFlag() {
            String body = "{\"maKetQua\": \"00\", \"ketQuaXacThuc\": true, \"doanhNghiep\": {\"maSoDoanhNghiep\": \""
                    + ABC_CODE + "\", \"tenDoanhNghiep\": \"CÔNG TY TNHH KHÁC\", \"tinhTrang\": \"DANG_HOAT_DONG\"}}";

            assertThat(read(body, abc(ABC_NAME))).isEqualTo(new BusinessResult.NameMismatch());
        }
    }

    @Nested
    class GivenNames {

        @ParameterizedTest
        @ValueSource(strings = {"Công ty TNHH ABC", "công ty tnhh abc", "  CÔNG  TY\u00A0TNHH   ABC ",
                "C\u00D4NG TY TNHH ABC\u200B"})
        void thenCaseSpacingAndInvisibleCharactersDoNotMatter(String declared) {
            assertThat(read(recordAnswer(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", null), abc(declared)))
                    .isInstanceOf(BusinessResult.Match.class);
        }

        @Test
        void thenTheUnicodeFormDoesNotMatter() {
            String decomposed = Normalizer.normalize("Công ty TNHH ABC", Normalizer.Form.NFD);

            assertThat(read(recordAnswer(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", null), abc(decomposed)))
                    .isInstanceOf(BusinessResult.Match.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CONG TY TNHH ABC", "CÔNG TY TNHH ABD", "CÔNG TY CỔ PHẦN ABC", "Cty TNHH ABC", " "})
        void thenAccentsAndEveryOtherLetterDo(String declared) {
            assertThat(read(recordAnswer(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", null), abc(declared)))
                    .isEqualTo(new BusinessResult.NameMismatch());
        }

        @ParameterizedTest
        @ValueSource(strings = {"TAM_NGUNG", "GIAI_THE", "DANG_HOAT_DONG"})
        void thenAnotherNameIsAMismatchWhateverTheStatusSoTheStatusIsNeverTold(String status) {
            BusinessResult result = read(recordAnswer(ABC_CODE, ABC_NAME, status, REPRESENTATIVE),
                    abc("CÔNG TY TNHH XYZ"));

            assertThat(result).isEqualTo(new BusinessResult.NameMismatch());
            assertThat(result.toString()).doesNotContain(status).doesNotContain("ABC").doesNotContain("PHẠM");
        }
    }

    @Nested
    class GivenTheFlagVariant {

        @ParameterizedTest
        @ValueSource(strings = {"true", "\"true\"", "\"TRUE\""})
        void thenTrueIsAMatchWithTheQueriedCodeAndTheDeclaredName(String flag) {
            assertThat(read(flagAnswer(flag), abc("Công ty TNHH ABC"))).isEqualTo(new BusinessResult.Match(
                    new BusinessRecord(ABC_CODE, "Công ty TNHH ABC", "DANG_HOAT_DONG", Optional.empty())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "\"false\""})
        void thenFalseIsANameMismatch(String flag) {
            assertThat(read(flagAnswer(flag), abc(ABC_NAME))).isEqualTo(new BusinessResult.NameMismatch());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "\"yes\"", "{}", "[]"})
        void thenAnythingElseIsMalformed(String flag) {
            assertThat(read(flagAnswer(flag), abc(ABC_NAME))).isEqualTo(MALFORMED);
        }
    }

    @Nested
    class GivenAResultCode {

        @Test
        void then01IsNotFound() {
            assertThat(read(codeAnswer("01"), abc(ABC_NAME))).isEqualTo(new BusinessResult.NotFound());
        }

        @Test
        void then99IsARegistryError() {
            assertThat(read(codeAnswer("99"), abc(ABC_NAME)))
                    .isEqualTo(new BusinessResult.Unavailable("registry-error"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"02", "42", "0"})
        void thenAnyOtherCodeIsUnexpected(String code) {
            assertThat(read(codeAnswer(code), abc(ABC_NAME)))
                    .isEqualTo(new BusinessResult.Unavailable("unexpected-result-code"));
        }

        @Test
        void then00WithNeitherRecordNorFlagIsMalformed() {
            assertThat(read(codeAnswer("00"), abc(ABC_NAME))).isEqualTo(MALFORMED);
            assertThat(read("{\"maKetQua\": \"00\", \"doanhNghiep\": null, \"ketQuaXacThuc\": null}", abc(ABC_NAME)))
                    .isEqualTo(MALFORMED);
        }
    }

    @Nested
    class GivenAnAnswerThatIsNotOne {

        @ParameterizedTest
        @ValueSource(strings = {
            "",
            "<<garbage ]]> {",
            "[]",
            "\"00\"",
            "{}",
            "{\"maKetQua\": {\"x\": 1}}",
            "{\"maKetQua\": \"01\"} {\"maKetQua\": \"00\"}",
            "{\"maKetQua\": \"01\", \"maKetQua\": \"00\", \"ketQuaXacThuc\": true}",
            "{\"maKetQua\": \"00\", \"doanhNghiep\": \"CÔNG TY TNHH ABC\"}",
            "{\"maKetQua\": \"00\", \"doanhNghiep\": {\"tenDoanhNghiep\": \"CÔNG TY TNHH ABC\","
                    + " \"tinhTrang\": \"DANG_HOAT_DONG\"}}",
            "{\"maKetQua\": \"00\", \"doanhNghiep\": {\"maSoDoanhNghiep\": \"0312345673\","
                    + " \"tinhTrang\": \"DANG_HOAT_DONG\"}}",
            "{\"maKetQua\": \"00\", \"doanhNghiep\": {\"maSoDoanhNghiep\": \"0312345673\","
                    + " \"tenDoanhNghiep\": \"CÔNG TY TNHH ABC\"}}",
            "{\"maKetQua\": \"00\", \"doanhNghiep\": {\"maSoDoanhNghiep\": \"0312345670\","
                    + " \"tenDoanhNghiep\": \"CÔNG TY TNHH ABC\", \"tinhTrang\": \"DANG_HOAT_DONG\"}}",
            "{\"maKetQua\": \"00\", \"doanhNghiep\": {\"maSoDoanhNghiep\": \"0312345673\","
                    + " \"tenDoanhNghiep\": \"CÔNG TY TNHH ABC\", \"tinhTrang\": \"Đang hoạt động\"}}",
            "{\"maKetQua\": \"00\", \"doanhNghiep\": {\"maSoDoanhNghiep\": \"0312345673\","
                    + " \"tenDoanhNghiep\": [\"CÔNG TY TNHH ABC\"], \"tinhTrang\": \"DANG_HOAT_DONG\"}}",
            "{\"maKetQua\": \"00\", \"doanhNghiep\": {\"maSoDoanhNghiep\": \"0312345673\","
                    + " \"tenDoanhNghiep\": \"CÔNG TY TNHH ABC\", \"tinhTrang\": \"DANG_HOAT_DONG\","
                    + " \"tinhTrang\": \"TAM_NGUNG\"}}"})
        void thenItIsMalformed(String body) {
            assertThat(read(body, abc(ABC_NAME))).as(body).isEqualTo(MALFORMED);
        }

        @Test
        void thenAnAnswerOverTheLimitIsTooLargeAndNotRead() {
            String padding = " ".repeat(DkkdJsonCodec.MAX_ANSWER_BYTES);
            String oversized = recordAnswer(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", null) + padding;

            assertThat(read(oversized, abc(ABC_NAME))).isEqualTo(new BusinessResult.Unavailable("response-too-large"));
            assertThat(read(recordAnswer(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG", null)
                    + " ".repeat(1000), abc(ABC_NAME))).isInstanceOf(BusinessResult.Match.class);
        }

        @ParameterizedTest
        @ValueSource(ints = {201, 301, 401, 404, 500, 503})
        void thenAnyStatusButOkIsUnavailableWithIt(int status) {
            BusinessResult result = DkkdJsonCodec.read(new HttpReply(status,
                    codeAnswer("01").getBytes(StandardCharsets.UTF_8)), abc(ABC_NAME));

            assertThat(result).isEqualTo(new BusinessResult.Unavailable("http-" + status));
        }
    }

    @Nested
    class GivenARequest {

        @Test
        void thenItCarriesTheRequestIdUnitCodeCanonicalCodeAndTheNameUpperCase() throws Exception {
            String requestId = UUID.randomUUID().toString();

            JsonNode request = JSON.readTree(new DkkdJsonCodec(UNIT_CODE).write(
                    query("0312345673001", "  công ty   TNHH abc "), requestId));

            assertThat(request.get("maYeuCau").asText()).isEqualTo(requestId);
            assertThat(request.get("maDVC").asText()).isEqualTo(UNIT_CODE);
            assertThat(request.get("maSoDoanhNghiep").asText()).isEqualTo("0312345673-001");
            assertThat(request.get("tenDoanhNghiep").asText()).isEqualTo(ABC_NAME);
            assertThat(request.size()).isEqualTo(4);
        }
    }

    @Nested
    class GivenLogs {

        @Test
        void thenQueriesAndRecordsHideTheNamesAndMaskTheCode() {
            BusinessRecord record = new BusinessRecord(ABC_CODE, ABC_NAME, "DANG_HOAT_DONG",
                    Optional.of(REPRESENTATIVE));

            for (Object value : List.of(abc("Công ty TNHH ABC"), record, new BusinessResult.Match(record))) {
                assertThat(value.toString()).as(value.getClass().getSimpleName())
                        .doesNotContain("ABC", "PHẠM", ABC_CODE).contains("031******3");
            }
        }
    }
}

package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.vneidbridge.core.id.Gender;

class LgspJsonRegistryTest extends RegistryAdapterContract {

    private static final String PATH = "/lgsp/xac-thuc-cong-dan";
    private static final String TOKEN = "gateway-token-abc";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    PopulationRegistryFactory newFactory(TestClock clock) {
        return new LgspJsonRegistryFactory(clock);
    }

    @Override
    String path() {
        return PATH;
    }

    @Override
    Map<String, String> protocolOptions() {
        return Map.of("token", TOKEN);
    }

    @Override
    StubRegistryServer.Reply recordReply(Citizen citizen) {
        ObjectNode congDan = JSON.createObjectNode()
                .put("soDinhDanh", citizen.idNumber())
                .put("soCMND", citizen.cmnd())
                .put("hoVaTen", citizen.fullName())
                .put("ngaySinh", citizen.birth())
                .put("gioiTinh", citizen.gender());
        putPlace(congDan, "noiDangKyKhaiSinh", citizen.birthRegistration());
        putPlace(congDan, "queQuan", citizen.homeTown());
        putPlace(congDan, "thuongTru", citizen.permanentResidence());
        return json(answer("00").set("congDan", congDan));
    }

    /** A place as the protocol document shows it; a part that is null is sent as null, a null place not at all. */
    private static void putPlace(ObjectNode congDan, String key, Citizen.Place place) {
        if (place != null) {
            congDan.set(key, JSON.createObjectNode().put("maTinhThanh", place.provinceCode())
                    .put("maQuanHuyen", place.districtCode()).put("maPhuongXa", place.wardCode())
                    .put("diaChiDayDu", place.text()));
        }
    }

    @Override
    StubRegistryServer.Reply flagReply(boolean matches) {
        return json(answer("00").put("ketQuaXacThuc", matches));
    }

    @Override
    StubRegistryServer.Reply codeReply(String code) {
        return json(answer(code));
    }

    @Override
    Optional<String> sentValue(StubRegistryServer.Recorded request, RegistryField field) throws Exception {
        JsonNode body = JSON.readTree(request.body());
        String name;
        switch (field) {
            case ID_NUMBER:
                name = "soDinhDanh";
                break;
            case FULL_NAME:
                name = "hoVaTen";
                break;
            case BIRTH_DATE:
                name = "ngaySinh";
                break;
            case CMND:
                name = "soCMND";
                break;
            default:
                name = "gioiTinh";
        }
        return Optional.ofNullable(body.get(name)).map(JsonNode::asText);
    }

    @Test
    void thenTheRequestCarriesTheBearerTokenUnitCodeAndARequestId() throws Exception {
        verifyAgainst(recordReply(Citizen.nga()), Citizen.ngaQuery());

        StubRegistryServer.Recorded request = server.lastRequest();
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("maDVC").asText()).isEqualTo(UNIT_CODE);
        assertThat(UUID.fromString(body.get("maYeuCau").asText())).isNotNull();
    }

    @Test
    void thenWithoutATokenNoAuthorizationIsSent() {
        server.answer(recordReply(Citizen.nga()));
        factory = newFactory(clock);
        factory.init(new MapScope(Map.of("endpoint", server.url(PATH), "unitCode", UNIT_CODE)));

        assertThat(factory.create(null).verify(Citizen.ngaQuery())).isInstanceOf(RegistryResult.Match.class);
        assertThat(server.lastRequest().header("Authorization")).isNull();
    }

    @Test
    void thenNullOptionalFieldsAreAbsentFields() {
        RegistryResult result = verifyAgainst(recordReply(Citizen.nga().withCmndAndGender(null, null)),
                Citizen.ngaQueryWithoutOptionals());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match -> {
            assertThat(match.record().orElseThrow().cmnd()).isEmpty();
            assertThat(match.record().orElseThrow().gender()).isEmpty();
        });
    }

    @Test
    void thenANameSplitIntoPartsIsJoined() {
        ObjectNode name = JSON.createObjectNode().put("ho", "TÔ").put("chuDem", "THỊ").put("ten", "NGA");
        ObjectNode congDan = JSON.createObjectNode().put("soDinhDanh", Citizen.NGA_ID).put("ngaySinh", "19890315");
        congDan.set("hoVaTen", name);

        RegistryResult result = verifyAgainst(json(answer("00").set("congDan", congDan)),
                Citizen.ngaQueryWithoutOptionals());

        assertThat(result).isInstanceOf(RegistryResult.Match.class);
    }

    @Test
    void thenTrailingContentOrDuplicateKeysAreMalformed() {
        String trailing = "{\"maKetQua\":\"01\"} {\"maKetQua\":\"00\"}";
        String duplicate = "{\"maKetQua\":\"01\",\"maKetQua\":\"00\",\"ketQuaXacThuc\":true}";

        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "application/json", trailing), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "application/json", duplicate), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    @Test
    void thenAJsonArrayOrAStructuredCodeIsMalformed() {
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "application/json", "[]"), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "application/json", "{\"maKetQua\":{\"x\":1}}"),
                Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    @Test
    void thenAMalformedPlaceIsIgnoredAndTheRestOfTheRecordIsRead() throws Exception {
        ObjectNode congDan = (ObjectNode) JSON.readTree(recordReply(Citizen.nga()).body()).get("congDan");
        congDan.set("noiDangKyKhaiSinh", JSON.createArrayNode().add(Citizen.PHUOC_LOC.text()));
        congDan.put("queQuan", Citizen.PHUOC_LOC.text());
        ((ObjectNode) congDan.get("thuongTru")).set("diaChiDayDu", JSON.createObjectNode().put("soNha", "12"));

        RegistryResult result = verifyAgainst(json(answer("00").set("congDan", congDan)), Citizen.ngaQuery());

        assertThat(result).isEqualTo(new RegistryResult.Match(EnumSet.allOf(RegistryField.class), Optional.of(
                new RegistryRecord(Citizen.NGA_ID, Optional.of("164438056"), "TÔ THỊ NGA", LocalDate.of(1989, 3, 15),
                        Optional.of(Gender.FEMALE), RegistryPlaces.NONE))));
    }

    @Test
    void thenAPlaceWithStructuredPartsOrWordsThatAreNoStringIsIgnoredAndTheOthersAreRead() throws Exception {
        PopulationRegistry registry = registry();
        for (String malformed : new String[] {
                "{\"maTinhThanh\": {\"ma\": \"52\"}, \"diaChiDayDu\": \"Xã Phước Lộc\"}",
                "{\"maTinhThanh\": [\"52\"], \"diaChiDayDu\": \"Xã Phước Lộc\"}",
                "{\"maTinhThanh\": \"52\", \"diaChiDayDu\": [\"Xã Phước Lộc\"]}",
                "{\"maTinhThanh\": \"52\", \"diaChiDayDu\": 52}",
                "{\"maTinhThanh\": \"52\", \"diaChiDayDu\": true}",
                "{\"maTinhThanh\": \"52\"}",
                "\"Xã Phước Lộc\"", "52", "[]"}) {
            ObjectNode congDan = (ObjectNode) JSON.readTree(recordReply(Citizen.nga()).body()).get("congDan");
            congDan.set("noiDangKyKhaiSinh", JSON.readTree(malformed));
            server.answer(json(answer("00").set("congDan", congDan)));

            RegistryResult result = registry.verify(Citizen.ngaQuery());

            assertThat(result).as(malformed).isInstanceOfSatisfying(RegistryResult.Match.class, match -> {
                assertThat(match.matched()).isEqualTo(EnumSet.allOf(RegistryField.class));
                assertThat(match.record().orElseThrow().places()).isEqualTo(new RegistryPlaces(Optional.empty(),
                        Optional.of(Citizen.PHUOC_LOC.read()), Optional.of(Citizen.QUY_NHON.read())));
            });
        }
    }

    @Test
    void thenACodeGivenAsANumberIsReadAsItsDigits() throws Exception {
        ObjectNode congDan = (ObjectNode) JSON.readTree(recordReply(Citizen.nga()).body()).get("congDan");
        ((ObjectNode) congDan.get("thuongTru")).put("maTinhThanh", 52);

        RegistryResult result = verifyAgainst(json(answer("00").set("congDan", congDan)), Citizen.ngaQuery());

        assertThat(result).isInstanceOfSatisfying(RegistryResult.Match.class, match ->
                assertThat(match.record().orElseThrow().places().permanentResidence())
                        .contains(Citizen.QUY_NHON.read()));
    }

    @Test
    void thenADuplicateKeyInAPlaceStillMakesTheAnswerMalformed() {
        String body = "{\"maKetQua\":\"00\",\"congDan\":{\"soDinhDanh\":\"052189000123\",\"hoVaTen\":\"TÔ THỊ NGA\","
                + "\"ngaySinh\":\"19890315\",\"queQuan\":{\"diaChiDayDu\":\"a\",\"diaChiDayDu\":\"b\"}}}";

        assertThat(verifyAgainst(StubRegistryServer.Reply.of(200, "application/json", body), Citizen.ngaQuery()))
                .isEqualTo(new RegistryResult.Unavailable("malformed-response"));
    }

    private static ObjectNode answer(String code) {
        return JSON.createObjectNode().put("maYeuCau", "5f0c").put("maKetQua", code);
    }

    private static StubRegistryServer.Reply json(JsonNode body) {
        return StubRegistryServer.Reply.of(200, "application/json", body.toString());
    }
}

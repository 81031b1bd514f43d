package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        return json(answer("00").set("congDan", congDan));
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

    private static ObjectNode answer(String code) {
        return JSON.createObjectNode().put("maYeuCau", "5f0c").put("maKetQua", code);
    }

    private static StubRegistryServer.Reply json(JsonNode body) {
        return StubRegistryServer.Reply.of(200, "application/json", body.toString());
    }
}

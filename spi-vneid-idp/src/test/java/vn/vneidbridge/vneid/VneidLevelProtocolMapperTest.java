package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

class VneidLevelProtocolMapperTest {

    private final VneidLevelProtocolMapper mapper = new VneidLevelProtocolMapper();

    private static ProtocolMapperModel model() {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName("vneid level");
        model.setProtocolMapper(VneidLevelProtocolMapper.PROVIDER_ID);
        model.setConfig(Map.of("id.token.claim", "true", "access.token.claim", "true"));
        return model;
    }

    private static UserSessionModel sessionWithNote(String level) {
        return Stub.of(UserSessionModel.class)
                .on("getNote", args -> "vneid.level".equals(args[0]) ? level : null).build();
    }

    @Test
    void thenTheLevelOfAVneidSessionIsAClaim() {
        IDToken token = mapper.transformIDToken(new IDToken(), model(), null, sessionWithNote("2"), null);

        assertThat(token.getOtherClaims()).containsEntry("vneid_level", "2");
    }

    @Test
    void thenAnotherSessionGetsNoClaim() {
        IDToken token = mapper.transformIDToken(new IDToken(), model(), null, sessionWithNote(null), null);

        assertThat(token.getOtherClaims()).doesNotContainKey("vneid_level");
    }

    @Test
    void thenItOffersTheUsualTokenSwitches() {
        assertThat(mapper.getId()).isEqualTo("vneid-level-mapper");
        assertThat(mapper.getProtocol()).isEqualTo("openid-connect");
        assertThat(mapper.getConfigProperties()).extracting("name")
                .contains("id.token.claim", "access.token.claim", "userinfo.token.claim", "introspection.token.claim");
    }
}

package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
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

    /** A client session whose recorded level of authentication is {@code loa} (null: none recorded). */
    private static ClientSessionContext clientSession(String loa) {
        AuthenticatedClientSessionModel clientSession = Stub.of(AuthenticatedClientSessionModel.class)
                .on("getNote", args -> "level-of-authentication".equals(args[0]) ? loa : null).build();
        return Stub.of(ClientSessionContext.class).returning("getClientSession", clientSession).build();
    }

    private IDToken token(String loa) {
        IDToken token = new IDToken();
        token.setAcr("keycloak's");
        return mapper.transformIDToken(token, model(), null, Stub.of(UserSessionModel.class).build(), clientSession(loa));
    }

    @Test
    void thenAVneidLevelTwoLoginIsLevelTwo() {
        IDToken token = token("2");

        assertThat(token.getOtherClaims()).containsEntry("vneid_level", "2");
        assertThat(token.getAcr()).as("Keycloak's own acr mapper's value stays").isEqualTo("keycloak's");
    }

    @Test
    void thenAVneidLevelOneLoginIsLevelOne() {
        assertThat(token("1").getOtherClaims()).containsEntry("vneid_level", "1");
    }

    @Test
    void thenAPasswordLoginGetsNoVneidLevel() {
        assertThat(token("0").getOtherClaims()).doesNotContainKey("vneid_level");
    }

    @Test
    void thenASessionWithNoRecordedLevelIsReportedAsTheLowestLevelNeverAsKeycloaksDefaultOne() {
        IDToken token = token(null);

        assertThat(token.getOtherClaims()).doesNotContainKey("vneid_level");
        assertThat(token.getAcr()).isEqualTo("0");
    }

    @Test
    void thenItOffersTheUsualTokenSwitches() {
        assertThat(mapper.getId()).isEqualTo("vneid-level-mapper");
        assertThat(mapper.getProtocol()).isEqualTo("openid-connect");
        assertThat(mapper.getConfigProperties()).extracting("name")
                .contains("id.token.claim", "access.token.claim", "userinfo.token.claim", "introspection.token.claim");
    }
}

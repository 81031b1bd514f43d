package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.broker.social.SocialIdentityProviderFactory;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.provider.ProviderFactory;

/**
 * Keycloak finds the providers through this jar's META-INF/services files. (A ServiceLoader over the whole
 * test class path would also load Keycloak's own providers, which need classes only the server has.)
 */
class VneidServiceFilesTest {

    private static List<String> registered(Class<?> spi) throws IOException {
        try (InputStream in = VneidServiceFilesTest.class.getResourceAsStream("/META-INF/services/" + spi.getName())) {
            assertThat(in).as(spi.getName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static String idOf(Class<?> spi) throws Exception {
        List<String> ids = idsOf(spi);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static List<String> idsOf(Class<?> spi) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (String name : registered(spi)) {
            Object factory = Class.forName(name).getConstructor().newInstance();
            assertThat(factory).isInstanceOf(spi);
            ids.add(((ProviderFactory<?>) factory).getId());
        }
        return ids;
    }

    @Test
    void thenEveryFactoryIsRegistered() throws Exception {
        assertThat(idOf(SocialIdentityProviderFactory.class)).isEqualTo("vneid");
        assertThat(idOf(IdentityProviderMapper.class)).isEqualTo("vneid-identity-mapper");
        assertThat(idsOf(ProtocolMapper.class)).containsExactly("vneid-level-mapper", "vneid-vietnamese-name-mapper");
        assertThat(idOf(EventListenerProviderFactory.class)).isEqualTo("vneid-default-mappers");
        assertThat(idOf(org.keycloak.services.resource.RealmResourceProviderFactory.class))
                .isEqualTo("vneid-partner-api");
    }

    @Test
    void thenTheDefaultMapperListenerIsGlobal() {
        assertThat(new VneidDefaultMappersListenerFactory().isGlobal()).isTrue();
    }
}

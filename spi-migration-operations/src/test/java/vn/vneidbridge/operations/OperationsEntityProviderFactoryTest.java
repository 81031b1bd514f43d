package vn.vneidbridge.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/**
 * The tables' identity in databases made before this module existed: Keycloak's changelog table is named after the
 * factory id, and Liquibase knows each changeSet by id, author and the changelog's path.
 */
class OperationsEntityProviderFactoryTest {

    private static final String PATH = "META-INF/vneid-bridge-changelog.xml";

    @Test
    void theFactoryIdAndTheChangelogPathAreTheOnesTheTablesWereCreatedWith() {
        JpaEntityProvider provider = new OperationsEntityProviderFactory().create(null);
        assertThat(provider.getFactoryId()).isEqualTo("vneid-bridge");
        assertThat(provider.getChangelogLocation()).isEqualTo(PATH);
    }

    @Test
    void theChangelogKeepsItsLogicalPathAndItsChangeSets() throws IOException {
        String changelog;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PATH)) {
            assertThat(in).as(PATH).isNotNull();
            changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(changelog).contains("logicalFilePath=\"" + PATH + "\"",
                "<changeSet id=\"vneid-bridge-2026-11-23-link-outbox\" author=\"vneid-bridge\">",
                "<changeSet id=\"vneid-bridge-2026-11-23-review-entry\" author=\"vneid-bridge\">",
                "<changeSet id=\"vneid-bridge-2026-12-02-review-entry-version\" author=\"vneid-bridge\">",
                "<changeSet id=\"vneid-bridge-2026-12-04-bulk-verification\" author=\"vneid-bridge\">",
                "<changeSet id=\"vneid-bridge-2026-12-05-bulk-current-result\" author=\"vneid-bridge\">");
    }
}

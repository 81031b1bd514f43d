package vn.vneidbridge.operations;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import vn.vneidbridge.operations.bulk.BulkCurrentEntity;
import vn.vneidbridge.operations.bulk.BulkJobEntity;
import vn.vneidbridge.operations.bulk.BulkResultEntity;
import vn.vneidbridge.operations.outbox.LinkOutboxEntity;
import vn.vneidbridge.operations.review.ReviewEntryEntity;

/**
 * The operations' tables in Keycloak's own database — the link outbox, the review entries and the bulk
 * pre-verification's jobs and results — with their
 * Liquibase changelog, applied by Keycloak at start-up like its own.
 * <p>
 * Both names are the databases' identity of these tables and must never change: Keycloak keeps the changelog's
 * history in a table named after {@link #PROVIDER_ID} ({@code DATABASECHANGELOG_VNEIDBRIDGE…}), and Liquibase
 * identifies each changeSet by id, author and the changelog's path, {@value #CHANGELOG} (unchanged since the tables
 * were created in module {@code spi-legacy-account-linker}, so a database made then is not migrated again).
 */
public final class OperationsEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "vneid-bridge";
    private static final String CHANGELOG = "META-INF/vneid-bridge-changelog.xml";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(LinkOutboxEntity.class, ReviewEntryEntity.class, BulkJobEntity.class,
                        BulkResultEntity.class, BulkCurrentEntity.class);
            }

            @Override
            public String getChangelogLocation() {
                return CHANGELOG;
            }

            @Override
            public String getFactoryId() {
                return PROVIDER_ID;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

package vn.vneidbridge.sandbox.legacy;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the {@linkplain LegacyPersonas persona accounts} into an existing {@code vneid_legacy_account} table.
 * Reruns are fine: the personas' rows (same legacy id or same username) are deleted and inserted again in one
 * transaction, so the table ends with exactly one row per persona whatever it held before.
 */
public final class LegacyDatabaseSeeder {

    private static final System.Logger LOG = System.getLogger(LegacyDatabaseSeeder.class.getName());

    private LegacyDatabaseSeeder() {
    }

    /**
     * Replaces the persona rows.
     *
     * @return the number of persona rows written (7)
     */
    public static int seedPersonas(Connection connection) throws SQLException {
        List<LegacyAccount> personas = LegacyPersonas.all();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + LegacySchema.TABLE + " WHERE legacy_id = ? OR username = ?");
             PreparedStatement insert = connection.prepareStatement(LegacyAccountInserter.INSERT)) {
            for (LegacyAccount persona : personas) {
                delete.setString(1, persona.legacyId());
                delete.setString(2, persona.username());
                delete.addBatch();
                LegacyAccountInserter.bind(insert, persona);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        LOG.log(Level.DEBUG, "seeded {0} legacy persona accounts", personas.size());
        return personas.size();
    }
}

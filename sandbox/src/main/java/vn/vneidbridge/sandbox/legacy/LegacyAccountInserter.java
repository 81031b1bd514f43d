package vn.vneidbridge.sandbox.legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Iterator;

/**
 * Writes {@link LegacyAccount} rows with batched {@code INSERT}s: {@code batchSize} rows per batch, one commit per
 * batch, auto-commit off for the duration (restored afterwards). Works on any JDBC database; on PostgreSQL add
 * {@code reWriteBatchedInserts=true} to the URL so that a batch travels as multi-row inserts.
 */
final class LegacyAccountInserter {

    static final String INSERT = "INSERT INTO " + LegacySchema.TABLE + " (legacy_id, username, password_hash,"
            + " password_algorithm, password_salt, password_iterations, full_name, birth_date, gender, cmnd, cccd,"
            + " cccd_verified, phone, email, account_type, is_admin, status, tax_code, place_of_birth, home_town,"
            + " permanent_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final int batchSize;

    LegacyAccountInserter(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.batchSize = batchSize;
    }

    /** Inserts every row of {@code rows}; returns how many. On failure the current batch is rolled back. */
    long insertAll(Connection connection, Iterator<LegacyAccount> rows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long count = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            while (rows.hasNext()) {
                bind(insert, rows.next());
                insert.addBatch();
                count++;
                if (++pending == batchSize) {
                    insert.executeBatch();
                    connection.commit();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return count;
    }

    static void bind(PreparedStatement insert, LegacyAccount row) throws SQLException {
        StoredPassword password = row.password();
        insert.setString(1, row.legacyId());
        insert.setString(2, row.username());
        insert.setString(3, password.hash());
        insert.setString(4, password.algorithm());
        setString(insert, 5, password.salt());
        if (password.iterations() == null) {
            insert.setNull(6, Types.INTEGER);
        } else {
            insert.setInt(6, password.iterations());
        }
        setString(insert, 7, row.fullName());
        if (row.birthDate() == null) {
            insert.setNull(8, Types.DATE);
        } else {
            insert.setObject(8, row.birthDate());
        }
        setString(insert, 9, row.genderCode());
        setString(insert, 10, row.cmnd());
        setString(insert, 11, row.cccd());
        insert.setBoolean(12, row.cccdVerified());
        setString(insert, 13, row.phone());
        setString(insert, 14, row.email());
        insert.setString(15, row.accountType().name());
        insert.setBoolean(16, row.admin());
        insert.setString(17, row.status().name());
        setString(insert, 18, row.taxCode());
        setString(insert, 19, row.placeOfBirth());
        setString(insert, 20, row.homeTown());
        setString(insert, 21, row.permanentAddress());
    }

    private static void setString(PreparedStatement insert, int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }
}

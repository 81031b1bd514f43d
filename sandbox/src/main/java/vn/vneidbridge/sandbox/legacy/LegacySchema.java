package vn.vneidbridge.sandbox.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the table {@value #TABLE} of the legacy database contract, with its indexes, from the resource
 * {@code schema.sql} (H2 2.x and PostgreSQL).
 *
 * <p>{@link #create} is idempotent ({@code CREATE ... IF NOT EXISTS}): on a database that already has the
 * table it keeps the rows and only adds what a table created by an older version lacks (the optional columns
 * {@code tax_code} with its index, {@code place_of_birth}, {@code home_town} and {@code permanent_address}).
 * {@link #drop} removes the table, rows and indexes, for a fresh start. Both run in the connection's current
 * transaction mode and commit when auto-commit is off.
 */
public final class LegacySchema {

    /** The table (or view) VNeID Bridge reads. */
    public static final String TABLE = "vneid_legacy_account";

    private static final String RESOURCE = "schema.sql";

    private LegacySchema() {
    }

    /** Creates the table and its indexes unless they exist. */
    public static void create(Connection connection) throws SQLException {
        execute(connection, statements());
    }

    /** Drops the table if it exists, with its rows and indexes. */
    public static void drop(Connection connection) throws SQLException {
        execute(connection, List.of("DROP TABLE IF EXISTS " + TABLE));
    }

    /** The DDL statements of {@code schema.sql}, comments removed, in order. */
    static List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : readResource().split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return List.copyOf(statements);
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static String readResource() {
        try (InputStream in = LegacySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.vneidbridge.sandbox.legacy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Real H2 databases for the tests: a private in-memory one, or a file in a temporary directory. */
final class TestDatabases {

    private TestDatabases() {
    }

    /** A fresh in-memory database, gone when the connection closes. */
    static Connection inMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:legacy-" + UUID.randomUUID(), "sa", "");
    }

    static String fileUrl(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("legacy").toAbsolutePath();
    }

    static long count(Connection connection, String where) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM " + LegacySchema.TABLE + (where.isEmpty() ? "" : " WHERE " + where))) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

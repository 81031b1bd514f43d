package vn.vneidbridge.sandbox.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LegacySchemaTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = TestDatabases.inMemory();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Nested
    class GivenAnEmptyDatabase {

        @Test
        void thenTheSchemaCanBeCreatedTwice() throws SQLException {
            LegacySchema.create(connection);
            LegacySchema.create(connection);

            assertThat(TestDatabases.count(connection, "")).isZero();
        }

        @Test
        void thenTheColumnsAreThoseOfTheContract() throws SQLException {
            LegacySchema.create(connection);

            Map<String, String> columns = new LinkedHashMap<>();
            Map<String, Integer> nullable = new LinkedHashMap<>();
            try (ResultSet rs = connection.getMetaData().getColumns(null, null, "VNEID_LEGACY_ACCOUNT", null)) {
                while (rs.next()) {
                    String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    columns.put(name, rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT)
                            + size(rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE")));
                    nullable.put(name, rs.getInt("NULLABLE"));
                }
            }

            assertThat(columns).containsExactly(
                    Map.entry("legacy_id", "character varying(64)"),
                    Map.entry("username", "character varying(100)"),
                    Map.entry("password_hash", "character varying(255)"),
                    Map.entry("password_algorithm", "character varying(32)"),
                    Map.entry("password_salt", "character varying(255)"),
                    Map.entry("password_iterations", "integer"),
                    Map.entry("full_name", "character varying(200)"),
                    Map.entry("birth_date", "date"),
                    Map.entry("gender", "character(1)"),
                    Map.entry("cmnd", "character(9)"),
                    Map.entry("cccd", "character(12)"),
                    Map.entry("cccd_verified", "boolean"),
                    Map.entry("phone", "character varying(20)"),
                    Map.entry("email", "character varying(254)"),
                    Map.entry("account_type", "character varying(16)"),
                    Map.entry("is_admin", "boolean"),
                    Map.entry("status", "character varying(16)"),
                    Map.entry("tax_code", "character varying(14)"),
                    Map.entry("place_of_birth", "character varying(255)"),
                    Map.entry("home_town", "character varying(255)"),
                    Map.entry("permanent_address", "character varying(255)"));
            assertThat(nullable).allSatisfy((name, value) -> assertThat(value)
                    .as(name)
                    .isEqualTo(List.of("password_salt", "password_iterations", "full_name", "birth_date", "gender",
                            "cmnd", "cccd", "phone", "email", "tax_code", "place_of_birth", "home_town", "permanent_address")
                            .contains(name)
                            ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls));
        }

        @Test
        void thenLegacyIdUsernameCccdCmndAndTaxCodeAreIndexed() throws SQLException {
            LegacySchema.create(connection);

            List<String> indexed = new ArrayList<>();
            List<String> unique = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, "VNEID_LEGACY_ACCOUNT", false,
                    false)) {
                while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    indexed.add(column);
                    if (!rs.getBoolean("NON_UNIQUE")) {
                        unique.add(column);
                    }
                }
            }

            assertThat(indexed).contains("legacy_id", "username", "cccd", "cmnd", "tax_code");
            assertThat(unique).contains("legacy_id", "username").doesNotContain("cccd", "cmnd", "tax_code");
        }

        private String size(String type, int size) {
            String lower = type.toLowerCase(Locale.ROOT);
            return lower.startsWith("character") ? "(" + size + ")" : "";
        }
    }

    @Nested
    class GivenATableCreatedBeforeTheTaxCodeColumn {

        @BeforeEach
        void createTheOldTable() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                // the table as schema.sql created it before the column
                statement.execute("CREATE TABLE vneid_legacy_account (legacy_id varchar(64) NOT NULL,"
                        + " username varchar(100) NOT NULL, password_hash varchar(255) NOT NULL,"
                        + " password_algorithm varchar(32) NOT NULL, password_salt varchar(255),"
                        + " password_iterations integer, full_name varchar(200), birth_date date, gender char(1),"
                        + " cmnd char(9), cccd char(12), cccd_verified boolean DEFAULT FALSE NOT NULL,"
                        + " phone varchar(20), email varchar(254), account_type varchar(16) NOT NULL,"
                        + " is_admin boolean DEFAULT FALSE NOT NULL, status varchar(16) DEFAULT 'ACTIVE' NOT NULL,"
                        + " CONSTRAINT vneid_legacy_account_pk PRIMARY KEY (legacy_id))");
                statement.executeUpdate("INSERT INTO vneid_legacy_account"
                        + " (legacy_id, username, password_hash, password_algorithm, account_type)"
                        + " VALUES ('X-1', 'someone', 'x', 'md5', 'ORGANISATION')");
            }
        }

        @Test
        void thenCreatingAddsTheColumnAndItsIndexAndKeepsTheRows() throws SQLException {
            LegacySchema.create(connection);
            LegacySchema.create(connection);

            List<String> columns = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getColumns(null, null, "VNEID_LEGACY_ACCOUNT", "TAX_CODE")) {
                while (rs.next()) {
                    columns.add(rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + "(" + rs.getInt("COLUMN_SIZE")
                            + ")");
                }
            }
            List<String> indexed = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, "VNEID_LEGACY_ACCOUNT", false,
                    false)) {
                while (rs.next()) {
                    indexed.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }

            assertThat(columns).containsExactly("character varying(14)");
            assertThat(indexed).contains("tax_code");
            assertThat(TestDatabases.count(connection, "legacy_id = 'X-1' AND tax_code IS NULL")).isEqualTo(1);
        }
    }

    @Nested
    class GivenATableCreatedBeforeThePlaceColumns {

        @BeforeEach
        void createTheOldTable() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                // the table as schema.sql created it with tax_code, before the places
                statement.execute("CREATE TABLE vneid_legacy_account (legacy_id varchar(64) NOT NULL,"
                        + " username varchar(100) NOT NULL, password_hash varchar(255) NOT NULL,"
                        + " password_algorithm varchar(32) NOT NULL, password_salt varchar(255),"
                        + " password_iterations integer, full_name varchar(200), birth_date date, gender char(1),"
                        + " cmnd char(9), cccd char(12), cccd_verified boolean DEFAULT FALSE NOT NULL,"
                        + " phone varchar(20), email varchar(254), account_type varchar(16) NOT NULL,"
                        + " is_admin boolean DEFAULT FALSE NOT NULL, status varchar(16) DEFAULT 'ACTIVE' NOT NULL,"
                        + " tax_code varchar(14), CONSTRAINT vneid_legacy_account_pk PRIMARY KEY (legacy_id))");
                statement.executeUpdate("INSERT INTO vneid_legacy_account"
                        + " (legacy_id, username, password_hash, password_algorithm, account_type)"
                        + " VALUES ('X-1', 'someone', 'x', 'md5', 'CITIZEN')");
            }
        }

        @Test
        void thenCreatingAddsThemLastInOrderAndKeepsTheRows() throws SQLException {
            LegacySchema.create(connection);
            LegacySchema.create(connection);

            Map<String, String> columns = new LinkedHashMap<>();
            try (ResultSet rs = connection.getMetaData().getColumns(null, null, "VNEID_LEGACY_ACCOUNT", null)) {
                while (rs.next()) {
                    columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + "(" + rs.getInt("COLUMN_SIZE") + ")");
                }
            }

            assertThat(List.copyOf(columns.keySet()).subList(columns.size() - 4, columns.size()))
                    .containsExactly("tax_code", "place_of_birth", "home_town", "permanent_address");
            assertThat(columns).containsEntry("place_of_birth", "character varying(255)")
                    .containsEntry("home_town", "character varying(255)")
                    .containsEntry("permanent_address", "character varying(255)");
            assertThat(TestDatabases.count(connection, "legacy_id = 'X-1' AND place_of_birth IS NULL"
                    + " AND home_town IS NULL AND permanent_address IS NULL")).isEqualTo(1);
        }
    }

    @Nested
    class GivenATableWithRows {

        @BeforeEach
        void seed() throws SQLException {
            LegacySchema.create(connection);
            LegacyDatabaseSeeder.seedPersonas(connection);
        }

        @Test
        void thenCreatingAgainKeepsTheRows() throws SQLException {
            LegacySchema.create(connection);

            assertThat(TestDatabases.count(connection, "")).isEqualTo(8);
        }

        @Test
        void thenDroppingAndCreatingEmptiesIt() throws SQLException {
            LegacySchema.drop(connection);
            LegacySchema.drop(connection);
            LegacySchema.create(connection);

            assertThat(TestDatabases.count(connection, "")).isZero();
        }

        @Test
        void thenASecondRowWithTheSameUsernameIsRefused() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO vneid_legacy_account"
                        + " (legacy_id, username, password_hash, password_algorithm, account_type)"
                        + " VALUES ('X-1', 'tothinga', 'x', 'md5', 'CITIZEN')"))
                        .isInstanceOf(SQLException.class);
            }
        }

        @Test
        void thenTheDefaultsFillTheFlagsAndStatus() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO vneid_legacy_account"
                        + " (legacy_id, username, password_hash, password_algorithm, account_type)"
                        + " VALUES ('X-1', 'someone', 'x', 'md5', 'CITIZEN')");
            }

            assertThat(TestDatabases.count(connection,
                    "legacy_id = 'X-1' AND cccd_verified = FALSE AND is_admin = FALSE AND status = 'ACTIVE'"))
                    .isEqualTo(1);
        }
    }
}

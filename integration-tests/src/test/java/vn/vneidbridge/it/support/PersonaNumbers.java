package vn.vneidbridge.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.vneidbridge.sandbox.legacy.LegacyDatabaseSeeder;
import vn.vneidbridge.sandbox.legacy.LegacySchema;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.registry.Citizen;
import vn.vneidbridge.sandbox.registry.PopulationDatabase;

/**
 * Every id number (12-digit CCCD, 9-digit CMND) the integration tests' people have, collected from where the
 * servers get them rather than from a hand list: the population database's personas and the synthetic people the
 * test servers' simulator serves ({@link TestKeycloak#SYNTHETIC_PEOPLE}, seed 42), and every CMND and CCCD in the
 * legacy database the test servers read (the sandbox personas and {@link LegacyFixtures}, seeded here into an
 * in-memory database the same way {@link TestKeycloak} seeds theirs).
 */
public final class PersonaNumbers {

    /** A CMND or a CCCD; the fixtures' deliberately malformed values (e.g. too short) are no number to find. */
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{9}|\\d{12}");

    private PersonaNumbers() {
    }

    public static Set<String> all() {
        Set<String> numbers = new TreeSet<>();
        for (Citizen citizen : PopulationDatabase.personas()) {
            numbers.add(citizen.idNumber());
            citizen.cmnd().ifPresent(numbers::add);
        }
        SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42)
                .flatMap(PersonaNumbers::numbers).forEach(numbers::add);
        numbers.addAll(legacyDatabase());
        return numbers;
    }

    private static Stream<String> numbers(SyntheticPerson person) {
        return Stream.of(person.cccd(), person.cmnd())
                .filter(number -> number != null && ID_NUMBER.matcher(number).matches());
    }

    /** The CMNDs and CCCDs of every table and view of a legacy database seeded like the test servers'. */
    static List<String> legacyDatabase() {
        String url = "jdbc:h2:mem:persona-numbers-" + System.nanoTime() + ";DB_CLOSE_DELAY=0";
        try (Connection connection = DriverManager.getConnection(url)) {
            LegacySchema.create(connection);
            LegacyDatabaseSeeder.seedPersonas(connection);
            LegacyFixtures.install(connection);
            List<String> tables = new ArrayList<>();
            try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(
                    "SELECT DISTINCT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                            + " AND UPPER(COLUMN_NAME) = 'CCCD'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            List<String> numbers = new ArrayList<>();
            for (String table : tables) {
                try (Statement sql = connection.createStatement();
                     ResultSet rows = sql.executeQuery("SELECT cmnd, cccd FROM \"" + table + "\"")) {
                    while (rows.next()) {
                        for (int column = 1; column <= 2; column++) {
                            String number = rows.getString(column);
                            if (number != null && ID_NUMBER.matcher(number.trim()).matches()) {
                                numbers.add(number.trim());
                            }
                        }
                    }
                }
            }
            return numbers;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed an in-memory legacy database to collect its numbers", e);
        }
    }
}

package vn.vneidbridge.sandbox.legacy;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Command line: creates {@code vneid_legacy_account} in any JDBC database (H2 and PostgreSQL drivers included),
 * then seeds it.
 *
 * <pre>
 * java -cp ... vn.vneidbridge.sandbox.legacy.LegacyDatabaseTool --jdbc-url=jdbc:h2:file:./target/legacy
 *     [--user=sa] [--password=] [--drop] [--personas] [--synthetic=1000000] [--seed=42]
 * </pre>
 *
 * <p>{@code --drop} drops the table first; otherwise it is created only if missing and kept. Synthetic rows replace
 * earlier synthetic rows; persona rows replace earlier persona rows; other rows are kept. On PostgreSQL,
 * {@code reWriteBatchedInserts=true} is added to the URL (synthetic rows go by {@code COPY} anyway). An embedded
 * H2 file is compacted at the end ({@code SHUTDOWN COMPACT}). Prints the counts and elapsed times; exits 0, 1 on a
 * database error, 2 on a usage error.
 */
public final class LegacyDatabaseTool {

    static final String USAGE = "usage: LegacyDatabaseTool --jdbc-url=URL [--user=U] [--password=P] [--drop]"
            + " [--personas] [--synthetic=N] [--seed=42]";

    private LegacyDatabaseTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("legacy-db: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(options.jdbcUrl, options.user, options.password)) {
            long started = System.nanoTime();
            if (options.drop) {
                LegacySchema.drop(connection);
                out.println("dropped " + LegacySchema.TABLE);
            }
            LegacySchema.create(connection);
            out.printf(Locale.ROOT, "schema ready in %.1f s%n", seconds(started));
            if (options.personas) {
                long t = System.nanoTime();
                int personas = LegacyDatabaseSeeder.seedPersonas(connection);
                out.printf(Locale.ROOT, "personas: %d rows in %.1f s%n", personas, seconds(t));
            }
            if (options.synthetic > 0) {
                long t = System.nanoTime();
                long rows = SyntheticAccountGenerator.generate(connection, options.synthetic, options.seed);
                double s = seconds(t);
                out.printf(Locale.ROOT, "synthetic: %,d rows (seed %d) in %.1f s, %,.0f rows/s%n",
                        rows, options.seed, s, rows / Math.max(s, 1e-3));
            }
            out.printf(Locale.ROOT, "%s holds %,d rows; total %.1f s%n", LegacySchema.TABLE, count(connection),
                    seconds(started));
            if (isEmbeddedH2File(options.jdbcUrl)) {
                long t = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN COMPACT");
                }
                out.printf(Locale.ROOT, "H2 file compacted in %.1f s%n", seconds(t));
            }
            return 0;
        } catch (SQLException e) {
            err.println("legacy-db: " + e.getMessage());
            return 1;
        }
    }

    /**
     * An embedded H2 file (not {@code mem:}, {@code tcp:}, {@code ssl:}, {@code zip:}). H2 keeps superseded pages
     * while loading (about 2.7 KB a row for a bulk load, against 0.3 KB compacted), so the tool ends with
     * {@code SHUTDOWN COMPACT}, which closes the database. Only done when this tool owns the file.
     */
    static boolean isEmbeddedH2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:"));
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + LegacySchema.TABLE)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The parsed command line. */
    static final class Options {
        String jdbcUrl;
        String user = "";
        String password = "";
        boolean drop;
        boolean personas;
        int synthetic;
        long seed = 42;

        static Options parse(String[] args) {
            Options options = new Options();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value = eq < 0 ? null : arg.substring(eq + 1);
                switch (name) {
                    case "--jdbc-url" -> options.jdbcUrl = required(name, value);
                    case "--user" -> options.user = required(name, value);
                    case "--password" -> options.password = required(name, value);
                    case "--drop" -> options.drop = flag(name, value);
                    case "--personas" -> options.personas = flag(name, value);
                    case "--synthetic" -> options.synthetic = (int) number(name, value, 0, SyntheticPeople.MAX_ROWS);
                    case "--seed" -> options.seed = number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (options.jdbcUrl == null || options.jdbcUrl.isBlank()) {
                throw new IllegalArgumentException("--jdbc-url is required");
            }
            options.jdbcUrl = withBatchRewrite(options.jdbcUrl);
            return options;
        }

        /** pgjdbc sends a batch as one multi-row insert only when asked; harmless elsewhere (not added). */
        static String withBatchRewrite(String url) {
            if (!url.startsWith("jdbc:postgresql:") || url.contains("reWriteBatchedInserts")) {
                return url;
            }
            return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }

        private static String required(String name, String value) {
            if (value == null) {
                throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
            }
            return value;
        }

        private static boolean flag(String name, String value) {
            if (value == null || value.equals("true")) {
                return true;
            }
            if (value.equals("false")) {
                return false;
            }
            throw new IllegalArgumentException(name + " takes no value");
        }

        private static long number(String name, String value, long min, long max) {
            try {
                long number = Long.parseLong(required(name, value).strip());
                if (number < min || number > max) {
                    throw new IllegalArgumentException(name + " must be " + min + ".." + max);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number: " + value);
            }
        }
    }
}

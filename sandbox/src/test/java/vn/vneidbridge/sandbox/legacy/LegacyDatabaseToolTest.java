package vn.vneidbridge.sandbox.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyDatabaseToolTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LegacyDatabaseTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Nested
    class GivenAnH2File {

        @Test
        void thenItSeedsPersonasAndSyntheticRowsAndReportsCounts(@TempDir Path dir) throws SQLException {
            String url = TestDatabases.fileUrl(dir);

            assertThat(run("--jdbc-url=" + url, "--user=sa", "--personas", "--synthetic=1000", "--seed=7"))
                    .isZero();
            assertThat(run("--jdbc-url=" + url, "--user=sa", "--personas", "--synthetic=500")).isZero();

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("personas: 8 rows", "synthetic: 1,000 rows (seed 7)",
                    "vneid_legacy_account holds 1,008 rows", "vneid_legacy_account holds 508 rows",
                    "H2 file compacted");
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                assertThat(TestDatabases.count(connection, "")).isEqualTo(508);
            }
        }

        @Test
        void thenDropStartsAfresh(@TempDir Path dir) {
            String url = TestDatabases.fileUrl(dir);

            assertThat(run("--jdbc-url=" + url, "--personas")).isZero();
            assertThat(run("--jdbc-url=" + url, "--drop")).isZero();

            assertThat(out.toString(StandardCharsets.UTF_8)).contains("dropped vneid_legacy_account",
                    "vneid_legacy_account holds 0 rows");
        }
    }

    @Nested
    class GivenABadCommandLine {

        @Test
        void thenUsageErrorsExitWithTwo() {
            assertThat(run("--personas")).isEqualTo(2);
            assertThat(run("--jdbc-url=jdbc:h2:mem:x", "--synthetic=lots")).isEqualTo(2);
            assertThat(run("--jdbc-url=jdbc:h2:mem:x", "--frobnicate")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--jdbc-url is required", "usage:");
        }

        @Test
        void thenADatabaseErrorExitsWithOne() {
            assertThat(run("--jdbc-url=jdbc:nosuchdb:x")).isEqualTo(1);
        }

        @Test
        void thenOnlyEmbeddedH2FilesAreCompacted() {
            assertThat(LegacyDatabaseTool.isEmbeddedH2File("jdbc:h2:file:/tmp/x")).isTrue();
            assertThat(LegacyDatabaseTool.isEmbeddedH2File("jdbc:h2:./target/x")).isTrue();
            assertThat(LegacyDatabaseTool.isEmbeddedH2File("jdbc:h2:mem:x")).isFalse();
            assertThat(LegacyDatabaseTool.isEmbeddedH2File("jdbc:h2:tcp://localhost/x")).isFalse();
            assertThat(LegacyDatabaseTool.isEmbeddedH2File("jdbc:postgresql://db/x")).isFalse();
        }

        @Test
        void thenPostgresUrlsAskForBatchRewriting() {
            assertThat(LegacyDatabaseTool.Options.withBatchRewrite("jdbc:postgresql://db/portal"))
                    .isEqualTo("jdbc:postgresql://db/portal?reWriteBatchedInserts=true");
            assertThat(LegacyDatabaseTool.Options.withBatchRewrite("jdbc:postgresql://db/portal?ssl=true"))
                    .isEqualTo("jdbc:postgresql://db/portal?ssl=true&reWriteBatchedInserts=true");
            assertThat(LegacyDatabaseTool.Options.withBatchRewrite("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        }
    }
}

package vn.vneidbridge.sandbox.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.FullNameParts;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.IdParseResult;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.VietnameseNames;

class SyntheticAccountGeneratorTest {

    private static final int ROWS = 20_000;
    private static final long SEED = 42;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenTwentyThousandRowsWithThePersonas {

        private Connection connection;
        private List<Row> rows;

        @BeforeAll
        void generate() throws SQLException {
            connection = TestDatabases.inMemory();
            LegacySchema.create(connection);
            LegacyDatabaseSeeder.seedPersonas(connection);
            assertThat(SyntheticAccountGenerator.generate(connection, ROWS, SEED)).isEqualTo(ROWS);
            rows = readSynthetic(connection);
        }

        @AfterAll
        void close() throws SQLException {
            connection.close();
        }

        @Test
        void thenAllRowsAreThereBesideThePersonas() throws SQLException {
            assertThat(rows).hasSize(ROWS);
            assertThat(TestDatabases.count(connection, "")).isEqualTo(ROWS + 8);
        }

        @Test
        void thenUsernamesLegacyIdsCccdsAndCmndsAreUnique() {
            assertThat(distinct(r -> r.username)).hasSize(ROWS);
            assertThat(distinct(r -> r.legacyId)).hasSize(ROWS);
            assertThat(distinct(r -> r.cccd)).hasSize(ROWS);
            List<String> cmnds = rows.stream().map(r -> r.cmnd).filter(c -> c != null).toList();
            assertThat(new HashSet<>(cmnds)).hasSameSizeAs(cmnds);
        }

        @Test
        void thenNoneCollidesWithAPersonaNumber() {
            Set<String> personaNumbers = Set.of("052189000123", "001090001234", "079195004567", "042085007890",
                    "036088002468", "164438056", "025678901");
            assertThat(rows).noneMatch(r -> personaNumbers.contains(r.cccd)
                    || r.cmnd != null && personaNumbers.contains(r.cmnd));
            assertThat(rows).allMatch(r -> r.legacyId.matches("SYN-\\d{7}"));
            assertThat(rows).allMatch(r -> r.username.equals(r.username.toLowerCase()));
        }

        @Test
        void thenEveryCccdParsesAndMatchesGenderAndBirthDate() {
            assertThat(rows).allSatisfy(r -> {
                IdParseResult<PersonalIdNumber> parsed = PersonalIdNumber.parse(r.cccd);
                assertThat(parsed.problems()).as(r.legacyId).isEmpty();
                Gender gender = Gender.parse(r.gender).orElseThrow();
                assertThat(parsed.number().orElseThrow().checkAgainst(gender, r.birthDate)).as(r.legacyId).isEmpty();
            });
        }

        @Test
        void thenEveryCmndIsWellFormed() {
            assertThat(rows).filteredOn(r -> r.cmnd != null)
                    .allSatisfy(r -> assertThat(CmndNumber.parse(r.cmnd).problems()).as(r.legacyId).isEmpty());
        }

        @Test
        void thenNamesSplitIntoFamilyAndGivenNames() {
            assertThat(rows).allSatisfy(r -> {
                assertThat(Normalizer.isNormalized(r.fullName, Normalizer.Form.NFC)).isTrue();
                FullNameParts parts = VietnameseNames.splitFullName(r.fullName);
                assertThat(parts.familyName()).as(r.fullName).isNotEmpty();
                assertThat(parts.givenName()).as(r.fullName).isNotEmpty();
                assertThat(parts.fullName()).isEqualTo(r.fullName);
            });
            assertThat(rows).filteredOn(r -> r.gender.equals("M")).noneMatch(r -> r.fullName.contains(" Thị "));
        }

        @Test
        void thenTheMixIsRoughlyAsDocumented() {
            assertThat(share(r -> r.cmnd != null)).isBetween(0.45, 0.55);
            assertThat(share(r -> r.cccdVerified)).isBetween(0.65, 0.75);
            assertThat(share(r -> r.accountType.equals("CITIZEN"))).isBetween(0.90, 0.97);
            assertThat(share(r -> r.accountType.equals("ORGANISATION"))).isGreaterThan(0.01);
            assertThat(share(r -> r.accountType.equals("BUSINESS"))).isGreaterThan(0.01);
            assertThat(share(r -> r.gender.equals("F"))).isBetween(0.45, 0.55);
            assertThat(share(r -> r.fullName.startsWith("Nguyễn "))).isBetween(0.30, 0.45);
            assertThat(rows).allMatch(r -> !r.birthDate.isBefore(LocalDate.of(1940, 1, 1))
                    && !r.birthDate.isAfter(LocalDate.of(2008, 12, 31)));
            assertThat(rows).allMatch(r -> r.phone.matches("09\\d{8}") && !r.admin);
            assertThat(rows.stream().map(r -> r.hash).distinct().count()).isEqualTo(6);
        }

        @Test
        void thenEveryFormatVerifiesTheSandboxPassword() throws Exception {
            Map<String, Row> byPrefix = new HashMap<>();
            for (Row r : rows) {
                byPrefix.putIfAbsent(r.algorithm + (r.algorithm.equals("bcrypt") ? r.hash.substring(0, 4) : ""), r);
            }
            assertThat(byPrefix.keySet()).containsExactlyInAnyOrder("bcrypt$2a$", "bcrypt$2b$", "bcrypt$2y$",
                    "pbkdf2-sha256", "sha256-salted", "md5");
            for (Row r : byPrefix.values()) {
                assertThat(independentlyVerifies(r)).as(r.algorithm).isTrue();
            }
        }

        @Test
        void thenThePeopleStreamDescribesTheSameRows() {
            List<SyntheticPerson> people = SyntheticAccountGenerator.people(ROWS, SEED).toList();
            assertThat(people).hasSize(ROWS);
            Map<String, Row> byId = rows.stream().collect(Collectors.toMap(r -> r.legacyId, r -> r));
            assertThat(people).allSatisfy(p -> {
                Row r = byId.get(p.legacyId());
                assertThat(List.of(r.fullName, r.birthDate, r.gender, r.cccd, String.valueOf(r.cmnd), r.phone))
                        .containsExactly(p.fullName(), p.birthDate(), p.gender() == Gender.MALE ? "M" : "F",
                                p.cccd(), String.valueOf(p.cmnd()), p.phone());
            });
        }

        private Set<String> distinct(java.util.function.Function<Row, String> key) {
            return rows.stream().map(key).collect(Collectors.toSet());
        }

        private double share(java.util.function.Predicate<Row> test) {
            return rows.stream().filter(test).count() / (double) rows.size();
        }
    }

    @Nested
    class GivenTheSameSeed {

        @Test
        void thenTheRowsAreTheSameAndASmallerRunIsAPrefix() {
            List<SyntheticPerson> first = SyntheticAccountGenerator.people(2_000, SEED).toList();
            List<SyntheticPerson> again = SyntheticAccountGenerator.people(2_000, SEED).toList();
            List<SyntheticPerson> prefix = SyntheticAccountGenerator.people(100, SEED).toList();
            List<SyntheticPerson> other = SyntheticAccountGenerator.people(100, SEED + 1).toList();

            assertThat(again).isEqualTo(first);
            assertThat(prefix).isEqualTo(first.subList(0, 100));
            assertThat(other.get(0).legacyId()).isEqualTo(first.get(0).legacyId());
            assertThat(other.stream().map(SyntheticPerson::cccd).toList())
                    .isNotEqualTo(prefix.stream().map(SyntheticPerson::cccd).toList());
        }

        @Test
        void thenGeneratingAgainReplacesTheSyntheticRows() throws SQLException {
            try (Connection connection = TestDatabases.inMemory()) {
                LegacySchema.create(connection);
                SyntheticAccountGenerator.generate(connection, 500, SEED);
                List<Row> first = readSynthetic(connection);

                SyntheticAccountGenerator.generate(connection, 300, SEED);
                List<Row> second = readSynthetic(connection);

                assertThat(second).hasSize(300);
                assertThat(second.stream().map(r -> r.username + r.cccd + r.hash).toList())
                        .isEqualTo(first.subList(0, 300).stream().map(r -> r.username + r.cccd + r.hash).toList());
            }
        }

        @Test
        void thenAnImpossibleCountIsRefused() {
            assertThatThrownBy(() -> SyntheticAccountGenerator.people(-1, SEED))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SyntheticAccountGenerator.people(10_000_000, SEED))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class GivenAnH2File {

        @Test
        void thenTwoHundredThousandRowsLoadAndTheRateIsReported(@TempDir Path dir) throws SQLException {
            int n = 200_000;
            try (Connection connection = DriverManager.getConnection(TestDatabases.fileUrl(dir), "sa", "")) {
                LegacySchema.create(connection);
                long started = System.nanoTime();
                long inserted = SyntheticAccountGenerator.generate(connection, n, SEED);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("[benchmark] %,d synthetic rows into an H2 file in %.1f s: %,.0f rows/s%n",
                        inserted, seconds, inserted / seconds);

                assertThat(inserted).isEqualTo(n);
                assertThat(TestDatabases.count(connection, "")).isEqualTo(n);
            }
        }
    }

    // --- helpers ---

    private static boolean independentlyVerifies(Row r) throws Exception {
        String password = "Sandbox@123";
        switch (r.algorithm) {
            case "bcrypt":
                return BCrypt.verifyer().verify(password.toCharArray(), r.hash.toCharArray()).verified;
            case "pbkdf2-sha256":
                byte[] expected = java.util.Base64.getDecoder().decode(r.hash);
                javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(),
                        java.util.Base64.getDecoder().decode(r.salt), r.iterations, expected.length * 8);
                return MessageDigest.isEqual(expected, javax.crypto.SecretKeyFactory
                        .getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
            case "sha256-salted":
                return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest((r.salt + password).getBytes(StandardCharsets.UTF_8))).equals(r.hash);
            case "md5":
                return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                        .digest(password.getBytes(StandardCharsets.UTF_8))).equals(r.hash);
            default:
                return false;
        }
    }

    private static List<Row> readSynthetic(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM vneid_legacy_account"
                     + " WHERE legacy_id LIKE 'SYN-%' ORDER BY legacy_id")) {
            while (rs.next()) {
                Row r = new Row();
                r.legacyId = rs.getString("legacy_id");
                r.username = rs.getString("username");
                r.hash = rs.getString("password_hash");
                r.algorithm = rs.getString("password_algorithm");
                r.salt = rs.getString("password_salt");
                r.iterations = rs.getObject("password_iterations", Integer.class);
                r.fullName = rs.getString("full_name");
                r.birthDate = rs.getObject("birth_date", LocalDate.class);
                r.gender = rs.getString("gender");
                r.cmnd = rs.getString("cmnd");
                r.cccd = rs.getString("cccd");
                r.cccdVerified = rs.getBoolean("cccd_verified");
                r.phone = rs.getString("phone");
                r.accountType = rs.getString("account_type");
                r.admin = rs.getBoolean("is_admin");
                rows.add(r);
            }
        }
        return rows;
    }

    private static final class Row {
        String legacyId;
        String username;
        String hash;
        String algorithm;
        String salt;
        Integer iterations;
        String fullName;
        LocalDate birthDate;
        String gender;
        String cmnd;
        String cccd;
        boolean cccdVerified;
        String phone;
        String accountType;
        boolean admin;
    }
}

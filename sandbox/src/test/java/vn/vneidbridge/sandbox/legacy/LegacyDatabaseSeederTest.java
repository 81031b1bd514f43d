package vn.vneidbridge.sandbox.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.vneidbridge.core.id.CmndNumber;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.TaxCode;

class LegacyDatabaseSeederTest {

    private static final String PASSWORD = "Sandbox@123";

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = TestDatabases.inMemory();
        LegacySchema.create(connection);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Nested
    class GivenThePersonasSeededTwice {

        @BeforeEach
        void seedTwice() throws SQLException {
            assertThat(LegacyDatabaseSeeder.seedPersonas(connection)).isEqualTo(8);
            assertThat(LegacyDatabaseSeeder.seedPersonas(connection)).isEqualTo(8);
        }

        @Test
        void thenThereAreExactlyEightRows() throws SQLException {
            assertThat(TestDatabases.count(connection, "")).isEqualTo(8);
        }

        @ParameterizedTest
        @CsvSource({
            "tothinga,        DVC-0000001, bcrypt",
            "nguyenvanan,     DVC-0000002, pbkdf2-sha256",
            "tranvanbinh,     DVC-0000003, sha256-salted",
            "tranvanbinh.hcm, DVC-0000004, md5",
            "phamminhduc,     DVC-0000005, bcrypt",
            "quantri,         DVC-0000006, pbkdf2-sha256",
            "congtyabc,       DVC-0000007, sha256-salted",
            "hoa.le95,        DVC-0000008, bcrypt",
        })
        void thenEachPasswordVerifiesIndependently(String username, String legacyId, String algorithm)
                throws Exception {
            Row row = row(username);

            assertThat(row.legacyId).isEqualTo(legacyId);
            assertThat(row.algorithm).isEqualTo(algorithm);
            assertThat(verifies(row, PASSWORD)).as("Sandbox@123 verifies").isTrue();
            assertThat(verifies(row, "Sandbox@124")).as("another password does not").isFalse();
        }

        @Test
        void thenEveryFormatAndBcryptPrefixIsUsed() throws SQLException {
            assertThat(row("tothinga").hash).startsWith("$2y$10$");
            assertThat(row("phamminhduc").hash).startsWith("$2a$10$");
            assertThat(row("hoa.le95").hash).startsWith("$2b$10$");
            Row an = row("nguyenvanan");
            assertThat(an.iterations).isEqualTo(27_500);
            assertThat(Base64.getDecoder().decode(an.salt)).hasSize(16);
            assertThat(Base64.getDecoder().decode(an.hash)).hasSize(32);
            assertThat(row("tranvanbinh").salt).isNotBlank();
            assertThat(row("tranvanbinh.hcm").salt).isNull();
            assertThat(row("tranvanbinh.hcm").iterations).isNull();
        }

        @Test
        void thenTheIdsAreThoseOfTheSandboxPersonas() throws SQLException {
            assertThat(row("tothinga").values()).containsExactly("Tô Thị Nga", LocalDate.of(1989, 3, 15), "F",
                    "164438056", null, false, "CITIZEN", false, "ACTIVE");
            assertThat(row("nguyenvanan").values()).containsExactly("Nguyễn Văn An", LocalDate.of(1990, 9, 2), "M",
                    null, "001090001234", true, "CITIZEN", false, "ACTIVE");
            assertThat(row("tranvanbinh").values()).containsExactly("Trần Văn Bình", LocalDate.of(1985, 10, 10),
                    "M", null, "042085007890", true, "CITIZEN", false, "ACTIVE");
            assertThat(row("tranvanbinh.hcm").values()).containsExactly("Trần Văn Bình",
                    LocalDate.of(1985, 10, 10), "M", null, "042085007890", true, "CITIZEN", false, "ACTIVE");
            assertThat(row("phamminhduc").values()).containsExactly("Phạm Minh Đức", LocalDate.of(1988, 5, 5), "M",
                    "025678901", null, false, "CITIZEN", false, "ACTIVE");
            assertThat(row("quantri").values()).containsExactly("Quản trị viên cổng", null, null, null, null,
                    false, "CITIZEN", true, "ACTIVE");
            assertThat(row("congtyabc").values()).containsExactly("Công ty TNHH ABC", null, null, null, null,
                    false, "ORGANISATION", false, "ACTIVE");
            assertThat(row("hoa.le95").values()).as("Lê Thị Hoa's namesake: no CMND, no CCCD")
                    .containsExactly("Lê Thị Hoa", LocalDate.of(1995, 11, 20), "F", null, null, false, "CITIZEN", false,
                            "ACTIVE");
        }

        @Test
        void thenOnlyTheOrganisationHasATaxCodeAndItIsValid() throws SQLException {
            assertThat(row("congtyabc").taxCode).isEqualTo("0312345673").isEqualTo(LegacyPersonas.CONGTYABC_TAX_CODE);
            assertThat(TaxCode.parse(row("congtyabc").taxCode).isValid()).isTrue();
            for (LegacyAccount persona : LegacyPersonas.all()) {
                if (!persona.username().equals(LegacyPersonas.CONGTYABC)) {
                    assertThat(row(persona.username()).taxCode).as(persona.username()).isNull();
                }
            }
        }

        @Test
        void thenNoneHasPlaces() throws SQLException {
            // Tô Thị Nga's journey shows the population database filling them in
            for (LegacyAccount persona : LegacyPersonas.all()) {
                Row row = row(persona.username());
                assertThat(Arrays.asList(row.placeOfBirth, row.homeTown, row.permanentAddress))
                        .as(persona.username()).containsOnlyNulls();
            }
        }

        @Test
        void thenTheirIdsAndPhonesAreWellFormed() throws SQLException {
            for (LegacyAccount persona : LegacyPersonas.all()) {
                Row row = row(persona.username());
                if (row.cccd != null) {
                    PersonalIdNumber cccd = PersonalIdNumber.parse(row.cccd).number().orElseThrow();
                    assertThat(cccd.checkAgainst(Gender.parse(row.gender).orElseThrow(), row.birthDate)).isEmpty();
                }
                if (row.cmnd != null) {
                    assertThat(CmndNumber.parse(row.cmnd).isValid()).isTrue();
                }
                assertThat(row.phone).matches("09\\d{8}");
                assertThat(row.email).isEqualTo(row.username + "@example.vn");
            }
        }
    }

    @Nested
    class GivenOtherRowsInTheTable {

        @Test
        void thenSeedingKeepsThemAndReplacesAStalePersonaRow() throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(LegacyAccountInserter.INSERT)) {
                LegacyAccount other = SyntheticAccountGenerator.accounts(1, 1).findFirst().orElseThrow();
                LegacyAccountInserter.bind(insert, other);
                insert.executeUpdate();
                LegacyAccount stale = new LegacyAccount("OLD-1", "tothinga", other.password(), null, null, null,
                        null, null, false, null, null, LegacyAccount.AccountType.CITIZEN, false,
                        LegacyAccount.Status.LOCKED);
                LegacyAccountInserter.bind(insert, stale);
                insert.executeUpdate();
            }

            LegacyDatabaseSeeder.seedPersonas(connection);

            assertThat(TestDatabases.count(connection, "")).isEqualTo(9);
            assertThat(row("tothinga").legacyId).isEqualTo("DVC-0000001");
        }

        @Test
        void thenARowsPlacesAreInsertedAsGiven() throws SQLException {
            LegacyAccount other = SyntheticAccountGenerator.accounts(1, 1).findFirst().orElseThrow()
                    .withPlaces("Bệnh viện Phụ sản Hà Nội", "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định", null);
            try (PreparedStatement insert = connection.prepareStatement(LegacyAccountInserter.INSERT)) {
                LegacyAccountInserter.bind(insert, other);
                insert.executeUpdate();
            }

            Row row = row(other.username());
            assertThat(row.placeOfBirth).isEqualTo("Bệnh viện Phụ sản Hà Nội");
            assertThat(row.homeTown).isEqualTo("Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
            assertThat(row.permanentAddress).isNull();
            assertThat(row.taxCode).isEqualTo(other.taxCode());
        }
    }

    // --- independent checks: the contract's encodings, written here without LegacyPasswordHasher ---

    private static boolean verifies(Row row, String password) throws Exception {
        switch (row.algorithm) {
            case "bcrypt":
                return BCrypt.verifyer().verify(password.toCharArray(), row.hash.toCharArray()).verified;
            case "pbkdf2-sha256":
                byte[] expected = Base64.getDecoder().decode(row.hash);
                PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(row.salt),
                        row.iterations, expected.length * 8);
                byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                        .getEncoded();
                return MessageDigest.isEqual(expected, actual);
            case "sha256-salted":
                return hex("SHA-256", row.salt + password).equals(row.hash);
            case "md5":
                return hex("MD5", password).equals(row.hash);
            default:
                throw new AssertionError("unknown algorithm " + row.algorithm);
        }
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Row row(String username) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM vneid_legacy_account WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("row of " + username).isTrue();
                Row row = new Row();
                row.legacyId = rs.getString("legacy_id");
                row.username = rs.getString("username");
                row.hash = rs.getString("password_hash");
                row.algorithm = rs.getString("password_algorithm");
                row.salt = rs.getString("password_salt");
                row.iterations = rs.getObject("password_iterations", Integer.class);
                row.fullName = rs.getString("full_name");
                row.birthDate = rs.getObject("birth_date", LocalDate.class);
                row.gender = rs.getString("gender");
                row.cmnd = rs.getString("cmnd");
                row.cccd = rs.getString("cccd");
                row.cccdVerified = rs.getBoolean("cccd_verified");
                row.phone = rs.getString("phone");
                row.email = rs.getString("email");
                row.accountType = rs.getString("account_type");
                row.admin = rs.getBoolean("is_admin");
                row.status = rs.getString("status");
                row.taxCode = rs.getString("tax_code");
                row.placeOfBirth = rs.getString("place_of_birth");
                row.homeTown = rs.getString("home_town");
                row.permanentAddress = rs.getString("permanent_address");
                assertThat(rs.next()).as("one row of " + username).isFalse();
                return row;
            }
        }
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
        String email;
        String accountType;
        boolean admin;
        String status;
        String taxCode;
        String placeOfBirth;
        String homeTown;
        String permanentAddress;

        List<Object> values() {
            List<Object> values = new ArrayList<>();
            values.add(fullName);
            values.add(birthDate);
            values.add(gender);
            values.add(cmnd);
            values.add(cccd);
            values.add(cccdVerified);
            values.add(accountType);
            values.add(admin);
            values.add(status);
            return values;
        }
    }
}

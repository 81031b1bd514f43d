package vn.vneidbridge.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.legacy.LegacyPasswordHasher;
import vn.vneidbridge.sandbox.legacy.PasswordFormat;
import vn.vneidbridge.sandbox.legacy.StoredPassword;

/**
 * Accounts the integration tests own (beside the sandbox personas, which other journeys use): one per
 * legacy password format, and the bad rows an operator's data really has. The legacy table becomes a view
 * over two portals' tables, as when an operator merges two portal databases — which is how one username can
 * appear twice.
 */
public final class LegacyFixtures {

    public static final String PASSWORD = "Sandbox@123";

    /** username → format of the accounts that must log in. */
    public static final String BCRYPT_2A = "it.bcrypt2a";
    public static final String BCRYPT_2B = "it.bcrypt2b";
    public static final String BCRYPT_2Y = "it.bcrypt2y";
    public static final String PBKDF2 = "it.pbkdf2";
    public static final String SHA256 = "it.sha256";
    public static final String MD5 = "it.md5";
    /** Has a CCCD the legacy portal verified: its token carries {@code cccd}. */
    public static final String VERIFIED = "it.verified";
    public static final String VERIFIED_CCCD = "001090009002";
    /** Has a CCCD nobody verified: its token must not carry it. */
    public static final String UNVERIFIED = "it.unverified";
    public static final String WRONG_PASSWORD = "it.wrongpassword";
    public static final String REPEAT = "it.repeat";
    public static final String LOCKED = "it.locked";
    public static final String ORGANISATION = "it.organisation";
    public static final String UNKNOWN_ALGORITHM = "it.unknownalgorithm";
    public static final String MALFORMED_CCCD = "it.malformedcccd";
    public static final String DUPLICATE = "it.duplicate";
    /** Given wrong passwords only (but {@link #HASHWORK_IMPORTED}, imported first): PasswordHashWorkIT. */
    public static final String HASHWORK_BCRYPT = "it.hashwork.bcrypt";
    public static final String HASHWORK_PBKDF2 = "it.hashwork.pbkdf2";
    public static final String HASHWORK_SHA256 = "it.hashwork.sha256";
    public static final String HASHWORK_MD5 = "it.hashwork.md5";
    public static final String HASHWORK_LOCKED = "it.hashwork.locked";
    public static final String HASHWORK_IMPORTED = "it.hashwork.imported";
    public static final String HASHWORK_UNKNOWN_FORMAT = "it.hashwork.sha1";
    public static final String NOT_IMPORTED_WHILE_DOWN = "it.whiledown";
    public static final String IMPORTED_BEFORE_DOWN = "it.beforedown";

    /** Accounts without a CCCD whose holder the population database knows: synthetic people 1 to 5 (seed 42). */
    public static final String CCCD_TIMEOUT = "it.cccdtimeout";
    public static final String CCCD_FAILURE = "it.cccdfailure";
    public static final String CCCD_BARE_FLAG = "it.cccdbare";
    public static final String CCCD_RATE_LIMIT = "it.cccdratelimit";
    public static final String CCCD_IDENTITY = "it.cccdidentity";
    /** Accounts without a CCCD for the linking journeys: synthetic people 6 to 11 and 13 to 16 (seed 42). */
    public static final String LINK_NOTICE = "it.linknotice";
    public static final String LINK_MISMATCH = "it.linkmismatch";
    public static final String LINK_SKIP = "it.linkskip";
    public static final String LINK_ONLY = "it.linkonly";
    public static final String LINK_ONLY_MISMATCH = "it.linkonlymismatch";
    public static final String CUTOFF_CLOSED = "it.cutoffclosed";
    public static final String LINK_SECOND_BROWSER = "it.linksecondbrowser";
    public static final String LINK_REPLAY = "it.linkreplay";
    public static final String CCCD_SELF_EDIT = "it.cccdselfedit";
    public static final String CUTOFF_PAGES = "it.cutoffpages";
    /** Has the verified CCCD of synthetic person 12: two first VNeID logins race to link it. */
    public static final String LINK_RACE = "it.linkrace";
    /** Hold their holder's own CCCD, not verified (synthetic people 17 to 20): the first VNeID login confirms them. */
    public static final String CONFIRM_CCCD = "it.confirmcccd";
    public static final String CONFIRM_WRONG = "it.confirmwrong";
    public static final String CONFIRM_DECLINE = "it.confirmdecline";
    public static final String CONFIRM_DOWN = "it.confirmdown";
    /** Synthetic person 21's account holding, not verified, the CCCD of {@link #stranger()}. */
    public static final String CONFIRM_MISMATCH = "it.confirmmismatch";
    /** Knows its holder ({@link #cmndHolder()}) only by the old CMND the population database also has. */
    public static final String CONFIRM_CMND = "it.confirmcmnd";
    // unlink (UnlinkIT): synthetic people 22 to 25
    public static final String UNLINK_REAUTH = "it.unlinkreauth";
    public static final String UNLINK_FRESH = "it.unlinkfresh";
    public static final String UNLINK_FORGED = "it.unlinkforged";
    public static final String UNLINK_REST = "it.unlinkrest";
    /** Synthetic person 26: unlinks VNeID, then says "not my account" at the next VNeID login (UnlinkIT). */
    public static final String UNLINK_DECLINE = "it.unlinkdecline";
    /** Synthetic person 27's own CCCD, not verified: ten passwords posted at once on the confirmation page. */
    public static final String CONFIRM_PARALLEL = "it.confirmparallel";
    /** Synthetic person 28: legacy login, CCCD check and VNeID link, watched on /metrics (MetricsDashboardIT). */
    public static final String METRICS_JOURNEY = "it.metricsjourney";
    // proven defences (rows of docs/threat-model.md): synthetic people 188 and 191
    /** Guessed at until Keycloak's brute-force detection locks it (LegacyAccountLoginContract). */
    public static final String LOCKOUT = "it.lockout";
    /**
     * Holds synthetic person 188's CCCD, verified, not yet in Keycloak: its holder's first VNeID login while the
     * legacy database is down (LegacyAccountLoginOnPostgresIT).
     */
    public static final String VERIFIED_WHILE_DOWN = "it.verifiedwhiledown";
    /** Locked, and holds synthetic person 191's CCCD verified: never imported nor linked through VNeID (VneidLoginIT). */
    public static final String LOCKED_VERIFIED = "it.lockedverified";
    /**
     * Holds synthetic person 177's CCCD, verified, not yet in Keycloak: linked by its holder's first VNeID login,
     * then logged in with its portal password (LinkedAccountPasswordIT).
     */
    public static final String LINKED_PASSWORD = "it.linkedpassword";
    /** Several staff log into this organisation account at once (ConcurrentPasswordLoginsIT). */
    public static final String CONCURRENT_SHARED = "it.concurrentshared";
    /** Not yet in Keycloak; first logged into by several at once (ConcurrentPasswordLoginsIT). */
    public static final String CONCURRENT_FIRST = "it.concurrentfirst";
    /** Its form is submitted twice at once by one browser (ConcurrentPasswordLoginsIT). */
    public static final String CONCURRENT_DOUBLE = "it.concurrentdouble";
    /** Wrong passwords for it are sent all at once (ConcurrentPasswordLoginsIT). */
    public static final String CONCURRENT_WRONG = "it.concurrentwrong";
    /** Wrong passwords for it are sent all at once, without the quick-login check (ConcurrentPasswordLoginsIT). */
    public static final String CONCURRENT_WRONG_SLOW = "it.concurrentwrongslow";
    /**
     * A company's account (type ORGANISATION) holding its legal representative's CCCD, synthetic person 178's,
     * verified: never a candidate for that person's own VNeID login (OrganisationAccountsIT).
     */
    public static final String ORGANISATION_OF_REPRESENTATIVE = "it.orgrepresentative";
    /**
     * Holds synthetic person 179's CCCD, verified, and the old CMND {@link #ID_NUMBER_LOGIN_CMND}: logged into from the
     * form's "CMT/CCCD" tab (IdNumberLoginIT).
     */
    public static final String ID_NUMBER_LOGIN = "it.idnumberlogin";
    public static final String ID_NUMBER_LOGIN_CMND = "031179179";
    /** Two accounts holding synthetic person 176's CCCD, both verified: the number logs into neither (IdNumberLoginIT). */
    public static final String ID_NUMBER_TWIN_A = "it.idnumbertwina";
    public static final String ID_NUMBER_TWIN_B = "it.idnumbertwinb";
    /** A citizen's row whose view gives the optional place columns (LegacyPlacesIT). */
    public static final String PLACES = "it.places";
    public static final String PLACES_HOME_TOWN = "Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội";
    private static final Map<String, Integer> OWN_PEOPLE = Map.of(VERIFIED_WHILE_DOWN, 188, LOCKED_VERIFIED, 191,
            LINKED_PASSWORD, 177, ORGANISATION_OF_REPRESENTATIVE, 178, ID_NUMBER_LOGIN, 179, ID_NUMBER_TWIN_A, 176,
            ID_NUMBER_TWIN_B, 176);
    private static final List<String> CCCD_ACCOUNTS = List.of(CCCD_TIMEOUT, CCCD_FAILURE, CCCD_BARE_FLAG,
            CCCD_RATE_LIMIT, CCCD_IDENTITY, LINK_NOTICE, LINK_MISMATCH, LINK_SKIP, LINK_ONLY, LINK_ONLY_MISMATCH,
            CUTOFF_CLOSED, LINK_RACE, LINK_SECOND_BROWSER, LINK_REPLAY, CCCD_SELF_EDIT,
            CUTOFF_PAGES, CONFIRM_CCCD, CONFIRM_WRONG, CONFIRM_DECLINE, CONFIRM_DOWN, CONFIRM_MISMATCH,
            UNLINK_REAUTH, UNLINK_FRESH, UNLINK_FORGED, UNLINK_REST, UNLINK_DECLINE, CONFIRM_PARALLEL,
            METRICS_JOURNEY);
    private static final List<String> CONFIRM_OWN_CCCD = List.of(CONFIRM_CCCD, CONFIRM_WRONG, CONFIRM_DECLINE,
            CONFIRM_DOWN, CONFIRM_PARALLEL);

    private static final String INSERT = "INSERT INTO %s (legacy_id, username, password_hash, password_algorithm,"
            + " password_salt, password_iterations, full_name, birth_date, gender, cmnd, cccd, cccd_verified, phone,"
            + " email, account_type, is_admin, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private LegacyFixtures() {
    }

    /** The synthetic person behind one of the CCCD accounts (whose CCCD the population database has). */
    public static SyntheticPerson person(String username) {
        if (OWN_PEOPLE.containsKey(username)) {
            return syntheticPerson(OWN_PEOPLE.get(username));
        }
        int index = CCCD_ACCOUNTS.indexOf(username);
        if (index < 0) {
            throw new IllegalArgumentException("not a CCCD fixture: " + username);
        }
        // the people the population database simulator serves (TestKeycloak), so the registry knows each of them
        return SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(index + 1).findFirst()
                .orElseThrow();
    }

    /**
     * Synthetic person {@code index} (seed 42), one the population database simulator knows (0 to
     * {@link TestKeycloak#SYNTHETIC_PEOPLE} - 1). Tests that pick one by number keep to their own numbers.
     */
    public static SyntheticPerson syntheticPerson(int index) {
        return SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(index).findFirst()
                .orElseThrow();
    }

    /** A person the population database knows and no fixture account belongs to (synthetic person 130). */
    public static SyntheticPerson stranger() {
        return SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(130).findFirst().orElseThrow();
    }

    /** The first synthetic person from number 120 on with an old CMND: the holder of {@link #CONFIRM_CMND}. */
    public static SyntheticPerson cmndHolder() {
        return SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(120)
                .filter(person -> person.cmnd() != null).findFirst().orElseThrow();
    }

    /** The legacy id of a fixture account. */
    public static String legacyId(String username) {
        return "IT-" + username.substring(3).toUpperCase(java.util.Locale.ROOT);
    }

    public static void install(Connection connection) throws SQLException {
        String portalA = "legacy_portal_a";
        String portalB = "legacy_portal_b";
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE vneid_legacy_account RENAME TO " + portalA);
            ddl.execute("CREATE TABLE " + portalB + " AS SELECT * FROM " + portalA + " WHERE 1 = 0");
            ddl.execute("CREATE VIEW vneid_legacy_account AS SELECT * FROM " + portalA
                    + " UNION ALL SELECT * FROM " + portalB);
        }
        insert(connection, portalA, BCRYPT_2A, PasswordFormat.BCRYPT_2A, "Trần Thị Mai", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, BCRYPT_2B, PasswordFormat.BCRYPT_2B, "Lê Văn Tâm", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, BCRYPT_2Y, PasswordFormat.BCRYPT_2Y, "Võ Thị Lan", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, PBKDF2, PasswordFormat.PBKDF2_SHA256, "Đặng Văn Hùng", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, SHA256, PasswordFormat.SHA256_SALTED, "Bùi Thị Hạnh", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, MD5, PasswordFormat.MD5, "Đỗ Văn Quang", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, VERIFIED, PasswordFormat.BCRYPT_2Y, "Hồ Văn Nam", VERIFIED_CCCD, true, "CITIZEN", "ACTIVE");
        insert(connection, portalA, UNVERIFIED, PasswordFormat.BCRYPT_2Y, "Ngô Văn Sơn", "001090009003", false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, WRONG_PASSWORD, PasswordFormat.BCRYPT_2Y, "Dương Thị Yến", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, REPEAT, PasswordFormat.PBKDF2_SHA256, "Lý Văn Phúc", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, LOCKED, PasswordFormat.BCRYPT_2Y, "Phan Văn Khoa", null, false, "CITIZEN", "LOCKED");
        insert(connection, portalA, ORGANISATION, PasswordFormat.SHA256_SALTED, "Công ty TNHH Thử Nghiệm", null, false, "ORGANISATION", "ACTIVE");
        insert(connection, portalA, UNKNOWN_ALGORITHM, PasswordFormat.MD5, "Vũ Văn Long", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, MALFORMED_CCCD, PasswordFormat.MD5, "Huỳnh Văn Tài", "12345abc", false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, DUPLICATE, PasswordFormat.MD5, "Hoàng Văn Đông", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalB, DUPLICATE, PasswordFormat.MD5, "Hoàng Văn Tây", null, false, "CITIZEN", "ACTIVE",
                "IT-DUPLICATE-B");
        insert(connection, portalA, HASHWORK_BCRYPT, PasswordFormat.BCRYPT_2Y, "Trịnh Văn Bảo", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, HASHWORK_PBKDF2, PasswordFormat.PBKDF2_SHA256, "Trịnh Thị Cúc", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, HASHWORK_SHA256, PasswordFormat.SHA256_SALTED, "Trịnh Văn Dũng", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, HASHWORK_MD5, PasswordFormat.MD5, "Trịnh Thị Giang", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, HASHWORK_LOCKED, PasswordFormat.MD5, "Trịnh Văn Hải", null, false, "CITIZEN", "LOCKED");
        insert(connection, portalA, HASHWORK_IMPORTED, PasswordFormat.MD5, "Trịnh Thị Kim", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, HASHWORK_UNKNOWN_FORMAT, PasswordFormat.MD5, "Trịnh Văn Long", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, NOT_IMPORTED_WHILE_DOWN, PasswordFormat.BCRYPT_2Y, "Tạ Thị Thu", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, IMPORTED_BEFORE_DOWN, PasswordFormat.BCRYPT_2Y, "Tạ Văn Xuân", null, false, "CITIZEN", "ACTIVE");
        for (String username : CCCD_ACCOUNTS) {
            SyntheticPerson person = person(username);
            insert(connection, portalA, username, PasswordFormat.BCRYPT_2Y, person.fullName(), null, false, "CITIZEN",
                    "ACTIVE", legacyId(username), person.birthDate(), person.gender() == Gender.MALE ? "M" : "F");
        }
        insert(connection, portalA, LOCKOUT, PasswordFormat.BCRYPT_2Y, "Kiều Văn Khóa", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, CONCURRENT_SHARED, PasswordFormat.MD5, "Công ty TNHH Dùng Chung", null, false, "ORGANISATION", "ACTIVE");
        insert(connection, portalA, CONCURRENT_FIRST, PasswordFormat.MD5, "Kiều Thị Song", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, CONCURRENT_DOUBLE, PasswordFormat.MD5, "Kiều Văn Đúp", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, CONCURRENT_WRONG, PasswordFormat.MD5, "Kiều Văn Đoán", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, CONCURRENT_WRONG_SLOW, PasswordFormat.MD5, "Kiều Thị Đoán", null, false, "CITIZEN", "ACTIVE");
        insert(connection, portalA, PLACES, PasswordFormat.MD5, "Lâm Thị Quê", null, false, "CITIZEN", "ACTIVE");
        try (PreparedStatement places = connection.prepareStatement("UPDATE " + portalA
                + " SET place_of_birth = ?, home_town = ?, permanent_address = ? WHERE username = ?")) {
            places.setString(1, "Bệnh viện Phụ sản Hà Nội");
            places.setString(2, "  " + PLACES_HOME_TOWN + "  ");
            places.setString(3, "   "); // blank: nothing imported
            places.setString(4, PLACES);
            places.executeUpdate();
        }
        for (String username : OWN_PEOPLE.keySet()) {
            SyntheticPerson person = person(username);
            boolean company = username.equals(ORGANISATION_OF_REPRESENTATIVE);
            insert(connection, portalA, username, PasswordFormat.BCRYPT_2Y,
                    company ? "Công ty TNHH Đại Diện " + person.fullName() : person.fullName(), person.cccd(), true,
                    company ? "ORGANISATION" : "CITIZEN", username.equals(LOCKED_VERIFIED) ? "LOCKED" : "ACTIVE",
                    legacyId(username), person.birthDate(), person.gender() == Gender.MALE ? "M" : "F");
        }
        SyntheticPerson cmndHolder = cmndHolder();
        insert(connection, portalA, CONFIRM_CMND, PasswordFormat.BCRYPT_2Y, cmndHolder.fullName(), null, false,
                "CITIZEN", "ACTIVE", legacyId(CONFIRM_CMND), cmndHolder.birthDate(),
                cmndHolder.gender() == Gender.MALE ? "M" : "F");
        try (Statement update = connection.createStatement()) {
            update.executeUpdate("UPDATE " + portalA + " SET cccd = '" + person(LINK_RACE).cccd()
                    + "', cccd_verified = TRUE WHERE username = '" + LINK_RACE + "'");
            for (String username : CONFIRM_OWN_CCCD) {
                update.executeUpdate("UPDATE " + portalA + " SET cccd = '" + person(username).cccd()
                        + "', cccd_verified = FALSE WHERE username = '" + username + "'");
            }
            update.executeUpdate("UPDATE " + portalA + " SET cccd = '" + stranger().cccd()
                    + "', cccd_verified = FALSE WHERE username = '" + CONFIRM_MISMATCH + "'");
            update.executeUpdate("UPDATE " + portalA + " SET cmnd = '" + cmndHolder.cmnd()
                    + "' WHERE username = '" + CONFIRM_CMND + "'");
            update.executeUpdate("UPDATE " + portalA + " SET cmnd = '" + ID_NUMBER_LOGIN_CMND
                    + "' WHERE username = '" + ID_NUMBER_LOGIN + "'");
            update.executeUpdate("UPDATE " + portalA + " SET password_algorithm = 'sha1' WHERE username = '"
                    + UNKNOWN_ALGORITHM + "'");
            update.executeUpdate("UPDATE " + portalA + " SET password_algorithm = 'sha1' WHERE username = '"
                    + HASHWORK_UNKNOWN_FORMAT + "'");
        }
    }

    private static void insert(Connection connection, String table, String username, PasswordFormat format,
                               String fullName, String cccd, boolean verified, String type, String status)
            throws SQLException {
        insert(connection, table, username, format, fullName, cccd, verified, type, status, legacyId(username));
    }

    private static void insert(Connection connection, String table, String username, PasswordFormat format,
                               String fullName, String cccd, boolean verified, String type, String status,
                               String legacyId) throws SQLException {
        insert(connection, table, username, format, fullName, cccd, verified, type, status, legacyId,
                LocalDate.of(1990, 1, 15), "M");
    }

    private static void insert(Connection connection, String table, String username, PasswordFormat format,
                               String fullName, String cccd, boolean verified, String type, String status,
                               String legacyId, LocalDate birthDate, String gender) throws SQLException {
        StoredPassword password = LegacyPasswordHasher.hash(format, PASSWORD, username);
        try (PreparedStatement insert = connection.prepareStatement(String.format(INSERT, table))) {
            insert.setString(1, legacyId);
            insert.setString(2, username);
            insert.setString(3, password.hash());
            insert.setString(4, password.algorithm());
            setNullable(insert, 5, password.salt());
            if (password.iterations() == null) {
                insert.setNull(6, Types.INTEGER);
            } else {
                insert.setInt(6, password.iterations());
            }
            insert.setString(7, fullName);
            insert.setObject(8, birthDate);
            insert.setString(9, gender);
            insert.setNull(10, Types.CHAR);
            setNullable(insert, 11, cccd);
            insert.setBoolean(12, verified);
            insert.setString(13, "0912345678");
            insert.setString(14, username + "@example.vn");
            insert.setString(15, type);
            insert.setBoolean(16, false);
            insert.setString(17, status);
            insert.executeUpdate();
        }
    }

    private static void setNullable(PreparedStatement insert, int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }
}

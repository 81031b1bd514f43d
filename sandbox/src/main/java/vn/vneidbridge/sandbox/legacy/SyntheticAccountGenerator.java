package vn.vneidbridge.sandbox.legacy;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Synthetic legacy accounts for benchmarks, deterministic from a seed: the same {@code (n, seed)} gives the same
 * rows, and the first rows of a larger {@code n} are the rows of a smaller one.
 *
 * <p>Row {@code i} (from 1) is {@code legacy_id} {@code SYN-} + 7 digits, username the folded name + "." + i
 * ({@code nguyenthihoa.42}), a {@linkplain #people person} born 1940–2008 with a CCCD that matches their gender
 * and year, a CMND for about half of them, {@code cccd_verified} for about 70 %, account type about 94 %
 * CITIZEN, 3 % BUSINESS, 3 % ORGANISATION (for those, the person is the legal representative), 1 % LOCKED, an
 * e-mail for about 60 %. The password is always {@value LegacyPersonas#PASSWORD}; the formats of
 * {@link PasswordFormat} take turns by row, and each is hashed once and reused (hashing a million rows one by one
 * would take hours).
 */
public final class SyntheticAccountGenerator {

    /** Prefix of every synthetic {@code legacy_id}. */
    public static final String LEGACY_ID_PREFIX = "SYN-";
    /** Rows per batch (and commit) of the batched inserts. */
    public static final int BATCH_SIZE = 5_000;

    private static final System.Logger LOG = System.getLogger(SyntheticAccountGenerator.class.getName());
    private static final long PURPOSE_ACCOUNT = 0x4143_434f_554eL;
    private static final PasswordFormat[] FORMATS = PasswordFormat.values();

    private SyntheticAccountGenerator() {
    }

    /**
     * The people behind the first {@code n} synthetic accounts, in row order: what a population-registry simulator
     * serves for the same {@code (n, seed)}. Sequential; each call starts afresh.
     */
    public static Stream<SyntheticPerson> people(int n, long seed) {
        return stream(new SyntheticPeople(n, seed), n).map(SyntheticPeople.Generated::person);
    }

    /** The first {@code n} synthetic accounts, in row order. Sequential; each call starts afresh. */
    public static Stream<LegacyAccount> accounts(int n, long seed) {
        Map<PasswordFormat, StoredPassword> passwords = new EnumMap<>(PasswordFormat.class);
        for (PasswordFormat format : FORMATS) {
            passwords.put(format, LegacyPasswordHasher.hash(format, LegacyPersonas.PASSWORD, "synthetic"));
        }
        return stream(new SyntheticPeople(n, seed), n).map(row -> account(row, seed, passwords));
    }

    /**
     * Replaces the synthetic rows of {@code vneid_legacy_account} (which must exist, see {@link LegacySchema}) with
     * the first {@code n} accounts of {@code seed}. PostgreSQL gets one {@code COPY}; other databases batched
     * inserts of {@value #BATCH_SIZE} rows, one commit per batch. Rows that are not synthetic are kept.
     *
     * <p>An H2 file grows to about 2.7 KB a row during a bulk load (superseded pages are kept) and shrinks to about
     * 0.3 KB when compacted: close it with {@code SHUTDOWN COMPACT}, as {@link LegacyDatabaseTool} does, or open it
     * with {@code ;MAX_COMPACT_TIME=60000}.
     *
     * @return the number of rows inserted, {@code n}
     */
    public static long generate(Connection connection, int n, long seed) throws SQLException {
        long started = System.nanoTime();
        deleteSynthetic(connection);
        Stream<LegacyAccount> accounts = accounts(n, seed);
        long count = PostgresCopyLoader.supports(connection)
                ? PostgresCopyLoader.load(connection, accounts.iterator())
                : new LegacyAccountInserter(BATCH_SIZE).insertAll(connection, accounts.iterator());
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        LOG.log(Level.INFO, "inserted {0} synthetic legacy accounts in {1} ms ({2} rows/s)",
                count, millis, count * 1000 / millis);
        return count;
    }

    /** {@code SYN-} and the row index on 7 digits. */
    static String legacyId(int index) {
        String digits = Integer.toString(index);
        return LEGACY_ID_PREFIX + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }

    private static LegacyAccount account(SyntheticPeople.Generated row, long seed,
            Map<PasswordFormat, StoredPassword> passwords) {
        SyntheticPerson person = row.person();
        DeterministicRandom random = DeterministicRandom.forRow(seed, PURPOSE_ACCOUNT, person.index());
        boolean verified = random.chance(0.70);
        int type = random.nextInt(100);
        LegacyAccount.AccountType accountType = type < 94 ? LegacyAccount.AccountType.CITIZEN
                : type < 97 ? LegacyAccount.AccountType.BUSINESS : LegacyAccount.AccountType.ORGANISATION;
        LegacyAccount.Status status = random.chance(0.01) ? LegacyAccount.Status.LOCKED : LegacyAccount.Status.ACTIVE;
        String username = row.asciiName() + "." + person.index();
        String email = random.chance(0.60) ? username + "@example.vn" : null;
        StoredPassword password = passwords.get(FORMATS[(person.index() - 1) % FORMATS.length]);
        return new LegacyAccount(person.legacyId(), username, password, person.fullName(), person.birthDate(),
                person.gender(), person.cmnd(), person.cccd(), verified, person.phone(), email, accountType, false,
                status);
    }

    private static void deleteSynthetic(Connection connection) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            int deleted = delete.executeUpdate(
                    "DELETE FROM " + LegacySchema.TABLE + " WHERE legacy_id LIKE '" + LEGACY_ID_PREFIX + "%'");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.log(Level.DEBUG, "deleted {0} earlier synthetic rows", deleted);
        }
    }

    private static <T> Stream<T> stream(java.util.Iterator<T> iterator, int n) {
        return StreamSupport.stream(Spliterators.spliterator(iterator, n,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }
}

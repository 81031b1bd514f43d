package vn.vneidbridge.legacy.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import vn.vneidbridge.legacy.metrics.BridgeMetrics;

/**
 * Reads the legacy portal database through the JPA unit bound to its named datasource. Every read runs in
 * a short transaction of its own, so the legacy database is never part of Keycloak's transaction (no
 * two-phase commit across the two databases) and a slow legacy database cannot hold Keycloak's locks.
 * Each lookup goes through an indexed column of the contract and returns validated records only.
 */
public final class LegacyAccountStore {

    private static final Logger LOG = Logger.getLogger(LegacyAccountStore.class);
    private static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";
    /**
     * Reads of one lookup, when the first ones fail on connections broken by a restart of the legacy database
     * ({@link BrokenConnections}); each such failure makes the pool drop that connection.
     */
    private static final int MAX_ATTEMPTS = 4;
    /** Whether each persistence unit's view has the optional column {@code tax_code}, kept across stores. */
    private static final java.util.Map<String, OptionalColumn> TAX_CODE_COLUMNS =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Whether each persistence unit's view has the optional columns {@code place_of_birth}, {@code home_town} and
     * {@code permanent_address} (the three together), kept across stores.
     */
    private static final java.util.Map<String, OptionalColumn> PLACE_COLUMNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final KeycloakSessionFactory sessions;
    private final String persistenceUnit;
    private final int queryTimeoutMillis;

    public LegacyAccountStore(KeycloakSessionFactory sessions, String persistenceUnit, int queryTimeoutMillis) {
        this.sessions = sessions;
        this.persistenceUnit = persistenceUnit;
        this.queryTimeoutMillis = queryTimeoutMillis;
    }

    /** The account with this (lower-case) username; a username held by several rows finds nothing. */
    public Lookup byUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return Lookup.none();
        }
        List<LegacyAccountEntity> rows = query(LegacyAccountEntity.BY_USERNAME, username.trim().toLowerCase(java.util.Locale.ROOT), 2);
        if (rows.size() > 1) {
            return Lookup.rejected(rows.get(0).getLegacyId(), LegacyAccountProblem.DUPLICATE_USERNAME);
        }
        return rows.isEmpty() ? Lookup.none() : Lookup.of(rows.get(0));
    }

    public Lookup byLegacyId(String legacyId) {
        if (legacyId == null || legacyId.isBlank() || legacyId.length() > 64) {
            return Lookup.none();
        }
        LegacyAccountEntity row = read(em -> em.find(LegacyAccountEntity.class, legacyId));
        return row == null ? Lookup.none() : Lookup.of(row);
    }

    /** The valid accounts holding this 12-digit number (at most {@code limit} rows are read). */
    public List<LegacyAccount> byCccd(String cccd, int limit) {
        return valid(query(LegacyAccountEntity.BY_CCCD, cccd, limit));
    }

    /** The valid accounts holding this 9-digit number (at most {@code limit} rows are read). */
    public List<LegacyAccount> byCmnd(String cmnd, int limit) {
        return valid(query(LegacyAccountEntity.BY_CMND, cmnd, limit));
    }

    /**
     * One keyset page of a scan: at most {@code size} rows of the filter after {@code afterKey} (null: from the
     * start), in key order, each validated. One short read; nothing of the scan is held between pages.
     */
    public Page page(String afterKey, int size, LegacyAccountFilter filter) {
        LegacyAccountFilter.Query page = filter.page(afterKey);
        List<LegacyAccountEntity> rows = read(em -> {
            TypedQuery<LegacyAccountEntity> query = em.createQuery(page.jpql(), LegacyAccountEntity.class)
                    .setMaxResults(size)
                    .setHint(TIMEOUT_HINT, queryTimeoutMillis);
            page.parameters().forEach(query::setParameter);
            return query.getResultList();
        });
        List<PageRow> read = new java.util.ArrayList<>(rows.size());
        for (LegacyAccountEntity row : rows) {
            read.add(new PageRow(row.getLegacyId(), LegacyAccount.fromRow(row).account()));
        }
        return new Page(read, rows.isEmpty() ? Optional.empty()
                : Optional.of(rows.get(rows.size() - 1).getLegacyId()));
    }

    /** How many rows the filter covers (one aggregate query, {@code timeoutMillis} at most). */
    public long count(LegacyAccountFilter filter, int timeoutMillis) {
        LegacyAccountFilter.Query count = filter.count();
        return read(em -> {
            TypedQuery<Long> query = em.createQuery(count.jpql(), Long.class)
                    .setHint(TIMEOUT_HINT, timeoutMillis);
            count.parameters().forEach(query::setParameter);
            return query.getSingleResult();
        });
    }

    /** The legacy ids of the valid rows holding each of these 12-digit numbers (one query for them all). */
    public java.util.Map<String, List<String>> holdersOfCccds(java.util.Collection<String> numbers) {
        java.util.Map<String, List<String>> holders = new java.util.HashMap<>();
        if (numbers.isEmpty()) {
            return holders;
        }
        List<LegacyAccountEntity> rows = read(em -> em.createQuery(
                        "select a from LegacyAccountEntity a where a.cccd in :numbers", LegacyAccountEntity.class)
                .setParameter("numbers", java.util.Set.copyOf(numbers))
                .setHint(TIMEOUT_HINT, queryTimeoutMillis)
                .getResultList());
        for (LegacyAccountEntity row : rows) {
            LegacyAccount.fromRow(row).account().ifPresent(account -> holders
                    .computeIfAbsent(account.cccd().orElseThrow(), n -> new java.util.ArrayList<>())
                    .add(account.legacyId()));
        }
        return holders;
    }

    /** Whether the legacy view has the contract's optional column {@code created_at}. */
    public boolean hasCreationDates() {
        try {
            read(em -> em.createQuery("select c.createdAt from LegacyAccountCreation c", Object.class)
                    .setMaxResults(1).setHint(TIMEOUT_HINT, queryTimeoutMillis).getResultList());
            return true;
        } catch (LegacyDatabaseUnavailableException e) {
            return false;
        }
    }

    /**
     * Whether the legacy view has the contract's optional column {@code tax_code}. The database is asked at most once
     * every {@link OptionalColumn#RECHECK_AFTER} per persistence unit; a view without the column is its answer, not a
     * failure of the legacy database. False also while the database does not answer.
     */
    public boolean hasTaxCodes() {
        return taxCodeColumn().isThere(() -> readOptionalColumn(em -> em.createQuery(
                        "select t.taxCode from LegacyAccountTaxCode t", String.class)
                .setMaxResults(1).setHint(TIMEOUT_HINT, queryTimeoutMillis).getResultList()).isPresent());
    }

    /**
     * The optional column {@code tax_code} of the row with this legacy id, as the row has it: trimmed, not validated.
     * Empty when the view has no such column, the row has no code, or there is no such row. Callers read it for
     * organisations' and businesses' rows only ({@link LegacyAccountTaxCode#isReadFor}).
     *
     * @throws LegacyDatabaseUnavailableException when the legacy database does not answer
     */
    public Optional<String> taxCodeOf(String legacyId) {
        if (legacyId == null || legacyId.isBlank() || legacyId.length() > 64 || !hasTaxCodes()) {
            return Optional.empty();
        }
        Optional<List<String>> codes = readOptionalColumn(em -> em.createQuery(
                        "select t.taxCode from LegacyAccountTaxCode t where t.legacyId = :legacyId", String.class)
                .setParameter("legacyId", legacyId)
                .setMaxResults(2)
                .setHint(TIMEOUT_HINT, queryTimeoutMillis)
                .getResultList());
        if (codes.isEmpty()) {
            taxCodeColumn().missing(); // the view lost the column since it was last asked
            return Optional.empty();
        }
        List<String> found = codes.get();
        return found.size() != 1 || found.get(0) == null ? Optional.empty()
                : Optional.of(found.get(0).strip()).filter(code -> !code.isEmpty());
    }

    /**
     * The optional columns {@code place_of_birth}, {@code home_town} and {@code permanent_address} of the row with this
     * legacy id, as the row has them: not trimmed, not validated, each null when the row has none. Empty when the view
     * has no such columns or there is no such row. Callers read them for citizens' and businesses' rows only
     * ({@link LegacyAccountPlaces#isReadFor}).
     *
     * @throws LegacyDatabaseUnavailableException when the legacy database does not answer (never taken for a view
     *                                            without the columns)
     */
    public Optional<Places> placesOf(String legacyId) {
        if (legacyId == null || legacyId.isBlank() || legacyId.length() > 64 || placeColumns().knownMissing()) {
            return Optional.empty();
        }
        // a database that does not answer throws here: never taken for a view without the columns
        Optional<List<Places>> rows = readOptionalColumn(em -> em.createQuery(
                        "select p from LegacyAccountPlaces p where p.legacyId = :legacyId", LegacyAccountPlaces.class)
                .setParameter("legacyId", legacyId)
                .setMaxResults(2)
                .setHint(TIMEOUT_HINT, queryTimeoutMillis)
                .getResultList().stream()
                .map(row -> new Places(row.getPlaceOfBirth(), row.getHomeTown(), row.getPermanentAddress()))
                .toList());
        if (rows.isEmpty()) {
            placeColumns().missing(); // the view has not (or no longer) the columns
            return Optional.empty();
        }
        List<Places> found = rows.get();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * A row's optional columns {@code place_of_birth}, {@code home_town} and {@code permanent_address}, as the row has
     * them (each null when the row has none).
     */
    public record Places(String placeOfBirth, String homeTown, String permanentAddress) {

        /** Nothing of the values: they are personal data. */
        @Override
        public String toString() {
            return "Places[...]";
        }
    }

    /** A row of a scan: its key, and the account when the row is valid. */
    public record PageRow(String legacyId, Optional<LegacyAccount> account) {
    }

    /**
     * The valid accounts whose optional column {@code tax_code} holds exactly this code (at most {@code limit} rows
     * are read); none when the view has no such column. The code is compared as the row has it: a view should give
     * codes in their canonical form ({@code 0123456789}, {@code 0123456789-001}).
     *
     * @throws LegacyDatabaseUnavailableException when the legacy database does not answer
     */
    public List<LegacyAccount> byTaxCode(String taxCode, int limit) {
        if (taxCode == null || taxCode.isBlank() || taxCodeColumn().knownMissing()) {
            return List.of();
        }
        // a branch's code as the view may hold it: with its hyphen, or its 13 digits
        String bare = taxCode.replace("-", "");
        // a database that does not answer throws here: never taken for a view without the column
        Optional<List<LegacyAccountEntity>> rows = readOptionalColumn(em -> em.createQuery(
                        "select a from LegacyAccountEntity a where a.legacyId in "
                                + "(select t.legacyId from LegacyAccountTaxCode t where t.taxCode in (:code, :bare))",
                        LegacyAccountEntity.class)
                .setParameter("code", taxCode)
                .setParameter("bare", bare)
                .setMaxResults(limit)
                .setHint(TIMEOUT_HINT, queryTimeoutMillis)
                .getResultList());
        if (rows.isEmpty()) {
            taxCodeColumn().missing();
            return List.of();
        }
        return valid(rows.get());
    }

    /** A page of a scan and the key to continue after (empty when the page is empty: the scan is over). */
    public record Page(List<PageRow> rows, Optional<String> lastKey) {
    }

    private static List<LegacyAccount> valid(List<LegacyAccountEntity> rows) {
        return rows.stream().map(LegacyAccount::fromRow).filter(LegacyAccount.Validated::isValid)
                .map(v -> v.account().orElseThrow()).toList();
    }

    private List<LegacyAccountEntity> query(String name, String value, int limit) {
        return read(em -> {
            TypedQuery<LegacyAccountEntity> query = em.createNamedQuery(name, LegacyAccountEntity.class)
                    .setParameter("value", value)
                    .setMaxResults(limit)
                    .setHint(TIMEOUT_HINT, queryTimeoutMillis);
            return query.getResultList();
        });
    }

    private OptionalColumn taxCodeColumn() {
        return TAX_CODE_COLUMNS.computeIfAbsent(persistenceUnit,
                unit -> new OptionalColumn(OptionalColumn.RECHECK_AFTER, System::nanoTime));
    }

    private OptionalColumn placeColumns() {
        return PLACE_COLUMNS.computeIfAbsent(persistenceUnit,
                unit -> new OptionalColumn(OptionalColumn.RECHECK_AFTER, System::nanoTime));
    }

    /** A read of an optional column: empty when the view has no such column (an answer of the database). */
    private <T> Optional<T> readOptionalColumn(java.util.function.Function<EntityManager, T> work) {
        try {
            return Optional.of(read(work, true));
        } catch (MissingColumn e) {
            LOG.debugf("legacy database (unit %s): the view has no such optional column", persistenceUnit);
            return Optional.empty();
        }
    }

    private <T> T read(java.util.function.Function<EntityManager, T> work) {
        return read(work, false);
    }

    /**
     * @param optionalColumn whether {@code work} reads one of the contract's optional columns: a view without it is
     *                       then answered with {@link MissingColumn}, and the legacy database counts as up
     */
    private <T> T read(java.util.function.Function<EntityManager, T> work, boolean optionalColumn) {
        for (int attempt = 1; ; attempt++) {
            try {
                T answer = KeycloakModelUtils.runJobInTransactionWithResult(sessions, session -> {
                    EntityManager em = entityManager(session);
                    T result = work.apply(em);
                    em.clear();
                    return result;
                });
                BridgeMetrics.legacyDatabase(true);
                return answer;
            } catch (RuntimeException e) {
                if (attempt < MAX_ATTEMPTS && BrokenConnections.isBrokenConnection(e)) {
                    // a connection from before a restart of the database: the pool has dropped it, take another
                    LOG.debugf("legacy database (unit %s): a pooled connection was broken, reading again (%d)",
                            persistenceUnit, attempt);
                    continue;
                }
                if (optionalColumn && OptionalColumn.isMissingColumn(e)) {
                    BridgeMetrics.legacyDatabase(true);
                    throw new MissingColumn(e);
                }
                BridgeMetrics.legacyDatabase(false);
                LOG.debugf(e, "legacy database (unit %s) failed", persistenceUnit);
                throw new LegacyDatabaseUnavailableException("the legacy portal database is unavailable ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
    }

    private EntityManager entityManager(KeycloakSession session) {
        JpaConnectionProvider connection = session.getProvider(JpaConnectionProvider.class, persistenceUnit);
        if (connection == null) {
            throw new IllegalStateException("no JPA unit '" + persistenceUnit + "': configure db-kind-"
                    + persistenceUnit + " and rebuild Keycloak");
        }
        return connection.getEntityManager();
    }

    /** The view has no such optional column: the database's answer to a read of one, not a failure. */
    private static final class MissingColumn extends RuntimeException {

        MissingColumn(Throwable cause) {
            super("the legacy view has no such optional column", cause);
        }
    }

    /** What a lookup by a unique key found: an account, a row that was refused (and why), or nothing. */
    public record Lookup(Optional<LegacyAccount> account, Optional<String> rejectedLegacyId,
                         Optional<LegacyAccountProblem> problem) {

        static Lookup none() {
            return new Lookup(Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Lookup rejected(String legacyId, LegacyAccountProblem problem) {
            return new Lookup(Optional.empty(), Optional.ofNullable(legacyId), Optional.of(problem));
        }

        static Lookup of(LegacyAccountEntity row) {
            LegacyAccount.Validated validated = LegacyAccount.fromRow(row);
            return validated.isValid()
                    ? new Lookup(validated.account(), Optional.empty(), Optional.empty())
                    : rejected(row.getLegacyId(), validated.problem().orElseThrow());
        }
    }
}

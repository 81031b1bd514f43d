package vn.vneidbridge.operations.review;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Review entries: a VNeID identity whose id number is the verified CCCD of several accounts, waiting for an
 * operator to link it to one of them or dismiss it. One open entry per realm and id number; a repeated
 * login updates it (candidates, VNeID subject, count).
 */
public final class ReviewEntries {

    public static final String OPEN = "OPEN";
    public static final String LINKED = "LINKED";
    public static final String DISMISSED = "DISMISSED";
    /**
     * The VNeID subject of an entry opened by a bulk pre-verification, which knows no VNeID identity (not an empty
     * string: Oracle stores that as null, and the column is not null).
     */
    static final String BULK_SUBJECT = "(bulk-pre-verification)";
    private static final Logger LOG = Logger.getLogger(ReviewEntries.class);
    /** The length of the column {@code CANDIDATE_IDS}. */
    private static final int CANDIDATES_MAX = 2000;

    private ReviewEntries() {
    }

    /**
     * Opens (or updates) the entry for this id number, in a transaction of its own so it is kept whatever the
     * login does next; never fails the login. The login's identity takes the entry over; its accounts come first,
     * then those the entry named already (a bulk job's, or an earlier login's), so no account in question drops out
     * of the operators' view unless the column is full.
     */
    public static void open(KeycloakSession session, RealmModel realm, String identityProvider, String idNumber,
                            String vneidSubject, String vneidUsername, Iterable<String> candidateIds) {
        Set<String> found = new LinkedHashSet<>();
        candidateIds.forEach(found::add);
        String realmId = realm.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                EntityManager em = em(s);
                long now = Time.currentTimeMillis();
                ReviewEntryEntity entry = em.createNamedQuery(ReviewEntryEntity.BY_OPEN_KEY, ReviewEntryEntity.class)
                        .setParameter("openKey", openKey(realmId, idNumber)).getResultStream().findFirst().orElse(null);
                if (entry == null) {
                    entry = new ReviewEntryEntity();
                    entry.setId(UUID.randomUUID().toString());
                    entry.setRealmId(realmId);
                    entry.setOpenKey(openKey(realmId, idNumber));
                    entry.setIdNumber(idNumber);
                    entry.setStatus(OPEN);
                    entry.setCreatedAt(now);
                }
                // this login's accounts first, then those the entry named (those that do not fit are left out)
                CandidateList.Merged candidates = CandidateList.merge(found,
                        entry.getCandidateIds() == null ? List.of() : candidates(entry), CANDIDATES_MAX);
                warnIfDropped(entry, realm, candidates);
                entry.setIdentityProvider(identityProvider);
                entry.setVneidSubject(vneidSubject);
                entry.setVneidUsername(vneidUsername);
                entry.setCandidateIds(candidates.joined());
                entry.setLoginAttempts(entry.getLoginAttempts() + 1);
                entry.setUpdatedAt(now);
                if (!em.contains(entry)) {
                    em.persist(entry);
                }
            });
        } catch (RuntimeException e) {
            // e.g. a concurrent login opened it a moment ago: the refusal stands either way
            LOG.warnf("review entry not stored in realm %s (%s); the login was refused all the same", realm.getName(),
                    e.getClass().getSimpleName());
            LOG.debugf(e, "review entry not stored in realm %s", realm.getName());
        }
    }

    /**
     * Opens (or adds to) the entry of an id number that a bulk pre-verification found on several accounts, in the
     * caller's transaction. No VNeID identity is known then: the entry's subject is the marker {@link #BULK_SUBJECT},
     * which no resolution links ({@link ReviewResolution#link} refuses it; an operator dismisses it once the accounts
     * are sorted out).
     * A VNeID login with the number later takes the entry over with its own identity ({@link #open}).
     * An open entry from a VNeID login keeps its identity and login count; only the candidates are added.
     */
    public static void openFromBulk(KeycloakSession session, RealmModel realm, String identityProvider,
                                    String idNumber, Collection<String> candidateIds) {
        EntityManager em = em(session);
        long now = Time.currentTimeMillis();
        String key = openKey(realm.getId(), idNumber);
        ReviewEntryEntity entry = em.createNamedQuery(ReviewEntryEntity.BY_OPEN_KEY, ReviewEntryEntity.class)
                .setParameter("openKey", key).getResultStream().findFirst().orElse(null);
        List<String> named = List.of();
        if (entry == null) {
            entry = new ReviewEntryEntity();
            entry.setId(UUID.randomUUID().toString());
            entry.setRealmId(realm.getId());
            entry.setOpenKey(key);
            entry.setIdNumber(idNumber);
            entry.setIdentityProvider(identityProvider);
            entry.setVneidSubject(BULK_SUBJECT);
            entry.setStatus(OPEN);
            entry.setCreatedAt(now);
        } else {
            named = candidates(entry);
        }
        // the accounts named already first; the entry is opened (or kept) however many accounts hold the number
        CandidateList.Merged candidates = CandidateList.merge(named, candidateIds, CANDIDATES_MAX);
        warnIfDropped(entry, realm, candidates);
        entry.setCandidateIds(candidates.joined());
        entry.setUpdatedAt(now);
        if (!em.contains(entry)) {
            em.persist(entry);
        }
    }

    private static void warnIfDropped(ReviewEntryEntity entry, RealmModel realm, CandidateList.Merged candidates) {
        if (candidates.dropped() > 0) {
            LOG.warnf("Review entry %s of realm %s: %d more accounts hold its number than the entry can list; the"
                    + " operators see %d of them", entry.getId(), realm.getName(), candidates.dropped(),
                    candidates.ids().size());
        }
    }

    /** Whether an entry for this id number is open in the realm. */
    public static boolean isOpen(KeycloakSession session, String realmId, String idNumber) {
        return em(session).createNamedQuery(ReviewEntryEntity.BY_OPEN_KEY, ReviewEntryEntity.class)
                .setParameter("openKey", openKey(realmId, idNumber)).setMaxResults(1).getResultStream().findFirst()
                .filter(entry -> OPEN.equals(entry.getStatus())).isPresent();
    }

    /** Whether the entry came from a bulk pre-verification only (no VNeID identity to link). */
    public static boolean withoutVneidIdentity(ReviewEntryEntity entry) {
        return entry.getVneidSubject() == null || entry.getVneidSubject().isBlank()
                || BULK_SUBJECT.equals(entry.getVneidSubject());
    }

    /** The realm's entries, newest first; {@code status} null for all. */
    public static List<ReviewEntryEntity> list(KeycloakSession session, RealmModel realm, String status, int first,
                                               int max) {
        var query = status == null
                ? em(session).createNamedQuery(ReviewEntryEntity.BY_REALM, ReviewEntryEntity.class)
                : em(session).createNamedQuery(ReviewEntryEntity.BY_REALM_STATUS, ReviewEntryEntity.class)
                        .setParameter("status", status);
        return query.setParameter("realmId", realm.getId()).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** One entry of the realm, or null. */
    public static ReviewEntryEntity find(KeycloakSession session, RealmModel realm, String id) {
        ReviewEntryEntity entry = id == null ? null : em(session).find(ReviewEntryEntity.class, id);
        return entry != null && entry.getRealmId().equals(realm.getId()) ? entry : null;
    }

    /**
     * Claims an open entry for the resolution of this request: one conditional UPDATE raising its version, if it
     * is still open at the version this request read. Of several requests resolving the entry at once, one gets
     * it; the others wait for its transaction and then find the version raised (false). The claim is the first
     * thing a resolution writes; the entry is re-read afterwards, at its new version.
     */
    static boolean claim(KeycloakSession session, ReviewEntryEntity entry) {
        EntityManager em = em(session);
        int claimed = em.createNamedQuery(ReviewEntryEntity.CLAIM).setParameter("id", entry.getId())
                .setParameter("version", entry.getVersion()).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        em.refresh(entry);
        return OPEN.equals(entry.getStatus());
    }

    /** Closes an entry: it no longer blocks a new open entry for the same id number. */
    static void close(ReviewEntryEntity entry, String status, String resolvedBy, String note) {
        entry.setStatus(status);
        entry.setOpenKey(null);
        entry.setResolvedAt(Time.currentTimeMillis());
        entry.setUpdatedAt(entry.getResolvedAt());
        entry.setResolvedBy(resolvedBy);
        entry.setNote(note);
    }

    static List<String> candidates(ReviewEntryEntity entry) {
        List<String> ids = new ArrayList<>();
        for (String id : entry.getCandidateIds().split(",")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return ids;
    }

    static String openKey(String realmId, String idNumber) {
        return realmId + ":" + idNumber;
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}

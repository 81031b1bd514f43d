package vn.vneidbridge.operations.review;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;

/**
 * What an operator does with an open review entry: link the VNeID identity to one of its accounts — the same
 * checks as a first VNeID login (CCCD still verified and equal, not an administrator, neither side already
 * linked), the legacy row imported first, {@code vneid_linked_at} set and a {@code FEDERATED_IDENTITY_LINK}
 * user event ({@code link_method=review}) that also sends the link event to the portals — or dismiss it.
 */
public final class ReviewResolution {

    private final KeycloakSession session;
    private final RealmModel realm;

    public ReviewResolution(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** A refused resolution: an HTTP status, a code for the audit and a short reason for the operator. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Response.Status status;
        private final String code;

        Refused(Response.Status status, String code, String reason) {
            super(reason, null, false, false);
            this.status = status;
            this.code = code;
        }

        public Response.Status status() {
            return status;
        }

        /** E.g. {@code vneid_review_already_resolved}: the admin event's error. */
        public String code() {
            return code;
        }
    }

    /**
     * Links the entry's VNeID identity to the account; returns the linked user. Every check that needs no write
     * comes first, then the claim of the entry ({@link ReviewEntries#claim}), then the writes: a request that
     * loses the claim to another operator's has changed nothing.
     */
    public UserModel link(ReviewEntryEntity entry, String accountId, String operator, String note) {
        requireOpen(entry);
        if (ReviewEntries.withoutVneidIdentity(entry)) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_no_vneid_identity",
                    "the entry comes from a bulk pre-verification: there is no VNeID identity to link; dismiss it");
        }
        ReviewCandidates.Candidate candidate = ReviewCandidates.of(session, realm, entry).get(accountId)
                .orElseThrow(() -> new Refused(Response.Status.BAD_REQUEST, "vneid_review_not_a_candidate",
                        "not a candidate of this entry"));
        if (!candidate.verified()) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_cccd_changed",
                    "the account's verified CCCD is no longer this id number");
        }
        if (candidate.kind() == AccountKind.ORGANISATION) {
            // its representative's number on a company's account: the company is not the person (review A4)
            throw new Refused(Response.Status.CONFLICT, "vneid_review_organisation",
                    "an organisation's account is never linked to a person's VNeID identity");
        }
        FederatedIdentityModel identity = new FederatedIdentityModel(entry.getIdentityProvider(),
                entry.getVneidSubject(), entry.getVneidUsername());
        if (session.users().getUserByFederatedIdentity(realm, identity) != null) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_identity_linked",
                    "this VNeID identity is already linked");
        }
        if (candidate.legacy().map(ref -> ref.account().admin() || !ref.account().active()).orElse(false)) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_administrator",
                    "an administrator or locked account is never linked");
        }
        UserModel existing = candidate.legacy().isPresent() ? null : session.users().getUserById(realm, accountId);
        if (existing == null && candidate.legacy().isEmpty()) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_import_failed",
                    "the account could not be brought into Keycloak");
        }
        if (existing != null) {
            requireLinkable(entry, existing);
        }
        claim(entry);
        UserModel user = existing != null ? existing
                : LegacyUserStorage.importedUser(session, realm, candidate.legacy().get());
        if (user == null) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_import_failed",
                    "the account could not be brought into Keycloak");
        }
        if (existing == null) {
            requireLinkable(entry, user);
        }
        session.users().addFederatedIdentity(realm, user, identity);
        user.setSingleAttribute(UserAttributes.VNEID_LINKED_AT, Instant.now().toString());
        entry.setLinkedUserId(user.getId());
        ReviewEntries.close(entry, ReviewEntries.LINKED, operator, note);
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.FEDERATED_IDENTITY_LINK)
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(Details.IDENTITY_PROVIDER, entry.getIdentityProvider())
                .detail("link_method", "review")
                .detail("review_entry", entry.getId())
                .success();
        return user;
    }

    public void dismiss(ReviewEntryEntity entry, String operator, String note) {
        requireOpen(entry);
        claim(entry);
        ReviewEntries.close(entry, ReviewEntries.DISMISSED, operator, note);
    }

    /** The entry as the admin API shows it, its candidates described as they are now. */
    public Map<String, Object> describe(ReviewEntryEntity entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.getId());
        view.put("status", entry.getStatus());
        view.put("idNumber", entry.getIdNumber());
        view.put("identityProvider", entry.getIdentityProvider());
        view.put("vneidSubject", entry.getVneidSubject());
        view.put("vneidUsername", entry.getVneidUsername());
        view.put("loginAttempts", entry.getLoginAttempts());
        view.put("createdAt", Instant.ofEpochMilli(entry.getCreatedAt()).toString());
        view.put("updatedAt", Instant.ofEpochMilli(entry.getUpdatedAt()).toString());
        if (entry.getResolvedAt() != null) {
            view.put("resolvedAt", Instant.ofEpochMilli(entry.getResolvedAt()).toString());
            view.put("resolvedBy", entry.getResolvedBy());
        }
        if (entry.getLinkedUserId() != null) {
            view.put("linkedUserId", entry.getLinkedUserId());
        }
        if (entry.getNote() != null) {
            view.put("note", entry.getNote());
        }
        List<Map<String, Object>> candidates = ReviewCandidates.of(session, realm, entry).all().stream().map(c -> {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("id", c.id());
            account.put("username", c.username());
            account.put("legacyAccountId", c.legacyAccountId());
            account.put("imported", c.imported());
            account.put("cccdVerified", c.verified());
            account.put("accountKind", c.kind().name());
            return account;
        }).toList();
        view.put("candidates", candidates);
        return view;
    }

    private void requireLinkable(ReviewEntryEntity entry, UserModel user) {
        if (PortalAdministrators.isAdministrator(realm, user)) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_administrator",
                    "an administrator account is never linked");
        }
        if (session.users().getFederatedIdentity(realm, user, entry.getIdentityProvider()) != null) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_account_linked",
                    "the account is already linked to VNeID");
        }
    }

    private static void requireOpen(ReviewEntryEntity entry) {
        if (!ReviewEntries.OPEN.equals(entry.getStatus())) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_already_resolved",
                    "the entry is already " + entry.getStatus());
        }
    }

    /** Claims the entry for this request, or refuses: another operator resolved it at the same time. */
    private void claim(ReviewEntryEntity entry) {
        boolean claimed;
        try {
            claimed = ReviewEntries.claim(session, entry);
        } catch (PersistenceException e) {
            // waited too long for the other resolution's lock: that one is still going on
            session.getTransactionManager().setRollbackOnly();
            claimed = false;
        }
        if (!claimed) {
            throw new Refused(Response.Status.CONFLICT, "vneid_review_resolved_concurrently",
                    "another operator resolved this entry at the same time; reload it to see the outcome");
        }
    }
}

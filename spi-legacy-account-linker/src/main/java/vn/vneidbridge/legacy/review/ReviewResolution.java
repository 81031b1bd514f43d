package vn.vneidbridge.legacy.review;

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

    /** A refused resolution: an HTTP status and a short reason for the operator. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Response.Status status;

        Refused(Response.Status status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        public Response.Status status() {
            return status;
        }
    }

    /** Links the entry's VNeID identity to the account; returns the linked user. */
    public UserModel link(ReviewEntryEntity entry, String accountId, String operator, String note) {
        requireOpen(entry);
        ReviewCandidates.Candidate candidate = ReviewCandidates.of(session, realm, entry).get(accountId)
                .orElseThrow(() -> new Refused(Response.Status.BAD_REQUEST, "not a candidate of this entry"));
        if (!candidate.verified()) {
            throw new Refused(Response.Status.CONFLICT, "the account's verified CCCD is no longer this id number");
        }
        FederatedIdentityModel identity = new FederatedIdentityModel(entry.getIdentityProvider(),
                entry.getVneidSubject(), entry.getVneidUsername());
        if (session.users().getUserByFederatedIdentity(realm, identity) != null) {
            throw new Refused(Response.Status.CONFLICT, "this VNeID identity is already linked");
        }
        if (candidate.legacy().map(ref -> ref.account().admin() || !ref.account().active()).orElse(false)) {
            throw new Refused(Response.Status.CONFLICT, "an administrator or locked account is never linked");
        }
        UserModel user = candidate.legacy().isPresent()
                ? LegacyUserStorage.importedUser(session, realm, candidate.legacy().get())
                : session.users().getUserById(realm, accountId);
        if (user == null) {
            throw new Refused(Response.Status.CONFLICT, "the account could not be brought into Keycloak");
        }
        if (PortalAdministrators.isAdministrator(realm, user)) {
            throw new Refused(Response.Status.CONFLICT, "an administrator account is never linked");
        }
        if (session.users().getFederatedIdentity(realm, user, entry.getIdentityProvider()) != null) {
            throw new Refused(Response.Status.CONFLICT, "the account is already linked to VNeID");
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
            return account;
        }).toList();
        view.put("candidates", candidates);
        return view;
    }

    private static void requireOpen(ReviewEntryEntity entry) {
        if (!ReviewEntries.OPEN.equals(entry.getStatus())) {
            throw new Refused(Response.Status.CONFLICT, "the entry is already " + entry.getStatus());
        }
    }
}

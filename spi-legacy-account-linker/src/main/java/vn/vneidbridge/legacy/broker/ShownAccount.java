package vn.vneidbridge.legacy.broker;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * The page "Tài khoản Cổng dịch vụ công có số định danh của bạn": before a first VNeID login links an account, the
 * VNeID holder is shown it — masked username, account type and dates, nothing the holder did not type or could not
 * know (no name, birth date, phone or e-mail) — and answers "Đây là tài khoản của tôi" or "Không phải tài khoản
 * của tôi". The account shown is kept in the authentication session: only that account can be confirmed, and only
 * by this login.
 */
final class ShownAccount {

    static final String TEMPLATE = "vneid-link-shown-account.ftl";
    static final String NOTE_ACCOUNT = "vneid.shown.account";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AuthenticationFlowContext context;

    ShownAccount(AuthenticationFlowContext context) {
        this.context = context;
    }

    /** The id of the account shown to this login, if the page is waiting for an answer. */
    Optional<String> pending() {
        return Optional.ofNullable(context.getAuthenticationSession().getAuthNote(NOTE_ACCOUNT));
    }

    void end() {
        context.getAuthenticationSession().removeAuthNote(NOTE_ACCOUNT);
    }

    /** Remembers the account and shows it. */
    Response show(String accountId, LinkCandidates.Candidate candidate) {
        context.getAuthenticationSession().setAuthNote(NOTE_ACCOUNT, accountId);
        return page(candidate);
    }

    /** The page for the account shown to this login (again, e.g. on a reload). */
    Response page(LinkCandidates.Candidate candidate) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        Optional<UserModel> user = candidate.user();
        String username = user.map(UserModel::getUsername)
                .orElseGet(() -> candidate.legacy().orElseThrow().account().username());
        String type = user.map(u -> u.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_TYPE))
                .or(() -> candidate.legacy().map(ref -> ref.account().type().name()))
                .orElse(null);
        return context.form()
                .setAttribute("vneidShownUsername", UsernameMask.mask(username))
                .setAttribute("vneidShownTypeKey", type == null ? "vneidShownTypeUnknown" : "vneidShownType" + type)
                .setAttribute("vneidShownCreated", user.filter(u -> u.getFirstAttribute(
                                UserAttributes.LEGACY_ACCOUNT_ID) == null)
                        .map(u -> format(u.getCreatedTimestamp())).orElse(null))
                .setAttribute("vneidShownImported", user.map(u -> u.getFirstAttribute(UserAttributes.LEGACY_IMPORTED_AT))
                        .map(ShownAccount::formatInstant).orElse(null))
                .setAttribute("vneidShownLastLogin", user.flatMap(u -> lastLogin(session, realm, u)).orElse(null))
                .setAttribute("vneidShownVerifiedAt", user.map(u -> u.getFirstAttribute(UserAttributes.CCCD_VERIFIED_AT))
                        .map(ShownAccount::formatInstant).orElse(null))
                .setStatus(Response.Status.OK)
                .createForm(TEMPLATE);
    }

    private static Optional<String> lastLogin(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isEventsEnabled()) {
            return Optional.empty();
        }
        EventStoreProvider events = session.getProvider(EventStoreProvider.class);
        if (events == null) {
            return Optional.empty();
        }
        return events.createQuery().realm(realm.getId()).user(user.getId()).type(EventType.LOGIN).maxResults(1)
                .getResultStream().findFirst().map(event -> format(event.getTime()));
    }

    private static String format(Long millis) {
        return millis == null ? null : DATE.format(Instant.ofEpochMilli(millis).atZone(VIETNAM));
    }

    private static String formatInstant(String value) {
        try {
            return DATE.format(Instant.parse(value.trim()).atZone(VIETNAM));
        } catch (DateTimeParseException e) {
            try {
                return DATE.format(LocalDate.parse(value.trim()));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}

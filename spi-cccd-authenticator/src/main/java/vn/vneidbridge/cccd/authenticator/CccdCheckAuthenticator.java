package vn.vneidbridge.cccd.authenticator;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdAttemptLimiter;
import vn.vneidbridge.cccd.verification.CccdVerificationResult;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.core.flow.LoginNotes;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * After a portal-account login: an account without a verified CCCD is asked for it ("Cập nhật thông tin từ
 * CSDL dân cư", the old CMND shown), and the number is verified against the population database before it
 * is stored. "Bỏ qua" goes on while the policy allows it. An organisation's account is never asked: it is
 * identified by its tax code, not by a person's id number ({@link AccountKind}).
 */
final class CccdCheckAuthenticator implements Authenticator {

    static final String FORM = "vneid-cccd-form.ftl";
    static final int MAX_INPUT_LENGTH = 32;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        AccountKind kind = AccountKind.ofUser(user::getFirstAttribute);
        if (!asksForCccd(kind, hasVerifiedCccd(user), PortalAdministrators.isAdministrator(context.getRealm(), user))) {
            if (kind == AccountKind.ORGANISATION) {
                context.getEvent().detail("cccd_check", "organisation");
            }
            context.success();
            return;
        }
        context.challenge(form(context, null, new Object[0], ""));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        CccdCheckConfig config = new CccdCheckConfig(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String typed = form.getFirst("cccd") == null ? "" : form.getFirst("cccd").trim();
        if (typed.length() > MAX_INPUT_LENGTH) {
            typed = typed.substring(0, MAX_INPUT_LENGTH);
        }
        if ("skip".equals(form.getFirst("action"))) {
            if (skipAllowed(context, config)) {
                context.getEvent().detail("cccd_check", "skipped");
                context.success();
            } else {
                context.challenge(form(context, "vneidCccdRequired", new Object[0], typed));
            }
            return;
        }
        UserModel user = context.getUser();
        String address = context.getConnection().getRemoteAddr();
        CccdAttemptLimiter limiter = new CccdAttemptLimiter(context.getSession(), context.getRealm(),
                config.maxAttemptsPerAccount(), config.maxAttemptsPerAddress(), config.windowMinutes());
        // the attempt is taken before the registry is asked: parallel submissions cannot outrun the limit
        CccdVerificationResult result = limiter.tryAcquire(user.getId(), address)
                ? new CccdVerifier(context.getSession(), config.registry(), config.nameComparison())
                        .verify(context.getRealm(), user, typed)
                : CccdVerificationResult.tooManyAttempts(config.windowMinutes());
        if (result.verified()) {
            context.getEvent().clone().event(EventType.UPDATE_PROFILE).user(user)
                    .detail("cccd_verified", "true").detail("cccd_verified_source", CccdVerifier.SOURCE_POPULATION_REGISTRY)
                    .success();
            context.success();
            return;
        }
        var event = context.getEvent().clone().event(EventType.UPDATE_PROFILE_ERROR).user(user);
        if (result.eventDetail() != null) {
            event.detail("reason", result.eventDetail());
        }
        event.error(result.eventError());
        context.challenge(form(context, result.messageKey(), result.messageArguments().toArray(), typed));
    }

    private Response form(AuthenticationFlowContext context, String error, Object[] arguments, String typed) {
        CccdCheckConfig config = new CccdCheckConfig(context.getAuthenticatorConfig());
        UserModel user = context.getUser();
        var form = context.form()
                .setAttribute("vneidCmnd", user.getFirstAttribute(UserAttributes.CMND))
                .setAttribute("vneidCccd", typed)
                .setAttribute("vneidAllowSkip", skipAllowed(context, config));
        if (error != null) {
            form.setError(error, arguments);
        }
        return form.createForm(FORM);
    }

    /** "Bỏ qua" while the policy allows: the setting, and never in the cutoff's link-only mode. */
    private static boolean skipAllowed(AuthenticationFlowContext context, CccdCheckConfig config) {
        return config.allowSkip()
                && !Boolean.parseBoolean(context.getAuthenticationSession().getAuthNote(LoginNotes.LINK_ONLY));
    }

    /** Only a citizen's account without a verified CCCD is asked for one; administrators never are. */
    static boolean asksForCccd(AccountKind kind, boolean verifiedCccd, boolean administrator) {
        return kind == AccountKind.CITIZEN && !verifiedCccd && !administrator;
    }

    static boolean hasVerifiedCccd(UserModel user) {
        return user.getFirstAttribute(UserAttributes.CCCD) != null
                && "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}

package vn.vneidbridge.organisation.authenticator;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.flow.LoginNotes;
import vn.vneidbridge.core.limit.AccountAndAddressAttempts;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.organisation.verification.TaxCodeVerificationResult;
import vn.vneidbridge.organisation.verification.TaxCodeVerifier;

/**
 * After a portal-account login: an organisation's account without a tax code the business registry matched (or VNeID
 * verified) is asked for it ("Xác thực mã số thuế của tổ chức", prefilled with the code the old portal held), and the
 * code is checked against the business registry under the account's name before it is stored as matched. A matched
 * code lets this account's own session link the organisation's VNeID account (the notice that follows). "Bỏ qua" goes
 * on while the policy allows it. Citizens and administrators are never asked ({@link TaxCodeStep}).
 */
final class TaxCodeCheckAuthenticator implements Authenticator {

    static final String FORM = "vneid-tax-code-form.ftl";
    static final String FIELD = "tax_code";
    static final int MAX_INPUT_LENGTH = 32;
    private static final String EVENT_DETAIL = "tax_code_check";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (step(context) == TaxCodeStep.PASS) {
            context.success();
            return;
        }
        UserModel user = context.getUser();
        String imported = user.getFirstAttribute(UserAttributes.TAX_CODE);
        context.challenge(form(context, null, new Object[0], imported == null ? "" : imported));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (step(context) == TaxCodeStep.PASS) {
            // a form of a second tab, posted after the code was matched or verified here: nothing to ask any more
            context.success();
            return;
        }
        TaxCodeCheckConfig config = new TaxCodeCheckConfig(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String typed = form.getFirst(FIELD) == null ? "" : form.getFirst(FIELD).trim();
        if (typed.length() > MAX_INPUT_LENGTH) {
            typed = typed.substring(0, MAX_INPUT_LENGTH);
        }
        if ("skip".equals(form.getFirst("action"))) {
            if (skipAllowed(context, config)) {
                context.getEvent().detail(EVENT_DETAIL, "skipped");
                context.success();
            } else {
                context.challenge(form(context, "vneidTaxCodeRequired", new Object[0], typed));
            }
            return;
        }
        UserModel user = context.getUser();
        // counts tax-code-account and tax-code-address, taken before the registry is asked
        AccountAndAddressAttempts limiter = new AccountAndAddressAttempts(context.getSession(), context.getRealm(),
                "tax-code", config.maxAttemptsPerAccount(), config.maxAttemptsPerAddress(), config.windowMinutes());
        // the attempt is taken before the registry is asked: parallel submissions cannot outrun the limit
        TaxCodeVerificationResult result = limiter.tryAcquire(user.getId(), context.getConnection().getRemoteAddr())
                ? new TaxCodeVerifier(context.getSession(), config.registry()).verify(context.getRealm(), user, typed)
                : TaxCodeVerificationResult.tooManyAttempts(config.windowMinutes());
        if (result.verified()) {
            context.getEvent().clone().event(EventType.UPDATE_PROFILE).user(user)
                    .detail("tax_code_registry_match", "true")
                    .success();
            context.success();
            return;
        }
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_PROFILE_ERROR).user(user);
        if (result.eventDetail() != null) {
            event.detail(Details.REASON, result.eventDetail());
        }
        event.error(result.eventError());
        context.challenge(form(context, result.messageKey(), result.messageArguments().toArray(), typed));
    }

    /** Where the account stands: an organisation's account holding a code the registry matched or VNeID verified passes. */
    private static TaxCodeStep step(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        boolean known = user.getFirstAttribute(UserAttributes.TAX_CODE) != null
                && ("true".equals(user.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED))
                || user.getFirstAttribute(UserAttributes.TAX_CODE_REGISTRY_MATCHED_AT) != null);
        return TaxCodeStep.decide(AccountKind.ofUser(user::getFirstAttribute), known,
                PortalAdministrators.isAdministrator(context.getRealm(), user));
    }

    private Response form(AuthenticationFlowContext context, String error, Object[] arguments, String code) {
        TaxCodeCheckConfig config = new TaxCodeCheckConfig(context.getAuthenticatorConfig());
        var form = context.form()
                .setAttribute("vneidOrganisationName", context.getUser().getFirstAttribute(UserAttributes.FULL_NAME))
                .setAttribute("vneidTaxCode", code)
                .setAttribute("vneidAllowSkip", skipAllowed(context, config));
        if (error != null) {
            form.setError(error, arguments);
        }
        return form.createForm(FORM);
    }

    private static boolean skipAllowed(AuthenticationFlowContext context, TaxCodeCheckConfig config) {
        return TaxCodeStep.skipAllowed(config.allowSkip(),
                Boolean.parseBoolean(context.getAuthenticationSession().getAuthNote(LoginNotes.LINK_ONLY)));
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

package vn.vneidbridge.legacy.identity;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdAttemptLimiter;
import vn.vneidbridge.cccd.verification.CccdVerificationResult;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * "Thông tin định danh": the account's identity fields, each marked verified or not, and the button
 * "Cập nhật từ CSDL Quốc gia về Dân cư" that verifies them (again) against the population database; the linked
 * accounts, a VNeID link with "Hủy liên kết" ({@link VneidUnlink}). A portal opens it with
 * {@code kc_action=vneid-identity-info}.
 */
final class IdentityInfoAction implements RequiredActionProvider {

    static final String TEMPLATE = "vneid-identity.ftl";
    private static final int ATTEMPTS = 5;
    private static final int ATTEMPTS_PER_ADDRESS = 50;
    private static final int WINDOW_MINUTES = 15;
    private static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String registry;

    IdentityInfoAction(String registry) {
        this.registry = registry;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, null, new Object[0], false, ""));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        VneidUnlink unlink = new VneidUnlink(context, UnlinkConfig.of(context.getConfig()),
                (message, success) -> page(context, message, new Object[0], success, ""));
        if (unlink.returningFromVneid()) {
            unlink.returned();
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        switch (String.valueOf(form.getFirst("action"))) {
            case "refresh" -> refresh(context, form);
            case "unlink" -> unlink.start(form.getFirst("alias"));
            case "unlink-confirm" -> unlink.confirm(form.getFirst("unlinkToken"));
            case "unlink-cancel" -> unlink.cancel();
            default -> context.success();
        }
    }

    private void refresh(RequiredActionContext context, MultivaluedMap<String, String> form) {
        UserModel user = context.getUser();
        String typed = form.getFirst("cccd");
        String cccd = user.getFirstAttribute(UserAttributes.CCCD) != null
                && "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED))
                ? user.getFirstAttribute(UserAttributes.CCCD)
                : (typed == null ? "" : typed.trim());
        if (cccd.length() > 32) {
            cccd = cccd.substring(0, 32);
        }
        // the same limits as the login form: the page must not become a way to probe the population database
        CccdAttemptLimiter limiter = new CccdAttemptLimiter(context.getSession(), context.getRealm(), ATTEMPTS,
                ATTEMPTS_PER_ADDRESS, WINDOW_MINUTES);
        String address = context.getConnection().getRemoteAddr();
        CccdVerificationResult result = limiter.tryAcquire(user.getId(), address)
                ? new CccdVerifier(context.getSession(), registry).verify(context.getRealm(), user, cccd)
                : CccdVerificationResult.tooManyAttempts(WINDOW_MINUTES);
        var event = context.getEvent().clone().user(user);
        if (result.verified()) {
            event.event(EventType.UPDATE_PROFILE).detail("cccd_verified", "true").success();
            context.challenge(page(context, "vneidIdentityUpdated", new Object[0], true, ""));
            return;
        }
        event.event(EventType.UPDATE_PROFILE_ERROR);
        if (result.eventDetail() != null) {
            event.detail("reason", result.eventDetail());
        }
        event.error(result.eventError());
        context.challenge(page(context, result.messageKey(), result.messageArguments().toArray(), false, cccd));
    }

    private jakarta.ws.rs.core.Response page(RequiredActionContext context, String message, Object[] args,
                                             boolean success, String typed) {
        UserModel user = context.getUser();
        LoginFormsProvider form = context.form()
                .setAttribute("vneidIdentityRows", rows(user))
                .setAttribute("vneidLinkedAccounts", LinkedAccounts.of(context.getSession(), context.getRealm(), user))
                .setAttribute("vneidHasVerifiedCccd", "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED)))
                .setAttribute("vneidCccd", typed);
        if (message != null) {
            if (success) {
                form.setSuccess(message, args);
            } else {
                form.setError(message, args);
            }
        }
        return form.createForm(TEMPLATE);
    }

    /** The rows of the seed's identity screen: label key, value, verified. */
    static List<Map<String, Object>> rows(UserModel user) {
        Set<String> verified = Set.copyOf(user.getAttributeStream(CccdVerifier.VERIFIED_FIELDS).toList());
        boolean cccdVerified = "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("vneidIdentityFullName", fullName(user), verified.contains("FULL_NAME")));
        rows.add(row("vneidIdentityCmnd", user.getFirstAttribute(UserAttributes.CMND), verified.contains("CMND")));
        rows.add(row("vneidIdentityCccd", user.getFirstAttribute(UserAttributes.CCCD), cccdVerified));
        rows.add(row("vneidIdentityBirthdate", displayDate(user.getFirstAttribute(UserAttributes.BIRTHDATE)),
                verified.contains("BIRTH_DATE")));
        rows.add(row("vneidIdentityPhone", user.getFirstAttribute(UserAttributes.PHONE_NUMBER), false));
        rows.add(row("vneidIdentityGender", gender(user.getFirstAttribute(UserAttributes.GENDER)),
                verified.contains("GENDER")));
        rows.add(row("vneidIdentityEmail", user.getEmail(), false));
        return rows;
    }

    private static Map<String, Object> row(String label, String value, boolean verified) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("value", value == null ? "" : value);
        row.put("verified", verified && value != null && !value.isBlank());
        return row;
    }

    private static String fullName(UserModel user) {
        String full = user.getFirstAttribute(UserAttributes.FULL_NAME);
        if (full != null && !full.isBlank()) {
            return full;
        }
        String joined = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static String displayDate(String isoDate) {
        try {
            return isoDate == null ? null : LocalDate.parse(isoDate).format(DISPLAY_DATE);
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    private static String gender(String value) {
        if ("male".equals(value)) {
            return "${vneidIdentityMale}";
        }
        return "female".equals(value) ? "${vneidIdentityFemale}" : null;
    }

    @Override
    public void close() {
    }
}

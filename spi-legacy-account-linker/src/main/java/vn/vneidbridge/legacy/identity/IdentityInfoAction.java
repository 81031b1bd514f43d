package vn.vneidbridge.legacy.identity;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;
import org.keycloak.userprofile.EventAuditingAttributeChangeListener;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdAttemptLimiter;
import vn.vneidbridge.cccd.verification.CccdVerificationResult;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.cccd.verification.IdentityField;
import vn.vneidbridge.cccd.verification.RegistryTake;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * "Thông tin định danh": the account's ten identity fields, each marked verified or not, and the button
 * "Cập nhật từ CSDL Quốc gia về Dân cư" that verifies the number (again) against the population database and takes
 * its record's values into the account, saying which changed ({@link CccdVerifier#refresh}); the linked
 * accounts, a VNeID link with "Hủy liên kết" ({@link VneidUnlink}); "Sửa", which changes what the realm's user profile
 * lets the citizen change (the e-mail and the phone), never a verified field. A portal opens it with
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
        context.challenge(page(context, null, new Object[0], false, "", List.of()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        VneidUnlink unlink = new VneidUnlink(context, UnlinkConfig.of(context.getConfig()),
                (message, success) -> page(context, message, new Object[0], success, "", List.of()));
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
            case "edit" -> context.challenge(editPage(context, new MultivaluedHashMap<>(), List.of()));
            case "edit-save" -> save(context, form);
            case "edit-cancel" -> context.challenge(page(context, null, new Object[0], false, "", List.of()));
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
        CccdVerifier.Refresh refresh = limiter.tryAcquire(user.getId(), address)
                ? new CccdVerifier(context.getSession(), registry).refresh(context.getRealm(), user, cccd)
                : new CccdVerifier.Refresh(CccdVerificationResult.tooManyAttempts(WINDOW_MINUTES), Optional.empty());
        CccdVerificationResult result = refresh.result();
        var event = context.getEvent().clone().user(user);
        if (result.verified()) {
            List<IdentityField> changed = refresh.taken().map(RegistryTake::changed).orElse(List.of());
            // which fields changed, never their values
            event.event(EventType.UPDATE_PROFILE).detail("cccd_verified", "true")
                    .detail("identity_fields_updated", changed.stream().map(Enum::name).collect(Collectors.joining(",")))
                    .success();
            String message = refresh.taken().isEmpty() ? "vneidIdentityUpdated"
                    : changed.isEmpty() ? "vneidIdentityUnchanged" : "vneidIdentityUpdatedFields";
            context.challenge(page(context, message, new Object[0], true, "", changed));
            return;
        }
        event.event(EventType.UPDATE_PROFILE_ERROR);
        if (result.eventDetail() != null) {
            event.detail("reason", result.eventDetail());
        }
        event.error(result.eventError());
        context.challenge(page(context, result.messageKey(), result.messageArguments().toArray(), false, cccd,
                List.of()));
    }

    /**
     * "Sửa": what the citizen posted, over the account's current values, through Keycloak's user profile in its
     * update-profile context, so that the realm's user profile decides what may change (the e-mail and the phone; a
     * verified field — name, CCCD, birth date, gender, places, the verification marks — is read-only for the citizen
     * and is not written whatever the form says) and validates it (the phone's pattern, the e-mail's).
     */
    private void save(RequiredActionContext context, MultivaluedMap<String, String> posted) {
        UserModel user = context.getUser();
        UserProfileProvider profiles = context.getSession().getProvider(UserProfileProvider.class);
        MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
        profiles.create(UserProfileContext.UPDATE_PROFILE, user).getAttributes().getReadable()
                .forEach((name, current) -> values.put(name, new ArrayList<>(current)));
        posted.forEach((name, typed) -> {
            if (!"action".equals(name)) {
                values.put(name, typed.stream().map(value -> value == null ? "" : value.strip()).toList());
            }
        });
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_PROFILE).user(user)
                .detail(Details.CONTEXT, UserProfileContext.UPDATE_PROFILE.name());
        try {
            UserProfile profile = profiles.create(UserProfileContext.UPDATE_PROFILE, values, user);
            profile.update(false, new EventAuditingAttributeChangeListener(profile, event));
            event.success();
            context.challenge(page(context, "vneidIdentityEdited", new Object[0], true, "", List.of()));
        } catch (ValidationException invalid) {
            event.error("vneid_identity_edit_invalid");
            context.challenge(editPage(context, posted, Validation.getFormErrorsFromValidation(invalid.getErrors())));
        }
    }

    /** The page with its "Sửa" form: the e-mail and the phone, as posted (or as the account has them). */
    private jakarta.ws.rs.core.Response editPage(RequiredActionContext context, MultivaluedMap<String, String> posted,
                                                 List<FormMessage> errors) {
        UserModel user = context.getUser();
        LoginFormsProvider form = context.form()
                .setAttribute("vneidIdentityRows", rows(user))
                .setAttribute("vneidIdentityChanged", List.of())
                .setAttribute("vneidLinkedAccounts", LinkedAccounts.of(context.getSession(), context.getRealm(), user))
                .setAttribute("vneidHasVerifiedCccd", "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED)))
                .setAttribute("vneidCccd", "")
                .setAttribute("vneidIdentityEditing", true)
                .setAttribute("vneidEditEmail", Optional.ofNullable(posted.getFirst(UserModel.EMAIL))
                        .orElse(Optional.ofNullable(user.getEmail()).orElse("")))
                .setAttribute("vneidEditPhone", Optional.ofNullable(posted.getFirst(UserAttributes.PHONE_NUMBER))
                        .orElse(Optional.ofNullable(user.getFirstAttribute(UserAttributes.PHONE_NUMBER)).orElse("")));
        if (!errors.isEmpty()) {
            form.setErrors(errors);
        }
        return form.createForm(TEMPLATE);
    }

    private jakarta.ws.rs.core.Response page(RequiredActionContext context, String message, Object[] args,
                                             boolean success, String typed, List<IdentityField> changed) {
        UserModel user = context.getUser();
        LoginFormsProvider form = context.form()
                .setAttribute("vneidIdentityRows", rows(user))
                .setAttribute("vneidIdentityChanged", changed.stream().map(IdentityInfoAction::label).toList())
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

    /**
     * The ten rows of the seed's identity screen, in its order: label key, value, verified (✓ when the population
     * database or VNeID gave or confirmed it; the phone only while it is the number VNeID vouched for; the e-mail
     * never).
     */
    static List<Map<String, Object>> rows(UserModel user) {
        Set<String> verified = Set.copyOf(user.getAttributeStream(CccdVerifier.VERIFIED_FIELDS).toList());
        boolean cccdVerified = "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
        String phone = user.getFirstAttribute(UserAttributes.PHONE_NUMBER);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(label(IdentityField.FULL_NAME), fullName(user),
                verified.contains(IdentityField.FULL_NAME.mark())));
        rows.add(row(label(IdentityField.CMND), user.getFirstAttribute(UserAttributes.CMND),
                verified.contains(IdentityField.CMND.mark())));
        rows.add(row("vneidIdentityCccd", user.getFirstAttribute(UserAttributes.CCCD), cccdVerified));
        rows.add(row(label(IdentityField.BIRTH_DATE), displayDate(user.getFirstAttribute(UserAttributes.BIRTHDATE)),
                verified.contains(IdentityField.BIRTH_DATE.mark())));
        rows.add(row("vneidIdentityPhone", phone,
                phone != null && phone.equals(user.getFirstAttribute(UserAttributes.PHONE_NUMBER_VNEID))));
        rows.add(row(label(IdentityField.GENDER), gender(user.getFirstAttribute(UserAttributes.GENDER)),
                verified.contains(IdentityField.GENDER.mark())));
        rows.add(placeRow(user, verified, IdentityField.PLACE_OF_BIRTH));
        rows.add(row("vneidIdentityEmail", user.getEmail(), false));
        rows.add(placeRow(user, verified, IdentityField.HOME_TOWN));
        rows.add(placeRow(user, verified, IdentityField.PERMANENT_ADDRESS));
        return rows;
    }

    private static Map<String, Object> placeRow(UserModel user, Set<String> verified, IdentityField field) {
        return row(label(field), user.getFirstAttribute(field.attribute()), verified.contains(field.mark()));
    }

    /** The message key of a field's label on the page. */
    static String label(IdentityField field) {
        return switch (field) {
            case FULL_NAME -> "vneidIdentityFullName";
            case BIRTH_DATE -> "vneidIdentityBirthdate";
            case GENDER -> "vneidIdentityGender";
            case CMND -> "vneidIdentityCmnd";
            case PLACE_OF_BIRTH -> "vneidIdentityPlaceOfBirth";
            case HOME_TOWN -> "vneidIdentityHomeTown";
            case PERMANENT_ADDRESS -> "vneidIdentityPermanentAddress";
        };
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

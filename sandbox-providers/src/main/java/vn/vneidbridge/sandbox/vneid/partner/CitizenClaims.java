package vn.vneidbridge.sandbox.vneid.partner;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partner API's userinfo ({@code citizenPid}, {@code fullName}, {@code birthDate} dd/MM/yyyy, {@code gender} in
 * Vietnamese words, {@code phoneNumber}, {@code accountType}, {@code accountLevel}) from the claims the stand-in's own
 * OpenID Connect face issued for the same login — so the level is that login's {@code acr}, and the account type its
 * {@code LoaiTaiKhoan} (the user attribute {@code account_type_code}: 2 business, 3 organisation), {@code "1"} (citizen)
 * when there is none. An organisation's {@code citizenPid} is its username, the tax code; it has no date of birth or
 * gender, so none is sent.
 */
final class CitizenClaims {

    /** The ID token claim the stand-in's client {@code dvc-broker} maps from the user attribute account_type_code. */
    static final String ACCOUNT_TYPE_CLAIM = "LoaiTaiKhoan";
    /** The citizens' account type, sent when the login has no {@value #ACCOUNT_TYPE_CLAIM}. */
    static final String CITIZEN_ACCOUNT_TYPE = "1";

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CitizenClaims() {
    }

    static Map<String, String> fromOidc(Map<String, Object> idToken) {
        Map<String, String> userinfo = new LinkedHashMap<>();
        String pid = text(idToken.get("SoDinhDanh"));
        userinfo.put("citizenPid", pid != null ? pid : text(idToken.get("preferred_username")));
        userinfo.put("fullName", text(idToken.get("name")));
        userinfo.put("birthDate", vietnameseDate(text(idToken.get("birthdate"))));
        userinfo.put("gender", vietnameseGender(text(idToken.get("gender"))));
        userinfo.put("phoneNumber", text(idToken.get("phone_number")));
        String accountType = text(idToken.get(ACCOUNT_TYPE_CLAIM));
        userinfo.put("accountType", accountType == null || accountType.isBlank() ? CITIZEN_ACCOUNT_TYPE
                : accountType.strip());
        userinfo.put("accountLevel", text(idToken.get("acr")));
        userinfo.values().removeIf(java.util.Objects::isNull);
        return userinfo;
    }

    /** ISO {@code yyyy-MM-dd} (OpenID Connect's birthdate) as dd/MM/yyyy; anything else is left out. */
    static String vietnameseDate(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso).format(VIETNAMESE_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String vietnameseGender(String oidc) {
        if ("male".equals(oidc)) {
            return "Nam";
        }
        if ("female".equals(oidc)) {
            return "Nữ";
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

package vn.vneidbridge.sandbox.vneid.partner;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partner API's userinfo ({@code citizenPid}, {@code fullName}, {@code birthDate} dd/MM/yyyy, {@code gender} in
 * Vietnamese words, {@code phoneNumber}, {@code accountType} "1" citizen, {@code accountLevel}) from the claims the
 * stand-in's own OpenID Connect face issued for the same login — so the level is that login's {@code acr}.
 */
final class CitizenClaims {

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
        userinfo.put("accountType", "1");
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

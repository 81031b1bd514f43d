package vn.vneidbridge.legacy.identity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * "Danh sách tài khoản liên kết" of the identity page: each identity-provider link of the account, a VNeID one
 * as the seeds show it ("Tài khoản liên kết: 052089999999", "Tài khoản định danh điện tử cấp bởi Bộ Công an",
 * "Ngày liên kết: 01/01/2024", the date in Vietnam's time zone) and the button "Hủy liên kết" ({@link VneidUnlink}).
 */
final class LinkedAccounts {

    static final String VNEID_PROVIDER = VneidProvider.PROVIDER_ID;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private LinkedAccounts() {
    }

    static List<Map<String, Object>> of(KeycloakSession session, RealmModel realm, UserModel user) {
        return session.users().getFederatedIdentitiesStream(realm, user).map(link -> {
            IdentityProviderModel idp = session.identityProviders().getByAlias(link.getIdentityProvider());
            boolean vneid = idp != null && VNEID_PROVIDER.equals(idp.getProviderId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("alias", link.getIdentityProvider());
            row.put("id", link.getUserName() == null ? "" : link.getUserName());
            row.put("provider", vneid ? "${vneidIdentityLinkedVneid}"
                    : idp == null || idp.getDisplayName() == null ? link.getIdentityProvider() : idp.getDisplayName());
            row.put("linkedAt", vneid ? displayDate(user.getFirstAttribute(UserAttributes.VNEID_LINKED_AT)) : "");
            row.put("unlinkable", vneid);
            return row;
        }).toList();
    }

    static String displayDate(String instant) {
        if (instant == null || instant.isBlank()) {
            return "";
        }
        try {
            return DISPLAY_DATE.format(Instant.parse(instant).atZone(VIETNAM));
        } catch (DateTimeException e) {
            return "";
        }
    }
}

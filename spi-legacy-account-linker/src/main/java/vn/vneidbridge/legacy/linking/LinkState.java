package vn.vneidbridge.legacy.linking;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * Where an account stands on the way to VNeID: administrator, verified, already linked. A citizen's account is
 * verified by its CCCD; an organisation's by a tax code the business registry matched with its name (or VNeID
 * verified), never by a CCCD it holds (its legal representative's): a personal VNeID login does not link to it
 * ({@code VneidLinkGuard}), the organisation's own VNeID account does, from this account's own session.
 */
public record LinkState(boolean administrator, boolean verified, boolean linked) {

    public static LinkState of(KeycloakSession session, RealmModel realm, UserModel user, String idpAlias) {
        boolean administrator = PortalAdministrators.isAdministrator(realm, user);
        boolean organisation = AccountKind.ofUser(user::getFirstAttribute) == AccountKind.ORGANISATION;
        boolean verified = organisation
                ? user.getFirstAttribute(UserAttributes.TAX_CODE) != null
                        && ("true".equals(user.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED))
                        || user.getFirstAttribute(UserAttributes.TAX_CODE_REGISTRY_MATCHED_AT) != null)
                : user.getFirstAttribute(UserAttributes.CCCD) != null
                        && "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
        boolean linked = session.users().getFederatedIdentity(realm, user, idpAlias) != null;
        return new LinkState(administrator, verified, linked);
    }
}

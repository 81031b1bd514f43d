package vn.vneidbridge.legacy.broker;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Identity provider mapper {@value #PROVIDER_ID}, for a provider whose id number is its own word (Vietnam Post's
 * account): such an identity reaches an account only through its own first login, where the account's password is
 * asked ({@link ClaimedIdFirstLoginDecision}). Keycloak has two other ways that skip that flow, both refused before
 * anything is linked (Keycloak calls a mapper's pre-processing before it links):
 * <ul>
 *   <li>account linking from a session ({@code kc_action=idp_link:vnpost}, or the legacy {@code /broker/vnpost/link}):
 *       Keycloak links the identity to whoever is logged in, with no first-broker and no post-broker flow;</li>
 *   <li>a login through this provider while another first login is paused in the same tab (its {@code session_code}
 *       reused at {@code /broker/vnpost/login}): Keycloak would log in this identity's user and then link the paused
 *       identity (a VNeID one) to that user, without the paused provider's rules.</li>
 * </ul>
 */
public final class ClaimedIdLinkGuardMapper extends AbstractIdentityProviderMapper {

    public static final String PROVIDER_ID = "vneid-claimed-id-link-guard";
    /** The error page's message: start the login again from the portal. */
    static final String MESSAGE = "dvcClaimedIdNoLinking";
    private static final Logger LOG = Logger.getLogger(ClaimedIdLinkGuardMapper.class);

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm,
                                            IdentityProviderMapperModel mapperModel, BrokeredIdentityContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession == null) {
            return;
        }
        boolean linking = authSession.getAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER) != null;
        boolean otherFirstLogin = authSession.getAuthNote(AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE) != null;
        if (linking || otherFirstLogin) {
            LOG.debugf("Login through %s refused in realm %s: %s", mapperModel.getIdentityProviderAlias(),
                    realm.getName(), linking ? "account linking from a session" : "another first login in progress");
            throw new IdentityBrokerException(linking ? "account linking refused" : "nested first login refused")
                    .withMessageCode(MESSAGE);
        }
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {ANY_PROVIDER};
    }

    @Override
    public String getDisplayCategory() {
        return "Preprocessor";
    }

    @Override
    public String getDisplayType() {
        return "VNeID Bridge: no account linking for a claimed id number";
    }

    @Override
    public String getHelpText() {
        return "For a provider whose id number is its own word (Vietnam Post's account): refuses Keycloak's account "
                + "linking from a session (kc_action=idp_link) and a login through it while another first login is "
                + "paused, so its identities reach an account only through its first-broker flow.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

package vn.vneidbridge.vneid;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.Urls;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.vneid.partner.PartnerAnswers;
import vn.vneidbridge.vneid.partner.PartnerAnswers.Outcome;
import vn.vneidbridge.vneid.partner.PartnerCallbackQuery;
import vn.vneidbridge.vneid.partner.PartnerCipher;
import vn.vneidbridge.vneid.partner.PartnerHttpResult;
import vn.vneidbridge.vneid.partner.PartnerRefusal;

/**
 * The authorization response of VNeID's partner API, after Keycloak checked the {@code state} against this browser's
 * authentication session: the code (decrypted), the token request, the userinfo request, then the same identity
 * steps as OIDC ({@link VneidIdentityProvider#partnerIdentity}). Each stop is a {@link PartnerRefusal}: an event
 * {@code IDENTITY_PROVIDER_LOGIN_ERROR} with the reason, and a localized error page. Keycloak's HTTP client
 * ({@code SimpleHttp}, the {@code connections-http-client} SPI) applies its timeouts: socket 5 s by default
 * ({@code --spi-connections-http-client--default--socket-timeout-millis}), connect and pool per its options.
 */
final class PartnerApiCallback {

    private static final Logger LOG = Logger.getLogger(PartnerApiCallback.class);
    /** The client note where Keycloak keeps the broker's PKCE code verifier (private in AbstractOAuth2IdentityProvider). */
    private static final String BROKER_CODE_VERIFIER_NOTE = "BROKER_CODE_CHALLENGE";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EventBuilder event;
    private final VneidIdentityProvider provider;
    private final AuthenticationCallback callback;

    PartnerApiCallback(KeycloakSession session, RealmModel realm, EventBuilder event, VneidIdentityProvider provider,
                       AuthenticationCallback callback) {
        this.session = session;
        this.realm = realm;
        this.event = event;
        this.provider = provider;
        this.callback = callback;
    }

    Response respond(String state) {
        AuthenticationSessionModel authSession;
        try {
            // Keycloak's state check first: nothing is decrypted for a request not bound to this browser's login
            authSession = callback.getAndVerifyAuthenticationSession(state);
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
        session.getContext().setAuthenticationSession(authSession);
        VneidIdentityProviderConfig config = provider.getConfig();
        try {
            String rawQuery = session.getContext().getUri().getRequestUri().getRawQuery();
            PartnerCipher cipher = PartnerRealmKeys.cipher(session, realm, config.getPartnerAesMode());
            Outcome<String> code = PartnerAnswers.code(
                    PartnerCallbackQuery.parameter(rawQuery, PartnerCallbackQuery.CODE).orElse(null),
                    PartnerCallbackQuery.parameter(rawQuery, PartnerCallbackQuery.ENCRYPT_KEY).orElse(null), cipher);
            if (code instanceof Outcome.Refused<String> refused) {
                return refuse(refused.refusal(), refused.detail());
            }
            Outcome<String> accessToken = PartnerAnswers.accessToken(
                    token(config, ((Outcome.Ok<String>) code).value(), authSession), cipher);
            if (accessToken instanceof Outcome.Refused<String> refused) {
                return refuse(refused.refusal(), refused.detail());
            }
            Outcome<JsonNode> claims = PartnerAnswers.userInfo(
                    userInfo(config, ((Outcome.Ok<String>) accessToken).value()), cipher);
            if (claims instanceof Outcome.Refused<JsonNode> refused) {
                return refuse(refused.refusal(), refused.detail());
            }
            BrokeredIdentityContext identity = provider.partnerIdentity(((Outcome.Ok<JsonNode>) claims).value());
            identity.setIdp(provider);
            identity.setAuthenticationSession(authSession);
            return callback.authenticated(identity);
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (IdentityBrokerException e) {
            // a VNeID check V1-V4 or O0-O3 (reason already in the event) or a refused link
            return errorPage(e.getMessageCode() != null ? e.getMessageCode() : PartnerRefusal.ANSWER_UNREADABLE.messageKey());
        } catch (RuntimeException e) {
            // as Keycloak's own callback does; the exception's class only, its message may quote an answer
            LOG.errorf("VNeID partner-API login of identity provider %s failed: %s", config.getAlias(),
                    e.getClass().getName());
            LOG.debug("VNeID partner-API login failure", e);
            return errorPage(Messages.IDENTITY_PROVIDER_UNEXPECTED_ERROR);
        }
    }

    private PartnerHttpResult token(VneidIdentityProviderConfig config, String code,
                                    AuthenticationSessionModel authSession) {
        SimpleHttpRequest request = http().doPost(config.getTokenUrl())
                .param(OAuth2Constants.GRANT_TYPE, OAuth2Constants.AUTHORIZATION_CODE)
                .param(OAuth2Constants.CODE, code)
                .param(OAuth2Constants.REDIRECT_URI, Urls.identityProviderAuthnResponse(
                        session.getContext().getUri().getBaseUri(), config.getAlias(), realm.getName()).toString());
        String verifier = authSession.getClientNote(BROKER_CODE_VERIFIER_NOTE);
        if (config.isPkceEnabled() && verifier != null) {
            request.param(OAuth2Constants.CODE_VERIFIER, verifier);
        }
        // client_id and client_secret as the admin chose: client_secret_post (form, the default) or basic
        return call(provider.authenticateTokenRequest(request));
    }

    private PartnerHttpResult userInfo(VneidIdentityProviderConfig config, String accessToken) {
        return call(http().doGet(config.getUserInfoUrl()).auth(accessToken));
    }

    private SimpleHttp http() {
        return SimpleHttp.create(session).withMaxConsumedResponseSize(PartnerHttpResult.MAX_BODY_BYTES);
    }

    private static PartnerHttpResult call(SimpleHttpRequest request) {
        try (SimpleHttpResponse response = request.asResponse()) {
            int status = response.getStatus();
            return new PartnerHttpResult.Answer(status, response.asString());
        } catch (IOException e) {
            return new PartnerHttpResult.Failed(PartnerHttpResult.of(e));
        }
    }

    /** The event with the step's reason (no personal data, no cryptographic layer), then the localized page. */
    private Response refuse(PartnerRefusal refusal, String detail) {
        String alias = provider.getConfig().getAlias();
        VneidMetrics.refused(refusal);
        if (refusal == PartnerRefusal.NOT_CONFIGURED) {
            LOG.warnf("VNeID partner API of identity provider %s: realm %s has no enabled RSA encryption key of "
                    + "algorithm RSA1_5 (Realm settings, Keys)", alias, realm.getName());
        } else {
            LOG.debugf("VNeID partner-API login refused by identity provider %s: %s (%s)", alias,
                    refusal.eventReason(), detail);
        }
        event.detail(Details.REASON, refusal.eventReason()).detail(Details.IDENTITY_PROVIDER, alias);
        return errorPage(refusal.messageKey());
    }

    private Response errorPage(String messageKey) {
        event.event(EventType.IDENTITY_PROVIDER_LOGIN);
        event.error(Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
        return ErrorPage.error(session, null, Response.Status.BAD_GATEWAY, messageKey);
    }
}

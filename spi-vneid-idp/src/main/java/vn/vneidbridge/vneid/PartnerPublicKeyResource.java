package vn.vneidbridge.vneid;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jwk.JWKBuilder;
import org.keycloak.models.KeycloakSession;

/**
 * The realm's active RSA1_5 encryption key's public half, as VNeID asks for it at registration:
 * {@code public-key.pem} (SubjectPublicKeyInfo PEM) and {@code public-key.jwk}. 404 with a readable text when the
 * realm has none. Never anything private.
 */
public final class PartnerPublicKeyResource {

    static final String NO_KEY = "This realm has no active RSA encryption key of algorithm RSA1_5. Add one in "
            + "Realm settings > Keys > Add provider: rsa-enc-generated (algorithm RSA1_5) or rsa-enc (import a PEM).\n";

    private final KeycloakSession session;

    PartnerPublicKeyResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("public-key.pem")
    @Produces(MediaType.TEXT_PLAIN)
    public Response pem() {
        Optional<KeyWrapper> key = PartnerRealmKeys.active(session, session.getContext().getRealm());
        if (key.isEmpty()) {
            return notFound();
        }
        return Response.ok(pem((PublicKey) key.get().getPublicKey()), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("public-key.jwk")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwk() {
        Optional<KeyWrapper> key = PartnerRealmKeys.active(session, session.getContext().getRealm());
        if (key.isEmpty()) {
            return notFound();
        }
        JWK jwk = JWKBuilder.create().kid(key.get().getKid()).algorithm(Algorithm.RSA1_5)
                .rsa(key.get().getPublicKey(), KeyUse.ENC);
        return Response.ok(jwk, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-cache").build();
    }

    /** {@code -----BEGIN PUBLIC KEY-----}, the X.509 SubjectPublicKeyInfo in base64 lines of 64 characters. */
    static String pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .entity(NO_KEY).build();
    }
}

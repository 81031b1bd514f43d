package vn.vneidbridge.vneid;

/**
 * The endpoints of a VNeID issuer. VNeID SSO is a Keycloak realm, so every endpoint is the issuer followed
 * by Keycloak's standard {@code /protocol/openid-connect/...} path.
 *
 * @param issuer        the {@code iss} of its tokens, no trailing slash
 * @param authorization the authorization endpoint
 * @param token         the token endpoint
 * @param userInfo      the userinfo endpoint
 * @param jwks          the JSON Web Key Set of its signing keys
 * @param logout        the end-session endpoint (RP-initiated logout)
 */
public record VneidEndpoints(String issuer, String authorization, String token, String userInfo, String jwks,
                             String logout) {

    private static final String OIDC = "/protocol/openid-connect";

    /** The standard Keycloak endpoints of {@code issuer}; a trailing slash of the issuer is ignored. */
    public static VneidEndpoints forIssuer(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new VneidEndpoints(base, base + OIDC + "/auth", base + OIDC + "/token",
                base + OIDC + "/userinfo", base + OIDC + "/certs", base + OIDC + "/logout");
    }

    /**
     * The partner-API face of a sandbox issuer: {@code {issuer}/partner-api/authorize|token|userinfo}; no JWKS and no
     * logout (the partner API issues no ID token).
     */
    public static VneidEndpoints partnerApi(String issuer) {
        String base = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/partner-api";
        return new VneidEndpoints(issuer, base + "/authorize", base + "/token", base + "/userinfo", null, null);
    }
}

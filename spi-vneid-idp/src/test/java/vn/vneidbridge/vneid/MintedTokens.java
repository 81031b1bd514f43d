package vn.vneidbridge.vneid;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** A stand-in VNeID signing key: mints RS256 ID tokens with nimbus-jose-jwt, the way an OpenID provider does. */
final class MintedTokens {

    static final String ISSUER = "http://localhost:8080/realms/vneid-sandbox";
    static final String CLIENT_ID = "dvc-broker";
    static final String SUBJECT = "7d1c1a52-0000-4000-8000-000000000001";
    static final String ORGANISATION_SUBJECT = "7d1c1a52-0000-4000-8000-000000000009";

    final KeyPair keyPair;
    final String kid;

    private MintedTokens(KeyPair keyPair, String kid) {
        this.keyPair = keyPair;
        this.kid = kid;
    }

    static MintedTokens withNewKey(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new MintedTokens(generator.generateKeyPair(), kid);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of Tô Thị Nga's ID token: issued now, valid 5 minutes, for {@link #CLIENT_ID}. */
    static JWTClaimsSet.Builder nga() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject(SUBJECT)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("azp", CLIENT_ID)
                .claim("typ", "ID")
                .claim("nonce", "n-0S6_WzA2Mj")
                .claim("sid", "session-1")
                .claim("acr", "2")
                .claim("preferred_username", "052189000123")
                .claim("name", "Tô Thị Nga")
                .claim("birthdate", "1989-03-15")
                .claim("gender", "female")
                .claim("phone_number", "0912345678");
    }

    /**
     * The claims of Công ty TNHH ABC's ID token (an organisation's VNeID account, as the stand-in issues it): the tax
     * code as username, the organisation's name, its representative's phone, {@code LoaiTaiKhoan} 2 (business).
     */
    static JWTClaimsSet.Builder congTyAbc() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject(ORGANISATION_SUBJECT)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("azp", CLIENT_ID)
                .claim("typ", "ID")
                .claim("nonce", "n-0S6_WzA2Mj")
                .claim("sid", "session-2")
                .claim("acr", "2")
                .claim("preferred_username", "0312345673")
                .claim("name", "Công ty TNHH ABC")
                .claim("given_name", "Công ty TNHH ABC")
                .claim("phone_number", "0986050588")
                .claim("LoaiTaiKhoan", "2");
    }

    String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, Map.of());
    }

    String sign(JWTClaimsSet.Builder claims, Map<String, Object> extra) {
        extra.forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims.build());
            jwt.sign(new RSASSASigner(keyPair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

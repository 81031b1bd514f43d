package vn.vneidbridge.sandbox.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import vn.vneidbridge.sandbox.portal.LogoutTokenCheck.Refusal;
import vn.vneidbridge.sandbox.portal.LogoutTokenCheck.Refused;
import vn.vneidbridge.sandbox.portal.LogoutTokenCheck.Verdict;

/**
 * A relying party's check of a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6):
 * signed (never {@code alg: none}, only the asymmetric algorithms, by a key of the provider's JWKS whose type and
 * declared {@code alg} fit the header's; an unknown {@code kid} refreshes the cached JWKS, at most every 30 s),
 * typed {@code logout+jwt} or {@code JWT} or not typed, then {@link LogoutTokenCheck}'s claims, then
 * {@link SeenLogoutTokens}' replay check.
 */
final class LogoutTokenVerifier {

    /** What a provider signs ID and logout tokens with; never {@code none} and never a shared secret. */
    static final Set<JWSAlgorithm> ALGORITHMS = signatureAlgorithms();

    private final DefaultJWTProcessor<SecurityContext> signatures = new DefaultJWTProcessor<>();
    private final String issuer;
    private final Set<String> clients;
    private final SeenLogoutTokens seen;
    private final Clock clock;

    LogoutTokenVerifier(JWKSource<SecurityContext> keys, String issuer, Set<String> clients, SeenLogoutTokens seen,
                        Clock clock) {
        this.issuer = issuer;
        this.clients = Set.copyOf(clients);
        this.seen = seen;
        this.clock = clock;
        signatures.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt"),
                JOSEObjectType.JWT, null));
        signatures.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // the claims are LogoutTokenCheck's (the processor's default would check exp only)
        signatures.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    Verdict verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = signatures.process(token, null);
        } catch (ParseException e) {
            return new Refused(Refusal.UNREADABLE);
        } catch (BadJOSEException | JOSEException e) {
            return new Refused(Refusal.BAD_SIGNATURE);
        }
        Verdict verdict = LogoutTokenCheck.check(claims, issuer, clients, clock.instant());
        if (verdict instanceof LogoutTokenCheck.Accepted accepted
                && !seen.firstUse(accepted.jti(), accepted.rememberUntil(), clock.instant())) {
            return new Refused(Refusal.REPLAYED);
        }
        return verdict;
    }

    private static Set<JWSAlgorithm> signatureAlgorithms() {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        algorithms.addAll(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        return Set.copyOf(algorithms);
    }
}

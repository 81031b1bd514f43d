package vn.vneidbridge.sandbox.portal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claim checks of a logout token whose signature is already verified (OpenID Connect Back-Channel Logout 1.0,
 * section 2.6, steps 3 to 5): a pure function of the claims, the expected issuer, the portal's clients and the
 * time. The replay check (step 6, {@code jti} not seen before) is {@link SeenLogoutTokens}'.
 */
final class LogoutTokenCheck {

    static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** How old a logout token may be: Keycloak sends it the moment the session ends. */
    static final Duration MAX_AGE = Duration.ofMinutes(2);
    /** Clock difference tolerated between Keycloak and the portal. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Why a logout token is refused. */
    enum Refusal {
        UNREADABLE, BAD_SIGNATURE, WRONG_ISSUER, WRONG_AUDIENCE, NO_ISSUED_AT, ISSUED_IN_THE_FUTURE, TOO_OLD, EXPIRED,
        NO_TOKEN_ID, NOT_A_LOGOUT_EVENT, NO_SUBJECT_OR_SESSION, NONCE_PRESENT, REPLAYED
    }

    /** What a logout token decides: end these clients' sessions, or nothing. */
    sealed interface Verdict permits Accepted, Refused {
    }

    /**
     * A valid logout token: end the sessions of {@code clients} (the portal's clients it is addressed to) with
     * {@code sid} and/or {@code sub}; {@code jti} and {@code rememberUntil} are for the replay check.
     */
    record Accepted(Set<String> clients, Optional<String> sid, Optional<String> sub, String jti,
                    Instant rememberUntil) implements Verdict {
    }

    record Refused(Refusal reason) implements Verdict {
    }

    private LogoutTokenCheck() {
    }

    static Verdict check(JWTClaimsSet claims, String issuer, Collection<String> clients, Instant now) {
        if (!issuer.equals(claims.getIssuer())) {
            return new Refused(Refusal.WRONG_ISSUER);
        }
        Set<String> addressed = new LinkedHashSet<>(Optional.ofNullable(claims.getAudience()).orElse(List.of()));
        addressed.retainAll(clients);
        if (addressed.isEmpty()) {
            return new Refused(Refusal.WRONG_AUDIENCE);
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt == null) {
            return new Refused(Refusal.NO_ISSUED_AT);
        }
        Instant iat = issuedAt.toInstant();
        if (iat.isAfter(now.plus(CLOCK_SKEW))) {
            return new Refused(Refusal.ISSUED_IN_THE_FUTURE);
        }
        if (iat.isBefore(now.minus(MAX_AGE).minus(CLOCK_SKEW))) {
            return new Refused(Refusal.TOO_OLD);
        }
        Date expires = claims.getExpirationTime();
        if (expires != null && !expires.toInstant().isAfter(now.minus(CLOCK_SKEW))) {
            return new Refused(Refusal.EXPIRED);
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            return new Refused(Refusal.NO_TOKEN_ID);
        }
        if (!isLogoutEvent(claims)) {
            return new Refused(Refusal.NOT_A_LOGOUT_EVENT);
        }
        Optional<String> sid = stringClaim(claims, "sid");
        Optional<String> sub = Optional.ofNullable(claims.getSubject()).filter(s -> !s.isBlank());
        if (sid.isEmpty() && sub.isEmpty()) {
            return new Refused(Refusal.NO_SUBJECT_OR_SESSION);
        }
        if (claims.getClaim("nonce") != null) {
            return new Refused(Refusal.NONCE_PRESENT);
        }
        return new Accepted(Set.copyOf(addressed), sid, sub, jti, iat.plus(MAX_AGE).plus(CLOCK_SKEW));
    }

    /** {@code events} is an object with the back-channel logout event's URI as a member whose value is an object. */
    private static boolean isLogoutEvent(JWTClaimsSet claims) {
        try {
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            return events != null && events.get(BACKCHANNEL_LOGOUT_EVENT) instanceof Map;
        } catch (ParseException e) {
            return false;
        }
    }

    private static Optional<String> stringClaim(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).filter(s -> !s.isBlank());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}

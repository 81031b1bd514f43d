package vn.vneidbridge.loginprotection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vneid_bridge_login_turns_total{outcome}} on Keycloak's {@code /metrics}: logins that took their turn at once
 * ({@code at_once}), after waiting for another login of the same user ({@code after_wait}), or were refused because
 * that other login held it too long or too many were waiting ({@code busy}). A rising {@code busy} means
 * {@code maxWaitMillis} or {@code maxWaiting} is too low for the accounts that several people use at once, or one
 * account is being hammered (its failures are in Keycloak's events).
 */
final class LoginTurnMetrics {

    static final String TURNS = "vneid.bridge.login.turns";

    private final Map<LoginTurns.Outcome, Counter> counters = new EnumMap<>(LoginTurns.Outcome.class);

    LoginTurnMetrics(MeterRegistry meters) {
        for (LoginTurns.Outcome outcome : LoginTurns.Outcome.values()) {
            counters.put(outcome, Counter.builder(TURNS)
                    .description("Logins by how they came by their turn among concurrent logins of the same user")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
    }

    void taken(LoginTurns.Outcome outcome) {
        counters.get(outcome).increment();
    }
}

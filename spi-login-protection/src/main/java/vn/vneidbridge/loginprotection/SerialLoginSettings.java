package vn.vneidbridge.loginprotection;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The two server options of {@value SerialLoginBruteForceProtectorFactory#PROVIDER_ID}, read once at start-up:
 * how long a login waits for the turn of another login of the same user, and how many may wait on a node at once.
 * A missing option takes its default; a value that is not a whole number in range stops the server with a message
 * naming the option, as a misconfiguration should.
 *
 * @param maxWait    {@code maxWaitMillis}: 0 refuses a second login at once, as Keycloak 26.7 does (the kill switch)
 * @param maxWaiting {@code maxWaiting}: logins waiting on a node at once; one more is refused at once
 */
record SerialLoginSettings(Duration maxWait, int maxWaiting) {

    static final String MAX_WAIT_MILLIS = "maxWaitMillis";
    static final String MAX_WAITING = "maxWaiting";
    static final int DEFAULT_MAX_WAIT_MILLIS = 5_000;
    static final int DEFAULT_MAX_WAITING = 10;
    static final int MAX_WAIT_MILLIS_LIMIT = 60_000;
    static final int MAX_WAITING_LIMIT = 1_000;

    static SerialLoginSettings defaults() {
        return new SerialLoginSettings(Duration.ofMillis(DEFAULT_MAX_WAIT_MILLIS), DEFAULT_MAX_WAITING);
    }

    /** @param option the server option of that name, or null when not set */
    static SerialLoginSettings read(UnaryOperator<String> option) {
        return new SerialLoginSettings(
                Duration.ofMillis(number(option, MAX_WAIT_MILLIS, DEFAULT_MAX_WAIT_MILLIS, MAX_WAIT_MILLIS_LIMIT)),
                number(option, MAX_WAITING, DEFAULT_MAX_WAITING, MAX_WAITING_LIMIT));
    }

    private static int number(UnaryOperator<String> option, String name, int defaultValue, int limit) {
        String text = option.apply(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0 && value <= limit) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException("spi-brute-force-protector--" + SerialLoginBruteForceProtectorFactory.PROVIDER_ID
                + "--" + kebab(name) + " must be a whole number from 0 to " + limit + ", was \"" + text.strip() + "\"");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}

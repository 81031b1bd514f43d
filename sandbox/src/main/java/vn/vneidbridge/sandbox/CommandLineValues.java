package vn.vneidbridge.sandbox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name=value} options of the sandbox's commands: each taken once, by name; what is left when the
 * command has taken its own is refused, like an argument that is no option.
 */
public final class CommandLineValues {

    private final Map<String, String> values = new HashMap<>();

    private CommandLineValues() {
    }

    /** Reads {@code --name=value} and {@code --flag} (= {@code true}); blank arguments are skipped. */
    public static CommandLineValues parse(String... args) {
        CommandLineValues parsed = new CommandLineValues();
        for (String arg : args) {
            if (arg == null || arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            parsed.values.put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        return parsed;
    }

    /** The option's value, or null when it was not given. */
    public String take(String name) {
        return values.remove(name);
    }

    /** A required path. */
    public Path path(String name) {
        String value = take(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return Path.of(value);
    }

    /** A TCP port, or the default when it was not given. */
    public int port(String name, int defaultPort) {
        String value = take(name);
        return value == null ? defaultPort : port(value);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("not a TCP port: " + value);
    }

    /** A TCP port, 0 for "off", or the default when it was not given. */
    public int portOrOff(String name, int defaultPort) {
        String value = take(name);
        if (value == null) {
            return defaultPort;
        }
        return "0".equals(value) ? 0 : port(value);
    }

    /** A flag: true when given without a value or with {@code true}. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(take(name));
    }

    /** Refuses every option no one took. */
    public void requireAllTaken() {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + values.keySet());
        }
    }
}

package vn.vneidbridge.sandbox.registry;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the population registry simulator alone until Ctrl-C:
 * {@code java -cp … vn.vneidbridge.sandbox.registry.PopulationRegistrySimulatorMain --port=8082 --synthetic=1000}.
 */
public final class PopulationRegistrySimulatorMain {

    static final String USAGE = """
            Options:
              --port=8082          the TCP port on the loopback interface (0: any free port)
              --synthetic=0        also serve the first N synthetic people of the benchmark generator
              --seed=42            the generator's seed
              --c06-user=USER      with --c06-secret: check the C06 Authorization signature
              --c06-secret=SECRET
              --lgsp-token=TOKEN   check the LGSP Bearer token
            """;

    private PopulationRegistrySimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream console = System.out;
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            console.println("population-registry-simulator: " + e.getMessage());
            console.println(USAGE);
            System.exit(2);
            return;
        }
        PopulationDatabase database = PopulationDatabase.sandbox();
        if (options.synthetic() > 0) {
            database = database.withSynthetic(options.synthetic(), options.seed());
        }
        PopulationRegistrySimulator simulator = PopulationRegistrySimulator.start(options.port(), database,
                options.c06(), options.lgspToken());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "stop-population-registry"));
        console.println("Population registry simulator: " + database.size() + " citizens. Ctrl-C stops it.");
        console.println("  C06 SOAP:   POST " + simulator.c06Endpoint()
                + (options.c06().isPresent() ? "  (signature checked)" : ""));
        console.println("  LGSP JSON:  POST " + simulator.lgspEndpoint()
                + (options.lgspToken().isPresent() ? "  (Bearer token checked)" : ""));
        console.println("  Switches:   POST " + simulator.baseUri() + ControlEndpoint.MODE
                + "  {\"delayMillis\":0,\"failWithStatus\":0,\"bareMatchFlag\":false}");
        console.println("              GET  " + simulator.baseUri() + ControlEndpoint.STATS
                + ",  POST " + simulator.baseUri() + ControlEndpoint.RESET);
        stopped.await();
    }

    /** The command's options ({@code --name=value}); unknown or malformed options are refused. */
    record Options(int port, int synthetic, long seed, Optional<C06Credentials> c06, Optional<String> lgspToken) {

        static Options parse(String... args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (arg == null || arg.isBlank()) {
                    continue;
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
                String[] kv = arg.substring(2).split("=", 2);
                values.put(kv[0], kv.length == 2 ? kv[1] : "");
            }
            int port = (int) number(values.remove("port"), 8082, 0, 65535, "port");
            int synthetic = (int) number(values.remove("synthetic"), 0, 0, 9_999_999, "synthetic");
            long seed = number(values.remove("seed"), 42, Long.MIN_VALUE, Long.MAX_VALUE, "seed");
            Optional<String> user = present(values.remove("c06-user"));
            Optional<String> secret = present(values.remove("c06-secret"));
            Optional<String> token = present(values.remove("lgsp-token"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s): " + values.keySet());
            }
            if (user.isPresent() != secret.isPresent()) {
                throw new IllegalArgumentException("--c06-user and --c06-secret go together");
            }
            Optional<C06Credentials> c06 = user.map(u -> new C06Credentials(u, secret.get()));
            return new Options(port, synthetic, seed, c06, token);
        }

        private static Optional<String> present(String value) {
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }

        private static long number(String value, long defaultValue, long min, long max, String name) {
            if (value == null) {
                return defaultValue;
            }
            try {
                long number = Long.parseLong(value.strip());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("--" + name + " must be a number in " + min + ".." + max);
        }
    }
}

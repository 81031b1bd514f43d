package vn.vneidbridge.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The runner's command line. Defaults are the full mode (under 20 minutes on 2 cores); {@code --quick} shortens
 * every window and uses a smaller "large" legacy database (under 5 minutes).
 */
record BenchmarkOptions(Path keycloakZip, Path providersBundle, Path sandboxBundle, Path workDir,
                        boolean quick, int concurrency, Duration warmUp, Duration measure,
                        int smallAccounts, int largeAccounts) {

    static final String USAGE = "usage: BenchmarkMain --keycloak-zip=ZIP --providers-bundle=ZIP --sandbox-bundle=ZIP"
            + " --work-dir=DIR [--quick] [--concurrency=8] [--warm-up=15] [--measure=40] [--large-accounts=1000000]";

    static BenchmarkOptions parse(String[] args) {
        Path zip = null;
        Path bundle = null;
        Path sandbox = null;
        Path work = null;
        boolean quick = false;
        Integer concurrency = null;
        Integer warmUp = null;
        Integer measure = null;
        Integer large = null;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            switch (name) {
                case "--keycloak-zip" -> zip = Path.of(required(name, value));
                case "--providers-bundle" -> bundle = Path.of(required(name, value));
                case "--sandbox-bundle" -> sandbox = Path.of(required(name, value));
                case "--work-dir" -> work = Path.of(required(name, value));
                case "--quick" -> quick = true;
                case "--concurrency" -> concurrency = number(name, value, 1, 256);
                case "--warm-up" -> warmUp = number(name, value, 0, 3600);
                case "--measure" -> measure = number(name, value, 1, 3600);
                case "--large-accounts" -> large = number(name, value, 10_000, 1_000_000);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (zip == null || bundle == null || sandbox == null || work == null) {
            throw new IllegalArgumentException("--keycloak-zip, --providers-bundle, --sandbox-bundle and"
                    + " --work-dir are required (benchmarks/run.sh sets them)");
        }
        return new BenchmarkOptions(zip, bundle, sandbox, work, quick,
                concurrency != null ? concurrency : 8,
                Duration.ofSeconds(warmUp != null ? warmUp : quick ? 4 : 12),
                Duration.ofSeconds(measure != null ? measure : quick ? 8 : 35),
                10_000,
                large != null ? large : quick ? 100_000 : 1_000_000);
    }

    String mode() {
        return quick ? "quick" : "full";
    }

    Path serversDir() {
        return workDir.resolve("benchmark-servers");
    }

    Path dataDir() {
        return workDir.resolve("benchmark-data");
    }

    Path reportDir() {
        return workDir.resolve("benchmark-report");
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(required(name, value).strip());
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }
}

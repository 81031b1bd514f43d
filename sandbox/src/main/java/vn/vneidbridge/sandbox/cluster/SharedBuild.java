package vn.vneidbridge.sandbox.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Gives the second node the first node's Keycloak build ({@code kc.sh build}'s output, the providers and the
 * launcher's build fingerprint), so both run {@code start --optimized} from the same build and the second start
 * skips the build. The first node's data folder stays its own.
 */
final class SharedBuild {

    private static final String FINGERPRINT = ".vneid-bridge-build";

    private SharedBuild() {
    }

    /** Copies {@code from}'s Keycloak home into {@code to}'s unless {@code to} already holds the same build. */
    static void copy(Path fromInstance, Path toInstance) throws IOException {
        Path from = fromInstance.resolve("keycloak");
        Path to = toInstance.resolve("keycloak");
        Path fingerprint = from.resolve(FINGERPRINT);
        if (Files.isRegularFile(to.resolve(FINGERPRINT))
                && Files.readString(to.resolve(FINGERPRINT)).equals(Files.readString(fingerprint))) {
            return;
        }
        delete(to);
        Path data = from.resolve("data");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                if (source.startsWith(data)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}

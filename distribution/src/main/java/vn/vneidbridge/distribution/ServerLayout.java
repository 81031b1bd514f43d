package vn.vneidbridge.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lays out one server's home directory: the unpacked distribution, its {@code providers/}, its
 * {@code conf/keycloak.conf} and the realms to import. Knows, from a fingerprint of the build inputs,
 * whether {@code kc.sh build} has to run again.
 */
final class ServerLayout {

    private static final String FINGERPRINT_FILE = ".vneid-bridge-build";
    private static final String UNPACKED_MARKER = ".vneid-bridge-unpacked";

    private final KeycloakServerConfig config;
    private final Path home;

    ServerLayout(KeycloakServerConfig config) {
        this.config = config;
        this.home = config.instanceDir().resolve("keycloak");
    }

    Path home() {
        return home;
    }

    Path kcScript() {
        return home.resolve("bin").resolve("kc.sh");
    }

    /** Unpacks the distribution unless this exact zip is already unpacked here. */
    void unpackDistribution() throws IOException {
        String marker = config.distributionZip().getFileName() + ":" + Files.size(config.distributionZip());
        Path markerFile = home.resolve(UNPACKED_MARKER);
        if (Files.isRegularFile(markerFile) && Files.readString(markerFile).equals(marker)) {
            return;
        }
        deleteRecursively(home);
        Files.createDirectories(home);
        unzip(config.distributionZip(), home, true, entry -> true);
        for (Path script : list(home.resolve("bin"), "*.sh")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(script);
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            Files.setPosixFilePermissions(script, perms);
        }
        Files.writeString(markerFile, marker);
    }

    /**
     * Installs the providers and writes the configuration.
     *
     * @return true when the build inputs changed since the last {@code kc.sh build}
     */
    boolean prepare() throws IOException {
        Path staging = config.instanceDir().resolve("bundle");
        deleteRecursively(staging);
        Files.createDirectories(staging);
        List<Path> bundles = new ArrayList<>();
        config.providersBundle().ifPresent(bundles::add);
        bundles.addAll(config.extraBundles());
        // in order: a later bundle's file replaces an earlier one's of the same name
        for (Path zip : bundles) {
            try {
                unzip(zip, staging, false, entry -> true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack bundle " + zip, e);
            }
        }
        List<Path> providers = new ArrayList<>(list(staging.resolve("providers"), "*.jar"));
        providers.addAll(config.extraProviders());
        providers.sort(Comparator.comparing(p -> p.getFileName().toString()));

        String fingerprint = fingerprint(providers);
        Path fingerprintFile = home.resolve(FINGERPRINT_FILE);
        boolean changed = !(Files.isRegularFile(fingerprintFile)
                && Files.readString(fingerprintFile).equals(fingerprint));
        if (changed) {
            Files.deleteIfExists(fingerprintFile);
            Path providersDir = home.resolve("providers");
            for (Path old : list(providersDir, "*.jar")) {
                Files.delete(old);
            }
            for (Path jar : providers) {
                Files.copy(jar, providersDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        writeConfiguration();
        prepareData(staging.resolve("realms"));
        return changed;
    }

    /** Records that the current build inputs are built. */
    void markBuilt() throws IOException {
        List<Path> providers = list(home.resolve("providers"), "*.jar");
        providers.sort(Comparator.comparing(p -> p.getFileName().toString()));
        Files.writeString(home.resolve(FINGERPRINT_FILE), fingerprint(providers));
    }

    private void writeConfiguration() throws IOException {
        StringBuilder conf = new StringBuilder("# Written by the VNeID Bridge launcher; edits are overwritten.\n");
        conf.append("# build options\n");
        append(conf, config.buildOptions());
        conf.append("# runtime options\n");
        append(conf, config.runtimeOptions());
        conf.append("http-port=").append(config.httpPort()).append('\n');
        conf.append("http-management-port=").append(config.managementPort()).append('\n');
        Files.writeString(home.resolve("conf").resolve("keycloak.conf"), conf, StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder conf, Map<String, String> options) {
        options.forEach((key, value) -> conf.append(key).append('=').append(escape(value)).append('\n'));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private void prepareData(Path realms) throws IOException {
        Path data = home.resolve("data");
        if (config.freshData()) {
            deleteRecursively(data.resolve("h2"));
            deleteRecursively(data.resolve("tmp"));
        }
        Path importDir = data.resolve("import");
        deleteRecursively(importDir);
        if (config.importRealms()) {
            Files.createDirectories(importDir);
            for (Path realm : list(realms, "*.json")) {
                String text = Files.readString(realm, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> replacement : config.realmReplacements().entrySet()) {
                    text = text.replace(replacement.getKey(), replacement.getValue());
                }
                Files.writeString(importDir.resolve(realm.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
    }

    private String fingerprint(List<Path> providers) throws IOException {
        MessageDigest digest = sha256();
        digest.update(config.distributionZip().getFileName().toString().getBytes(StandardCharsets.UTF_8));
        config.buildOptions().forEach((key, value) ->
                digest.update((key + '=' + value + '\n').getBytes(StandardCharsets.UTF_8)));
        for (Path jar : providers) {
            digest.update(jar.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(jar)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unzips {@code zip} into {@code target}, optionally dropping the archive's single top-level folder. */
    static void unzip(Path zip, Path target, boolean stripTopFolder, java.util.function.Predicate<String> include)
            throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (stripTopFolder) {
                    int slash = name.indexOf('/');
                    name = slash < 0 ? "" : name.substring(slash + 1);
                }
                if (name.isEmpty() || !include.test(name)) {
                    continue;
                }
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(result::add);
        }
        result.sort(Comparator.naturalOrder());
        return result;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}

package vn.vneidbridge.sandbox.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's TLS material, made at every start with the JDK's {@code keytool} (nothing is committed): a
 * certificate authority of its own, and one server certificate it signs for {@code localhost} and
 * {@code 127.0.0.1}, used by HAProxy towards browsers and by the nodes towards HAProxy. Written as PEM files
 * because that is what both read.
 *
 * @param caPem        the authority's certificate: what HAProxy, the nodes' outgoing calls and clients trust
 * @param certPem      the server certificate followed by the authority's (the chain)
 * @param keyPem       the server certificate's private key (PKCS#8), readable by its owner only
 * @param haproxyPem   chain and key in one file, as HAProxy's {@code crt} wants them
 */
public record ClusterCertificates(Path caPem, Path certPem, Path keyPem, Path haproxyPem) {

    private static final String VALIDITY_DAYS = "30";

    /** Makes a fresh authority and server certificate in {@code dir} (replacing what a previous start left). */
    public static ClusterCertificates generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.SecureRandom.getSeed(18));
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path signed = dir.resolve("server.crt");
        for (Path old : List.of(ca, server, csr, signed)) {
            Files.deleteIfExists(old);
        }
        ClusterCertificates files = new ClusterCertificates(dir.resolve("ca.pem"), dir.resolve("server-chain.pem"),
                dir.resolve("server-key.pem"), dir.resolve("haproxy.pem"));
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", VALIDITY_DAYS,
                "-dname", "CN=VNeID Bridge cluster CA (generated at start)", "-ext", "bc:c",
                "-ext", "KeyUsage=keyCertSign,cRLSign",
                "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
                "-file", files.caPem().toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", VALIDITY_DAYS,
                "-dname", "CN=localhost", "-keystore", server.toString(), "-storetype", "PKCS12",
                "-storepass", password);
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", password,
                "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
                "-infile", csr.toString(), "-outfile", signed.toString(), "-validity", VALIDITY_DAYS,
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "KeyUsage=digitalSignature,keyEncipherment",
                "-ext", "ExtendedKeyUsage=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", files.caPem().toString(),
                "-keystore", server.toString(), "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", signed.toString(),
                "-keystore", server.toString(), "-storepass", password);
        files.writePem(server, password.toCharArray());
        for (Path intermediate : List.of(ca, server, csr, signed)) {
            Files.delete(intermediate);
        }
        return files;
    }

    private void writePem(Path serverStore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(serverStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Key key = store.getKey("server", password);
            List<String> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain("server")) {
                chain.add(pem("CERTIFICATE", certificate.getEncoded()));
            }
            String keyText = pem("PRIVATE KEY", key.getEncoded());
            Files.writeString(certPem, String.join("", chain), StandardCharsets.US_ASCII);
            writeOwnerOnly(keyPem, keyText);
            writeOwnerOnly(haproxyPem, String.join("", chain) + keyText);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the generated server key store", e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}

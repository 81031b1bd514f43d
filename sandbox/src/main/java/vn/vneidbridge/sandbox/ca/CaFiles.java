package vn.vneidbridge.sandbox.ca;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * The sandbox CA's folder: what an earlier start left is removed first (a persona's file that a later version no
 * longer issues must not linger, review F13 c), and every file holding a private key is readable by its owner only
 * (F13 b) where the file system knows POSIX permissions; elsewhere the folder's own protection is all there is.
 */
final class CaFiles {

    /** The kinds of file the CA writes; nothing else in the folder is touched. */
    private static final String WRITTEN = "*.{p12,pem,crl}";

    private CaFiles() {
    }

    /** Deletes the {@code *.p12}, {@code *.pem} and {@code *.crl} files directly in {@code dir}. */
    static void clean(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, WRITTEN)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** A PKCS#12 file of one key and its chain, protected by {@code password}; owner-only. */
    static void pkcs12(Path file, PrivateKey key, Certificate[] chain, String password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sandbox", key, password.toCharArray(), chain);
        try (OutputStream out = Files.newOutputStream(ownerOnly(file))) {
            store.store(out, password.toCharArray());
        }
    }

    /** A PKCS#12 trust store: one trusted certificate entry per alias, no key. */
    static void trustStore(Path file, Map<String, X509Certificate> certificates, String password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
            store.setCertificateEntry(entry.getKey(), entry.getValue());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    static void pem(Path file, X509Certificate... certificates) throws IOException, GeneralSecurityException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append(pemBlock("CERTIFICATE", certificate.getEncoded()));
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** An unencrypted PKCS#8 key in PEM (what Keycloak's {@code https-certificate-key-file} reads); owner-only. */
    static void privateKeyPem(Path file, PrivateKey key) throws IOException {
        Files.writeString(ownerOnly(file), pemBlock("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Creates the empty file with {@code rw-------} before anything is written into it, so no key is ever exposed. */
    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        return file;
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

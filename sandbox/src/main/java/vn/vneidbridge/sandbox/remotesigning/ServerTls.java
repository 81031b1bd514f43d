package vn.vneidbridge.sandbox.remotesigning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;

/**
 * The TLS identity of the stand-in: the sandbox CA's HTTPS listener certificate for {@code localhost} and
 * {@code 127.0.0.1} with its issuing CA ({@link SandboxCertificateAuthority#SERVER_PEM}) and its RSA key in PKCS#8 PEM
 * ({@link SandboxCertificateAuthority#SERVER_KEY_PEM}), the files Keycloak's own HTTPS listener reads, so that whoever
 * trusts the sandbox root (Keycloak's {@code truststore-paths}) trusts the stand-in.
 */
final class ServerTls {

    /** The in-memory key store's password: it never leaves this class or reaches a file. */
    private static final char[] IN_MEMORY = "sandbox-smartca".toCharArray();

    private ServerTls() {
    }

    static SSLContext context(Path caDir) throws IOException {
        try {
            Certificate[] chain;
            try (InputStream in = Files.newInputStream(caDir.resolve(SandboxCertificateAuthority.SERVER_PEM))) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey(caDir.resolve(SandboxCertificateAuthority.SERVER_KEY_PEM)),
                    IN_MEMORY, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the sandbox CA's server certificate or key could not be read", e);
        }
    }

    /** An unencrypted PKCS#8 RSA key in PEM (the sandbox CA's keys are RSA 2048). */
    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }
}

package vn.vneidbridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;

/**
 * TLS set-ups of a browser talking to the test server's HTTPS listener: one that trusts the sandbox CA for the server
 * and presents no certificate, and one with a USB token, presenting the token's certificate in the handshake (the
 * JDK's key manager, as a browser does, sends it only when the server names a CA of its chain).
 */
public final class TokenBrowsers {

    private TokenBrowsers() {
    }

    /** A browser without a token. */
    public static WebClient withoutToken(SandboxCertificateAuthority ca) {
        return WebClient.overTls(context(null, ca.root()));
    }

    /** A browser with a token holding {@code token}'s key and chain (PIN {@link SandboxCertificateAuthority#PIN}). */
    public static WebClient withToken(KeyStore token, SandboxCertificateAuthority ca) {
        return WebClient.overTls(context(token, ca.root()));
    }

    /** A browser with a persona's token file ({@code an.p12}, ...). */
    public static WebClient withToken(String personaFile, SandboxCertificateAuthority ca) {
        return withToken(load(ca.file(personaFile)), ca);
    }

    public static KeyStore load(Path p12) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, SandboxCertificateAuthority.PIN.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(KeyStore token, X509Certificate serverRoot) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("sandbox-root", serverRoot);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
            if (token != null) {
                keys.init(token, SandboxCertificateAuthority.PIN.toCharArray());
            } else {
                KeyStore empty = KeyStore.getInstance("PKCS12");
                empty.load(null, null);
                keys.init(empty, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

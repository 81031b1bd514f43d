package vn.vneidbridge.sandbox.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Makes this JVM trust the cluster's generated authority besides the JDK's own trusted ones, so the demo portal's
 * back channel (token, keys) and a test's HTTP clients reach {@code https://localhost:<lb-port>} with the
 * certificate checked, never with checking turned off. Clients built after this call use it.
 */
public final class ClusterTrust {

    private ClusterTrust() {
    }

    public static void install(Path caPem) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(caPem).getTrustManagers(), null);
            SSLContext.setDefault(context);
            HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + caPem, e);
        }
    }

    private static TrustManagerFactory trustManagers(Path caPem) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        int n = 0;
        for (var manager : jdk.getTrustManagers()) {
            if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                    trusted.setCertificateEntry("jdk-" + n++, issuer);
                }
            }
        }
        try (InputStream in = Files.newInputStream(caPem)) {
            trusted.setCertificateEntry("vneid-bridge-cluster-ca",
                    CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory;
    }
}

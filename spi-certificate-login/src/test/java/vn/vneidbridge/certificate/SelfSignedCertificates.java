package vn.vneidbridge.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates made with the JDK's {@code keytool}, for tests that need a real one. */
final class SelfSignedCertificates {

    private SelfSignedCertificates() {
    }

    /**
     * A self-signed certificate.
     *
     * @param startDate keytool's {@code -startdate} (e.g. {@code -1d}, {@code -2y}, {@code +1y})
     * @param days      its validity in days from the start
     */
    static X509Certificate make(Path dir, String subject, String startDate, int days) throws Exception {
        return make(dir, subject, startDate, days, "KeyUsage:critical=digitalSignature");
    }

    /** The same with keytool {@code -ext} values of one's own (e.g. {@code BasicConstraints:critical=ca:true}). */
    static X509Certificate make(Path dir, String subject, String startDate, int days, String... extensions)
            throws Exception {
        Path store = Files.createTempFile(dir, "cert", ".p12");
        Files.delete(store);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = new java.util.ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "c", "-keyalg",
                "EC", "-groupname", "secp256r1", "-dname", subject, "-startdate", startDate, "-validity",
                String.valueOf(days), "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit"));
        for (String extension : extensions) {
            command.add("-ext");
            command.add(extension);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        return (X509Certificate) keyStore.getCertificate("c");
    }
}

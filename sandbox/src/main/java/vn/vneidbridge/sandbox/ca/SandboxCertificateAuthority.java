package vn.vneidbridge.sandbox.ca;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's own certificate authority for "Usb ký số": a root standing in for the national root CA (NEAC), an
 * issuing CA under it standing in for a licensed CA, the personas' certificates in PKCS#12 files (PIN
 * {@link #PIN}), the issuing CA's certificate revocation list, the HTTPS listener's certificate, and a foreign root
 * with a certificate of its own (what a CA Keycloak was not told to trust issues). Every subject says it is a test
 * CA: nothing here is a real certificate. Generated afresh at every start (keys are not kept), into one folder.
 */
public final class SandboxCertificateAuthority {

    /** The PIN of every PKCS#12 file, as the personas' password. */
    public static final String PIN = "Sandbox@123";
    /** The organisation every subject of the sandbox CA carries, so that no one mistakes it for a real one. */
    static final String TEST_MARK = "VNeID Bridge sandbox - TEST CA - NOT FOR REAL USE";
    /** The CRL's path on the sandbox CA's HTTP server; each person's certificate names it. */
    public static final String CRL_PATH = "/crl/sandbox-ca.crl";

    /** What a persona's certificate is for. */
    public enum Kind {
        /** Valid, issued by the sandbox CA. */
        VALID,
        /** Issued by the sandbox CA and listed in its CRL. */
        REVOKED,
        /** Issued by the sandbox CA, its validity over. */
        EXPIRED,
        /** Issued under the foreign root. */
        FOREIGN,
    }

    /**
     * A persona's certificate.
     *
     * @param file       the PKCS#12 file's name
     * @param commonName the holder's name, as a CA writes it (upper case)
     * @param uid        the {@code UID} value ({@code CCCD:…}, {@code CMND:…}, {@code MST:…}), or null for none
     */
    public record Persona(String file, String commonName, String uid, Kind kind) {
    }

    /** The personas of the README's table. */
    public static final List<Persona> PERSONAS = List.of(
            new Persona("an.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.VALID),
            new Persona("nga-cmnd.p12", "TÔ THỊ NGA", "CMND:164438056", Kind.VALID),
            new Persona("nga.p12", "TÔ THỊ NGA", "CCCD:052189000123", Kind.VALID),
            new Persona("congtyabc.p12", "CÔNG TY TNHH ABC", "MST:0312345673", Kind.VALID),
            new Persona("binh.p12", "TRẦN VĂN BÌNH", "CCCD:042085007890", Kind.VALID),
            new Persona("an-revoked.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.REVOKED),
            new Persona("an-expired.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.EXPIRED),
            new Persona("an-foreign.p12", "NGUYỄN VĂN AN", "CCCD:001090001234", Kind.FOREIGN),
            new Persona("an-no-id.p12", "NGUYỄN VĂN AN", null, Kind.VALID));

    private static final Duration VALIDITY = Duration.ofDays(2 * 365);
    private static final String SIGNATURE = "SHA256withRSA";

    private final Path dir;
    private final X509Certificate root;
    private final X509Certificate issuing;
    private final X509Certificate foreignRoot;
    private final X509CRL crl;
    private final Map<String, X509Certificate> personas;

    private SandboxCertificateAuthority(Path dir, X509Certificate root, X509Certificate issuing,
                                        X509Certificate foreignRoot, X509CRL crl,
                                        Map<String, X509Certificate> personas) {
        this.dir = dir;
        this.root = root;
        this.issuing = issuing;
        this.foreignRoot = foreignRoot;
        this.crl = crl;
        this.personas = Map.copyOf(personas);
    }

    /**
     * Generates the CA, its CRL, the personas' files and the HTTPS listener's key into {@code dir}: {@code root.pem},
     * {@code issuing.pem}, {@code foreign-root.pem}, {@code client-cas.pem} (the CAs a TLS listener names when it asks
     * for a client certificate: the sandbox chain and the foreign root, so that a foreign certificate reaches
     * Keycloak and is refused there with a message), {@code sandbox-ca.crl}, {@code server.pem} and
     * {@code server-key.pem}, and one PKCS#12 file per {@link #PERSONAS persona}.
     *
     * @param crlUrl where the CRL is served ({@link #CRL_PATH} on the sandbox CA's server); each certificate names it
     */
    public static SandboxCertificateAuthority generate(Path dir, URI crlUrl, Clock clock) throws IOException {
        try {
            Files.createDirectories(dir);
            Instant now = clock.instant();
            Instant notBefore = now.minus(Duration.ofDays(1));
            KeyPair rootKey = rsa();
            X500Name rootName = name("VNeID Bridge sandbox root CA (NEAC stand-in)", null);
            X509Certificate root = sign(ca(rootName, rootName, rootKey.getPublic(), null, notBefore,
                    now.plus(VALIDITY.multipliedBy(5)), -1), rootKey.getPrivate());
            KeyPair issuingKey = rsa();
            X509Certificate issuing = sign(ca(name("VNeID Bridge sandbox CA ký số", null), rootName,
                    issuingKey.getPublic(), root, notBefore, now.plus(VALIDITY.multipliedBy(4)), 0),
                    rootKey.getPrivate());
            KeyPair foreignKey = rsa();
            X500Name foreignName = name("VNeID Bridge sandbox foreign CA (not trusted for logins)", null);
            X509Certificate foreignRoot = sign(ca(foreignName, foreignName, foreignKey.getPublic(), null, notBefore,
                    now.plus(VALIDITY.multipliedBy(5)), 0), foreignKey.getPrivate());

            Map<String, X509Certificate> issued = new LinkedHashMap<>();
            List<BigInteger> revoked = new ArrayList<>();
            for (Persona persona : PERSONAS) {
                KeyPair key = rsa();
                boolean foreign = persona.kind() == Kind.FOREIGN;
                X509Certificate issuer = foreign ? foreignRoot : issuing;
                Instant from = persona.kind() == Kind.EXPIRED ? now.minus(VALIDITY) : notBefore;
                Instant to = persona.kind() == Kind.EXPIRED ? now.minus(Duration.ofDays(1)) : now.plus(VALIDITY);
                X509Certificate certificate = sign(person(persona, issuer, key, from, to, crlUrl),
                        foreign ? foreignKey.getPrivate() : issuingKey.getPrivate());
                if (persona.kind() == Kind.REVOKED) {
                    revoked.add(certificate.getSerialNumber());
                }
                issued.put(persona.file(), certificate);
                pkcs12(dir.resolve(persona.file()), key.getPrivate(),
                        foreign ? new Certificate[] {certificate, foreignRoot}
                                : new Certificate[] {certificate, issuing, root});
            }
            X509CRL crl = crl(issuing, issuingKey.getPrivate(), revoked, now);
            Files.write(dir.resolve("sandbox-ca.crl"), crl.getEncoded());

            KeyPair serverKey = rsa();
            X509Certificate server = sign(server(issuing, serverKey, notBefore, now.plus(VALIDITY)),
                    issuingKey.getPrivate());
            pem(dir.resolve("root.pem"), root);
            pem(dir.resolve("issuing.pem"), issuing);
            pem(dir.resolve("foreign-root.pem"), foreignRoot);
            pem(dir.resolve("client-cas.pem"), issuing, root, foreignRoot);
            pem(dir.resolve("server.pem"), server, issuing);
            Files.writeString(dir.resolve("server-key.pem"), pemBlock("PRIVATE KEY", serverKey.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            return new SandboxCertificateAuthority(dir, root, issuing, foreignRoot, crl, issued);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the sandbox CA could not be generated", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate issuing() {
        return issuing;
    }

    public X509Certificate foreignRoot() {
        return foreignRoot;
    }

    public X509CRL crl() {
        return crl;
    }

    /** A persona's certificate, by its file's name. */
    public X509Certificate certificate(String file) {
        X509Certificate certificate = personas.get(file);
        if (certificate == null) {
            throw new IllegalArgumentException("no persona certificate " + file);
        }
        return certificate;
    }

    /** A persona's PKCS#12 file, by its name. */
    public Path file(String file) {
        certificate(file);
        return dir.resolve(file);
    }

    // ---- building --------------------------------------------------------------------------------------------

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X500Name name(String commonName, String uid) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, TEST_MARK).addRDN(BCStyle.CN, commonName);
        if (uid != null) {
            builder.addRDN(BCStyle.UID, uid);
        }
        return builder.build();
    }

    /** The issuer's subject as it is encoded in its certificate (a chain is built by comparing these bytes). */
    private static X500Name nameOf(X509Certificate issuer) {
        return X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }

    private static X509v3CertificateBuilder ca(X500Name subject, X500Name issuer, java.security.PublicKey key,
                                               X509Certificate issuerCertificate, Instant from, Instant to,
                                               int pathLength) throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from),
                Date.from(to), subject, key)
                .addExtension(Extension.basicConstraints, true,
                        pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        if (issuerCertificate != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerCertificate));
        }
        return builder;
    }

    private static X509v3CertificateBuilder person(Persona persona, X509Certificate issuer, KeyPair key, Instant from,
                                                   Instant to, URI crlUrl)
            throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        DistributionPointName where = new DistributionPointName(new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl.toString())));
        return new JcaX509v3CertificateBuilder(nameOf(issuer), serial(), Date.from(from), Date.from(to),
                name(persona.commonName(), persona.uid()), key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection}))
                .addExtension(Extension.cRLDistributionPoints, false,
                        new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(where, null, null)}))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
    }

    private static X509v3CertificateBuilder server(X509Certificate issuer, KeyPair key, Instant from, Instant to)
            throws GeneralSecurityException, CertIOException {
        return new JcaX509v3CertificateBuilder(nameOf(issuer), serial(), Date.from(from), Date.from(to),
                name("localhost", null), key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, List<BigInteger> revoked, Instant now)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(nameOf(issuer), Date.from(now.minus(Duration.ofMinutes(5))))
                .setNextUpdate(Date.from(now.plus(Duration.ofDays(1))))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer))
                .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
    }

    // ---- files -----------------------------------------------------------------------------------------------

    private static void pkcs12(Path file, PrivateKey key, Certificate[] chain) throws IOException,
            GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sandbox", key, PIN.toCharArray(), chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PIN.toCharArray());
        }
    }

    private static void pem(Path file, X509Certificate... certificates) throws IOException,
            GeneralSecurityException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append(pemBlock("CERTIFICATE", certificate.getEncoded()));
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

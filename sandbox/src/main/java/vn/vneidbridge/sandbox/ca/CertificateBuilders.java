package vn.vneidbridge.sandbox.ca;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * How the sandbox CA's three kinds of certificate are shaped (CA, person, TLS server), apart from the decisions of
 * who issues what, so that {@link SandboxCertificateAuthority} reads as the list of what it issues.
 */
final class CertificateBuilders {

    static final String SIGNATURE = "SHA256withRSA";

    private CertificateBuilders() {
    }

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A subject of the sandbox CA: every one carries {@link SandboxCertificateAuthority#TEST_MARK}. */
    static X500Name name(String commonName, String uid) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, SandboxCertificateAuthority.TEST_MARK).addRDN(BCStyle.CN, commonName);
        if (uid != null) {
            builder.addRDN(BCStyle.UID, uid);
        }
        return builder.build();
    }

    /** The issuer's subject as it is encoded in its certificate (a chain is built by comparing these bytes). */
    static X500Name nameOf(X509Certificate issuer) {
        return X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    }

    /**
     * A CA certificate; a root when {@code issuer} is null, else one that names {@code crl}, where its issuer says
     * whether it is revoked (an intermediate's revocation must be checkable, review F4).
     */
    static X509v3CertificateBuilder ca(X500Name subject, PublicKey key, X509Certificate issuer, URI crl,
                                       Instant from, Instant to, int pathLength)
            throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer == null ? subject : nameOf(issuer),
                serial(), Date.from(from), Date.from(to), subject, key)
                .addExtension(Extension.basicConstraints, true,
                        pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        if (issuer != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer))
                    .addExtension(Extension.cRLDistributionPoints, false, distributionPoint(crl));
        }
        return builder;
    }

    /** A person's signing certificate, as a licensed CA issues it onto a USB token. */
    static X509v3CertificateBuilder person(SandboxCertificateAuthority.Persona persona, X509Certificate issuer,
                                           PublicKey key, Instant from, Instant to, URI crl)
            throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        return new JcaX509v3CertificateBuilder(nameOf(issuer), serial(), Date.from(from), Date.from(to),
                name(persona.commonName(), persona.uid()), key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection}))
                .addExtension(Extension.cRLDistributionPoints, false, distributionPoint(crl))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
    }

    /** The HTTPS listener's certificate, for {@code localhost} and {@code 127.0.0.1}. */
    static X509v3CertificateBuilder server(X509Certificate issuer, PublicKey key, Instant from, Instant to)
            throws CertIOException {
        return new JcaX509v3CertificateBuilder(nameOf(issuer), serial(), Date.from(from), Date.from(to),
                name("localhost", null), key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static CRLDistPoint distributionPoint(URI crl) {
        DistributionPointName where = new DistributionPointName(new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString())));
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(where, null, null)});
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }
}

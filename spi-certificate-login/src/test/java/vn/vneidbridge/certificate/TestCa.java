package vn.vneidbridge.certificate;

import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA for tests of paths and revocation: it issues CA and end-entity certificates and signs CRLs (BouncyCastle). */
final class TestCa {

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    final X509Certificate certificate;
    final KeyPair key;

    private TestCa(X509Certificate certificate, KeyPair key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** A self-signed root. */
    static TestCa root(String name) throws Exception {
        KeyPair key = ec();
        X500Name subject = new X500Name("CN=" + name + ", O=TEST");
        return new TestCa(sign(new JcaX509v3CertificateBuilder(subject, serial(), days(-1), days(3650), subject,
                key.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                key), key);
    }

    /** A CA below this one, its revocation on this one's list at {@code crl}. */
    TestCa subCa(String name, URI crl) throws Exception {
        KeyPair sub = ec();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(), days(-1), days(3000),
                new X500Name("CN=" + name + ", O=TEST"), sub.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.cRLDistributionPoints, false, point(crl));
        return new TestCa(sign(builder, key), sub);
    }

    /** A person's signing certificate, its revocation on this CA's list at {@code crl}. */
    X509Certificate person(String uid, URI crl) throws Exception {
        KeyPair person = ec();
        return sign(new JcaX509v3CertificateBuilder(certificate, serial(), days(-1), days(700),
                new X500Name("CN=TEST PERSON, UID=" + uid + ", O=TEST"), person.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.cRLDistributionPoints, false, point(crl)), key);
    }

    /** This CA's list, issued at {@code thisUpdate} and valid {@code validFor}, naming {@code revoked}. */
    X509CRL crl(Instant thisUpdate, Duration validFor, X509Certificate... revoked) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate))
                .setNextUpdate(Date.from(thisUpdate.plus(validFor)));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(key.getPrivate())));
    }

    /** The distribution points of a certificate as the step reads them (here with BouncyCastle). */
    static List<String> distributionPoints(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<String> points = new ArrayList<>();
        if (value == null) {
            return points;
        }
        CRLDistPoint dp = CRLDistPoint.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets());
        for (DistributionPoint point : dp.getDistributionPoints()) {
            for (GeneralName name : GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
                points.add(name.getName().toString());
            }
        }
        return points;
    }

    private static CRLDistPoint point(URI crl) {
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString()))), null, null)});
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static Date days(int days) {
        return Date.from(Instant.now().plus(Duration.ofDays(days)));
    }
}

package vn.vneidbridge.sandbox.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * One CA of the sandbox signing its revocation list afresh on each request. Its private key lives in this object
 * only, never in a file: a CRL signed once at start would go stale after {@link #NEXT_UPDATE} and every certificate
 * login would then end in "revocation status unknown" (review F13 a), while a key on disk would be one more thing a
 * test CA must not leave behind.
 */
final class CrlIssuer {

    /** How long a CRL is fresh; Keycloak caches it until then. */
    static final Duration NEXT_UPDATE = Duration.ofDays(1);
    /** How far thisUpdate lies back, so that a verifier whose clock is a little behind still accepts it. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final List<BigInteger> revoked;
    private final Instant revokedAt;
    private final AtomicLong number = new AtomicLong();

    /**
     * @param revoked   the serial numbers listed, all revoked at {@code revokedAt} for key compromise
     */
    CrlIssuer(X509Certificate certificate, PrivateKey key, List<BigInteger> revoked, Instant revokedAt) {
        this.certificate = certificate;
        this.key = key;
        this.revoked = List.copyOf(revoked);
        this.revokedAt = revokedAt;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The CA's key, in memory only: it signs the certificates a test issues ({@link SandboxCertificateAuthority#issue}). */
    PrivateKey key() {
        return key;
    }

    /** A CRL valid from {@code now} - 5 min to {@code now} + 1 day, its number above every earlier one's. */
    X509CRL sign(Instant now) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(CertificateBuilders.nameOf(certificate),
                    Date.from(now.minus(SKEW)))
                    .setNextUpdate(Date.from(now.plus(NEXT_UPDATE)))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.cRLNumber, false,
                            new CRLNumber(BigInteger.valueOf(number.incrementAndGet())));
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(revokedAt), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder(CertificateBuilders.SIGNATURE).build(key)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("the CRL of " + certificate.getSubjectX500Principal() + " could not be"
                    + " signed", e);
        }
    }
}

package vn.vneidbridge.certificate;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The checks of a presented chain, one by one, each with its own refusal: the leaf's validity first (so an expired
 * certificate is told "expired", not "untrusted"), then the path to a root Keycloak trusts, that root among the
 * realm's pinned roots, the validity of every certificate of the path, the key usage, and revocation last. The steps
 * are given as lambdas (the step gives the JDK's PKIX over the path, {@link CertificatePath}; its key usage is
 * {@link #forSigning}); this class only orders them and names what failed. A failed revocation check is {@link CertificateRefusal#REVOKED} only when the CA's own list says so,
 * otherwise {@link CertificateRefusal#REVOCATION_UNKNOWN}: it may mislabel, it never accepts.
 */
final class CertificateCheck {

    /** One validation step: throws when the chain fails it. */
    @FunctionalInterface
    interface Step {
        void run() throws GeneralSecurityException;
    }

    /**
     * The steps of one chain.
     *
     * @param trust          builds and verifies the path to a pinned root
     * @param anchor         the root the path ended in (after {@code trust} passed)
     * @param chainValidity  every certificate of the chain within its validity
     * @param usage          a further usage check, if any (the leaf must also be {@link #forSigning})
     * @param revocation     the revocation check (CRL or OCSP, as configured)
     * @param listedRevoked  after {@code revocation} failed: whether the CA's list names the leaf
     */
    record Steps(Step trust, Supplier<X509Certificate> anchor, Step chainValidity, Step usage, Step revocation,
                 BooleanSupplier listedRevoked) {
    }

    private CertificateCheck() {
    }

    /** The first refusal the chain earns, or empty when it passes every step. */
    static Optional<CertificateRefusal> check(X509Certificate leaf, Instant now, TrustedRoots roots, Steps steps) {
        if (roots.isEmpty()) {
            return Optional.of(CertificateRefusal.NOT_CONFIGURED);
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return Optional.of(CertificateRefusal.EXPIRED);
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return Optional.of(CertificateRefusal.NOT_YET_VALID);
        }
        if (fails(steps.trust()) || !roots.trusts(anchorOrNull(steps.anchor()))) {
            return Optional.of(CertificateRefusal.UNTRUSTED_ISSUER);
        }
        if (fails(steps.chainValidity())) {
            return Optional.of(CertificateRefusal.EXPIRED);
        }
        if (fails(steps.usage()) || !forSigning(leaf)) {
            return Optional.of(CertificateRefusal.WRONG_USAGE);
        }
        if (fails(steps.revocation())) {
            return Optional.of(listed(steps.listedRevoked()) ? CertificateRefusal.REVOKED
                    : CertificateRefusal.REVOCATION_UNKNOWN);
        }
        return Optional.empty();
    }

    /**
     * Whether the leaf is an end entity's certificate for signing: its key usage names {@code digitalSignature} and it
     * is no CA's. Keycloak's key-usage step fails a missing bit only when the extension is critical (review
     * 2026-12-06, F7).
     */
    static boolean forSigning(X509Certificate leaf) {
        boolean[] usage = leaf.getKeyUsage();
        return usage != null && usage.length > 0 && usage[0] && leaf.getBasicConstraints() == -1;
    }

    private static boolean fails(Step step) {
        try {
            step.run();
            return false;
        } catch (GeneralSecurityException | RuntimeException e) {
            return true;
        }
    }

    private static X509Certificate anchorOrNull(Supplier<X509Certificate> anchor) {
        try {
            return anchor.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean listed(BooleanSupplier listedRevoked) {
        try {
            return listedRevoked.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

package vn.vneidbridge.certificate;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One presented chain checked with the JDK's PKIX implementation: the path is built from the leaf to one of the
 * realm's pinned roots only (the presented certificates and the trust store's intermediates as candidates), and
 * revocation is checked over that built path, for every certificate of it but the root, with the CRLs of each
 * certificate's own distribution points verified by the JDK against the issuer the path found. So a CRL signed by
 * another CA of the trust store, or by a look-alike issuer the client added to its chain, is no answer (review
 * 2026-12-06, F3), and a licensed CA that NEAC revoked is refused too (F4). A CRL past its next update is no answer
 * either: the login is then refused as "revocation unknown", never let through.
 */
final class CertificatePath {

    /** Where revocation is asked. */
    enum Revocation {
        CRL_ONLY, OCSP_ONLY, CRL_THEN_OCSP
    }

    private final X509Certificate leaf;
    private final Collection<X509Certificate> candidates;
    private final Set<TrustAnchor> anchors;
    private final Date at;
    private PKIXCertPathBuilderResult built;
    private CertPathValidatorException revocationFailure;

    /**
     * @param presented     the client's chain, the leaf first
     * @param intermediates the trust store's intermediate CAs
     * @param pinnedRoots   the realm's pinned roots (only these end a path)
     */
    CertificatePath(X509Certificate[] presented, Collection<X509Certificate> intermediates,
                    Collection<X509Certificate> pinnedRoots, Date at) {
        this.leaf = presented[0];
        List<X509Certificate> all = new ArrayList<>(List.of(presented));
        all.addAll(intermediates);
        this.candidates = List.copyOf(all);
        this.anchors = Set.copyOf(pinnedRoots.stream().map(root -> new TrustAnchor(root, null)).toList());
        this.at = at;
    }

    /** Builds and verifies the path from the leaf to a pinned root; throws when there is none. */
    void build() throws GeneralSecurityException {
        if (anchors.isEmpty()) {
            throw new InvalidAlgorithmParameterException("no pinned root in the trust store");
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
    }

    /** The root the path ended in (after {@link #build()}). */
    X509Certificate anchor() {
        return requireBuilt().getTrustAnchor().getTrustedCert();
    }

    /** Every certificate of the built path within its validity at the time of the check. */
    void checkValidity() throws GeneralSecurityException {
        for (X509Certificate certificate : path()) {
            certificate.checkValidity(at);
        }
        anchor().checkValidity(at);
    }

    /**
     * Checks the revocation of every certificate of the path but the root.
     *
     * @param crls the CRLs of a certificate's distribution points, each verified against the given issuer (the
     *             certificate's issuer in the path); none when they could not be had
     */
    void checkRevocation(Revocation where, URI ocspResponder,
                         BiFunction<X509Certificate, X509Certificate, List<X509CRL>> crls)
            throws GeneralSecurityException {
        List<X509Certificate> path = path();
        List<X509CRL> lists = new ArrayList<>();
        if (where != Revocation.OCSP_ONLY) {
            for (int i = 0; i < path.size(); i++) {
                X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor();
                lists.addAll(crls.apply(path.get(i), issuer));
            }
        }
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(switch (where) {
            case CRL_ONLY -> EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK);
            case OCSP_ONLY -> EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK);
            case CRL_THEN_OCSP -> EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS);
        });
        if (ocspResponder != null) {
            checker.setOcspResponder(ocspResponder);
        }
        PKIXParameters parameters = new PKIXParameters(Set.of(requireBuilt().getTrustAnchor()));
        parameters.setDate(at);
        parameters.setRevocationEnabled(true);
        parameters.addCertPathChecker(checker);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(lists)));
        try {
            validator.validate(requireBuilt().getCertPath(), parameters);
            revocationFailure = null;
        } catch (CertPathValidatorException e) {
            revocationFailure = e;
            throw e;
        }
    }

    /** After {@link #checkRevocation} failed: whether a CA's list (or responder) named a certificate of the path revoked. */
    boolean listedRevoked() {
        return revocationFailure != null
                && revocationFailure.getReason() == CertPathValidatorException.BasicReason.REVOKED;
    }

    /** The built path, the leaf first, without the root. */
    List<X509Certificate> path() {
        return requireBuilt().getCertPath().getCertificates().stream().map(X509Certificate.class::cast).toList();
    }

    private PKIXCertPathBuilderResult requireBuilt() {
        if (built == null) {
            throw new IllegalStateException("the path was not built");
        }
        return built;
    }
}

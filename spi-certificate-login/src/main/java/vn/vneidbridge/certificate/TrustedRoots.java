package vn.vneidbridge.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The roots a realm trusts for certificate logins, pinned by the SHA-256 of their DER encoding: the national root CA
 * (NEAC) in production, the sandbox's test root in the sandbox. Keycloak's trust store also holds the JRE's public
 * web CAs when it validates a chain, so a chain is accepted only when the root it ends in is one of these.
 */
final class TrustedRoots {

    private final Set<String> pins;
    private final List<String> invalid;

    private TrustedRoots(Set<String> pins, List<String> invalid) {
        this.pins = Set.copyOf(pins);
        this.invalid = List.copyOf(invalid);
    }

    /**
     * The pins as an operator typed them: 64 hex digits each, in either case, with or without colons or blanks
     * between bytes ({@code keytool -list -v} and {@code openssl x509 -fingerprint -sha256} both print them so).
     */
    static TrustedRoots of(List<String> typed) {
        Set<String> pins = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String value : typed) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String hex = value.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
            if (hex.matches("[0-9a-f]{64}")) {
                pins.add(hex);
            } else {
                invalid.add(value.strip());
            }
        }
        return new TrustedRoots(pins, invalid);
    }

    /** No valid pin: the step accepts no certificate. */
    boolean isEmpty() {
        return pins.isEmpty();
    }

    /** The values that are not a SHA-256 fingerprint (ignored; the step warns about them once). */
    List<String> invalid() {
        return invalid;
    }

    /** How many pins there are. */
    int size() {
        return pins.size();
    }

    boolean trusts(X509Certificate root) {
        return root != null && pins.contains(fingerprint(root));
    }

    /** The SHA-256 of the certificate's DER encoding, as 64 lower-case hex digits. */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the certificate cannot be encoded", e);
        }
    }
}

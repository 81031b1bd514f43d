package vn.vneidbridge.certificate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The certificate login's settings, read null-safe with their defaults (a null value is no value): an execution
 * never configured has no trusted root and so accepts no certificate (and says so in the log), but never fails. Where
 * revocation is asked follows {@link #revocation()}; the check of the path and of every certificate's validity are
 * always on, whatever an operator sets.
 */
final class CertificateLoginConfig {

    static final String REVOCATION_CRL_DP = "crl-dp";
    static final String REVOCATION_OCSP = "ocsp";
    static final String REVOCATION_CRL_DP_AND_OCSP = "crl-dp+ocsp";
    /** Keycloak's separator of a multivalued setting. */
    private static final String SEPARATOR = "##";

    private final Map<String, String> config;

    CertificateLoginConfig(AuthenticatorConfigModel model) {
        Map<String, String> values = new HashMap<>();
        if (model != null && model.getConfig() != null) {
            model.getConfig().forEach((key, value) -> {
                if (key != null && value != null) {
                    values.put(key, value);
                }
            });
        }
        this.config = Map.copyOf(values);
    }

    TrustedRoots trustedRoots() {
        return TrustedRoots.of(values(CertificateLoginConfigProperties.TRUSTED_ROOTS));
    }

    /** {@link #REVOCATION_CRL_DP} (the default), {@link #REVOCATION_OCSP} or {@link #REVOCATION_CRL_DP_AND_OCSP}. */
    String revocation() {
        String value = config.getOrDefault(CertificateLoginConfigProperties.REVOCATION, REVOCATION_CRL_DP);
        return switch (value) {
            case REVOCATION_OCSP, REVOCATION_CRL_DP_AND_OCSP -> value;
            default -> REVOCATION_CRL_DP;
        };
    }

    boolean crlDistributionPoints() {
        return !REVOCATION_OCSP.equals(revocation());
    }

    boolean ocsp() {
        return !REVOCATION_CRL_DP.equals(revocation());
    }

    /** Where the path's revocation is asked, for {@link CertificatePath}. */
    CertificatePath.Revocation revocationMode() {
        return switch (revocation()) {
            case REVOCATION_OCSP -> CertificatePath.Revocation.OCSP_ONLY;
            case REVOCATION_CRL_DP_AND_OCSP -> CertificatePath.Revocation.CRL_THEN_OCSP;
            default -> CertificatePath.Revocation.CRL_ONLY;
        };
    }

    /**
     * How long a fetched CRL is used before it is fetched again, even before its next update: bounds how late a
     * revocation the CA published is seen (review F12). Default 60 minutes; 0 fetches it for every login; a value
     * that is not a whole number of minutes from 0 to 1440 is the default.
     */
    java.time.Duration crlCacheMaxAge() {
        String value = config.getOrDefault(CertificateLoginConfigProperties.CRL_CACHE_MINUTES, "").strip();
        try {
            int minutes = Integer.parseInt(value);
            if (minutes >= 0 && minutes <= 1440) {
                return java.time.Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // the default below
        }
        return java.time.Duration.ofMinutes(60);
    }

    /** The OCSP responder, or empty for the one each certificate names. */
    String ocspResponder() {
        return config.getOrDefault(CertificateLoginConfigProperties.OCSP_RESPONDER, "").strip();
    }

    /**
     * The kinds of holder id this step logs in with; by default (the setting absent) the 12-digit number and the tax
     * code; the setting present but empty accepts nothing. The old CMND
     * only where an operator adds it: an account's CMND is the old portal's word, never checked on its own (a
     * verified CCCD does not prove the CMND beside it), so a CMND certificate could open the account of whoever
     * typed that CMND (review 2026-12-06, F1). An unknown name is ignored.
     */
    Set<CertificateId.Kind> acceptedIds() {
        if (!config.containsKey(CertificateLoginConfigProperties.ACCEPTED_IDS)) {
            return EnumSet.of(CertificateId.Kind.CCCD, CertificateId.Kind.MST);
        }
        // emptied in the console: nothing (never "everything", review F6c)
        List<String> named = values(CertificateLoginConfigProperties.ACCEPTED_IDS);
        Set<CertificateId.Kind> kinds = EnumSet.noneOf(CertificateId.Kind.class);
        named.forEach(name -> CertificateId.Kind.named(name).ifPresent(kinds::add));
        return kinds;
    }

    private List<String> values(String key) {
        String value = config.get(key);
        List<String> values = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return values;
        }
        for (String part : value.split(SEPARATOR)) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }
}

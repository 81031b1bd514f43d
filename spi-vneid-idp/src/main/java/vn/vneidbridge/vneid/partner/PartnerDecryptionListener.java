package vn.vneidbridge.vneid.partner;

/**
 * Told how long each decryption took and what it decrypted (the metrics), never whether it succeeded: a success
 * and a failure are the same work ({@link PartnerCipher}), and must stay so to anyone reading the metrics.
 * {@link #NONE} hears nothing.
 */
@FunctionalInterface
public interface PartnerDecryptionListener {

    PartnerDecryptionListener NONE = (what, nanos) -> { };

    void decrypted(PartnerPayload what, long nanos);
}

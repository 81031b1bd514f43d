package vn.vneidbridge.vneid.partner;

/**
 * Told how long each decryption took and what it decrypted (the metrics), never whether it succeeded. A code that
 * does not decrypt is not told at all: its key is chosen by whoever sends the callback ({@link PartnerCipher}).
 * {@link #NONE} hears nothing.
 */
@FunctionalInterface
public interface PartnerDecryptionListener {

    PartnerDecryptionListener NONE = (what, nanos) -> { };

    void decrypted(PartnerPayload what, long nanos);
}

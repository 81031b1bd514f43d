package vn.vneidbridge.sandbox.remotesigning;

import java.time.Duration;
import java.time.Instant;

/**
 * One signing request as SmartCA keeps it, from {@code signatures/sign} until it expires: what the phone shows and
 * signs, and how it was answered. Immutable; {@link Transactions} replaces it when it is answered.
 *
 * @param id          the service provider's {@code transaction_id}
 * @param tranCode    SmartCA's own code for it ({@code tran_code}), a random UUID
 * @param number      the subscriber's number ({@code user_id})
 * @param docId       {@code doc_id}: the code the phone shows large, to compare with the browser's
 * @param description {@code transaction_desc}, empty when none was sent
 * @param hash        the 32 bytes to sign
 * @param signer      the key and certificate it is signed with, chosen when it was created
 * @param csrf        the phone form's token for it
 * @param created     when it was created, by the stand-in's clock
 * @param sequence    its place among all requests, to order those created at the same instant
 * @param status      {@link Status#PENDING}, {@link Status#APPROVED} or {@link Status#REFUSED}, never expired
 * @param signature   the signature once approved, else null
 */
record Transaction(String id, String tranCode, String number, String docId, String description, byte[] hash,
                   SigningIdentity signer, String csrf, Instant created, long sequence, Status status,
                   byte[] signature) {

    /** How long a request waits for the subscriber (SmartCA's {@code expired_in}, about 300 s). */
    static final Duration LIFETIME = Duration.ofSeconds(300);

    /** Where a request stands. */
    enum Status { PENDING, APPROVED, REFUSED, EXPIRED }

    Instant expires() {
        return created.plus(LIFETIME);
    }

    /** The status at {@code now}: a request still pending at its expiry is {@link Status#EXPIRED}. */
    Status statusAt(Instant now) {
        return status == Status.PENDING && !now.isBefore(expires()) ? Status.EXPIRED : status;
    }

    Transaction answered(Status answer, byte[] value) {
        return new Transaction(id, tranCode, number, docId, description, hash, signer, csrf, created, sequence, answer,
                value);
    }

    /** Neither the hash nor the token nor the signature. */
    @Override
    public String toString() {
        return "Transaction[" + id + ", " + status + "]";
    }
}

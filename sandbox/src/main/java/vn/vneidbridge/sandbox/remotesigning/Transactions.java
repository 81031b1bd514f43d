package vn.vneidbridge.sandbox.remotesigning;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.vneidbridge.sandbox.remotesigning.Transaction.Status;

/**
 * The signing requests of the stand-in, in this JVM (the sandbox is one process): created by the API, answered once by
 * the phone, read by the status call. A {@code transaction_id} is taken once for the life of the stand-in or until
 * {@link #clear()}. Thread-safe; an answer is given at most once.
 */
final class Transactions {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Transaction> byId = new HashMap<>();
    private final Map<String, String> idByTranCode = new HashMap<>();
    private long sequence;

    Transactions(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** A new pending request; empty when {@code id} was taken already. */
    synchronized Optional<Transaction> create(String id, String number, String docId, String description, byte[] hash,
                                              SigningIdentity signer) {
        if (byId.containsKey(id)) {
            return Optional.empty();
        }
        byte[] token = new byte[32];
        random.nextBytes(token);
        Transaction created = new Transaction(id, UUID.randomUUID().toString(), number, docId,
                description == null ? "" : description, hash.clone(), signer,
                Base64.getUrlEncoder().withoutPadding().encodeToString(token), now(), ++sequence, Status.PENDING, null);
        byId.put(id, created);
        idByTranCode.put(created.tranCode(), id);
        return Optional.of(created);
    }

    /** A request by its {@code transaction_id} or, failing that, its {@code tran_code}. */
    synchronized Optional<Transaction> find(String idOrTranCode) {
        Transaction found = byId.get(idOrTranCode);
        if (found == null && idByTranCode.containsKey(idOrTranCode)) {
            found = byId.get(idByTranCode.get(idOrTranCode));
        }
        return Optional.ofNullable(found);
    }

    /** The subscriber's requests still waiting for an answer now, newest first. */
    synchronized List<Transaction> pending(String number) {
        Instant now = now();
        return byId.values().stream()
                .filter(transaction -> transaction.number().equals(number))
                .filter(transaction -> transaction.statusAt(now) == Status.PENDING)
                .sorted(Comparator.comparingLong(Transaction::sequence).reversed())
                .toList();
    }

    /** Records the signature; false when the request is not pending any more (answered, expired or gone). */
    synchronized boolean approve(String id, byte[] signature) {
        return answer(id, Status.APPROVED, signature.clone());
    }

    /** Records the refusal; false when the request is not pending any more. */
    synchronized boolean refuse(String id) {
        return answer(id, Status.REFUSED, null);
    }

    /** Forgets every request. */
    synchronized void clear() {
        byId.clear();
        idByTranCode.clear();
    }

    private boolean answer(String id, Status answer, byte[] signature) {
        Transaction current = byId.get(id);
        if (current == null || current.statusAt(now()) != Status.PENDING) {
            return false;
        }
        byId.put(id, current.answered(answer, signature));
        return true;
    }
}

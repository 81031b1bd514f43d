package vn.vneidbridge.sandbox.remotesigning;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.vneidbridge.sandbox.remotesigning.SmartCaJson.CertificateQuery;
import vn.vneidbridge.sandbox.remotesigning.SmartCaJson.MalformedRequest;
import vn.vneidbridge.sandbox.remotesigning.SmartCaJson.SignRequest;

/**
 * VNPT SmartCA v1's three calls as the stand-in answers them, the body already read and the mode applied:
 * {@code credentials/get_certificate} and {@code signatures/sign} with the service provider's credentials,
 * {@code signatures/sign/{id}/status} without (the id is the {@code transaction_id}, or SmartCA's {@code tran_code}:
 * which one VNPT expects is not settled, so both are found). HTTP status = {@code status_code}.
 */
final class SmartCaApi {

    static final String BASE = "/sca/sp769";
    static final String GET_CERTIFICATE = BASE + "/v1/credentials/get_certificate";
    static final String SIGN = BASE + "/v1/signatures/sign";
    private static final String STATUS = "/status";

    private static final Logger LOG = System.getLogger(SmartCaApi.class.getName());

    /** One call's answer from its JSON body, credentials checked. */
    @FunctionalInterface
    private interface Call {
        Answer answer(Map<String, Object> json) throws MalformedRequest;
    }

    private final Subscribers subscribers;
    private final Transactions transactions;
    private final Supplier<Misbehaviour> misbehaviour;

    SmartCaApi(Subscribers subscribers, Transactions transactions, Supplier<Misbehaviour> misbehaviour) {
        this.subscribers = subscribers;
        this.transactions = transactions;
        this.misbehaviour = misbehaviour;
    }

    Answer answer(String rawPath, String method, byte[] body) {
        Optional<String> statusOf = UrlSegments.between(rawPath, SIGN + "/", STATUS);
        if (!rawPath.equals(GET_CERTIFICATE) && !rawPath.equals(SIGN) && statusOf.isEmpty()) {
            return error(404, "NOT_FOUND");
        }
        if (!method.equals("POST")) {
            return error(405, "METHOD_NOT_ALLOWED").withHeader("Allow", "POST");
        }
        if (statusOf.isPresent()) {
            return status(statusOf.get());
        }
        return withCredentials(body, rawPath.equals(SIGN) ? this::sign : this::certificates);
    }

    static Answer error(int status, String message) {
        return Answer.json(status, SmartCaJson.answer(status, message, null));
    }

    private static Answer ok(String message, Object data) {
        return Answer.json(200, SmartCaJson.answer(200, message, data));
    }

    private Answer withCredentials(byte[] body, Call call) {
        try {
            Map<String, Object> json = SmartCaJson.parseObject(body);
            if (!same(json.get("sp_id"), SmartCaStandIn.SP_ID)
                    || !same(json.get("sp_password"), SmartCaStandIn.SP_PASSWORD)) {
                LOG.log(Level.DEBUG, "SmartCA stand-in: wrong service provider credentials");
                return error(401, "SP_CREDENTIAL_INVALID");
            }
            return call.answer(json);
        } catch (MalformedRequest e) {
            LOG.log(Level.DEBUG, "SmartCA stand-in: bad request: {0}", e.getMessage());
            return error(400, "BAD_REQUEST");
        }
    }

    private Answer certificates(Map<String, Object> json) throws MalformedRequest {
        CertificateQuery query = SmartCaJson.certificateQuery(json);
        return ok(SmartCaJson.SUCCESS, SmartCaJson.certificates(held(query.userId())
                .filter(identity -> query.serialNumber() == null || query.serialNumber().isBlank()
                        || sameSerial(identity, query.serialNumber()))
                .stream().toList()));
    }

    private Answer sign(Map<String, Object> json) throws MalformedRequest {
        SignRequest request = SmartCaJson.signRequest(json);
        Optional<SigningIdentity> signer = held(request.userId());
        if (signer.isEmpty()) {
            return error(400, "USER_NOT_FOUND");
        }
        if (!sameSerial(signer.get(), request.serialNumber())) {
            return error(400, "CREDENTIAL_NOT_FOUND");
        }
        Optional<Transaction> created = transactions.create(request.transactionId(), request.userId(),
                request.docId(), request.description(), request.hash(), signer.get());
        if (created.isEmpty()) {
            return error(400, "TRANSACTION_EXISTS");
        }
        LOG.log(Level.DEBUG, "SmartCA stand-in: signing request for subscriber {0}, waiting for the phone",
                request.userId());
        return ok(SmartCaJson.WAITING, SmartCaJson.waiting(created.get()));
    }

    private Answer status(String id) {
        Optional<Transaction> found = transactions.find(id);
        if (found.isEmpty()) {
            return error(400, "TRANSACTION_NOT_FOUND");
        }
        Transaction transaction = found.get();
        return switch (transaction.statusAt(transactions.now())) {
            case PENDING -> ok(SmartCaJson.WAITING, SmartCaJson.status(transaction, false));
            case REFUSED -> ok("REJECTED", SmartCaJson.status(transaction, false));
            case EXPIRED -> ok("EXPIRED", SmartCaJson.status(transaction, false));
            case APPROVED -> ok(SmartCaJson.SUCCESS, SmartCaJson.status(transaction, true));
        };
    }

    /**
     * What SmartCA holds for {@code number}: its subscriber's identity, or with {@link Misbehaviour.CertificateOf}
     * that persona's for every subscriber; empty for a number that is no subscriber.
     */
    private Optional<SigningIdentity> held(String number) {
        Optional<SigningIdentity> own = subscribers.identity(number);
        return misbehaviour.get() instanceof Misbehaviour.CertificateOf other
                ? own.map(ignored -> subscribers.identityOf(other.file())) : own;
    }

    private static boolean sameSerial(SigningIdentity identity, String hex) {
        try {
            return new BigInteger(hex.strip(), 16).equals(identity.leaf().getSerialNumber());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Constant time, so the stand-in is no example of a leaky comparison. */
    private static boolean same(Object sent, String expected) {
        return sent instanceof String text && MessageDigest.isEqual(text.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}

package vn.vneidbridge.sandbox.remotesigning;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.remotesigning.Transaction.Status;

/**
 * The subscriber's phone: {@code GET /phone/{number}} lists the waiting requests, {@code POST
 * /phone/{number}/{transaction_id}} answers one ({@code csrf}, {@code answer} = {@code approve} with {@code pin}, or
 * {@code refuse}). Confirming signs the request's hash with the key it was created for (see {@link HashSigner}); the
 * PIN is the sandbox CA's, {@value SandboxCertificateAuthority#PIN}. The same answers are the tests' methods
 * ({@link #approveNewest}, {@link #refuseNewest}).
 */
final class Phone {

    static final String PREFIX = "/phone/";

    private static final Logger LOG = System.getLogger(Phone.class.getName());
    private static final byte[] PIN = SandboxCertificateAuthority.PIN.getBytes(StandardCharsets.UTF_8);

    private final Transactions transactions;
    private final Supplier<Misbehaviour> misbehaviour;

    Phone(Transactions transactions, Supplier<Misbehaviour> misbehaviour) {
        this.transactions = transactions;
        this.misbehaviour = misbehaviour;
    }

    /** The answer to a request under {@value #PREFIX}. */
    Answer answer(String rawPath, String method, byte[] body) {
        String[] segments = rawPath.substring(PREFIX.length()).split("/", -1);
        Optional<String> number = UrlSegments.decode(segments[0]);
        if (number.isEmpty() || segments.length > 2) {
            return Answer.text(404, "not found");
        }
        if (segments.length == 1) {
            return method.equals("GET") ? list(number.get(), null)
                    : Answer.text(405, "method not allowed").withHeader("Allow", "GET");
        }
        Optional<String> id = UrlSegments.decode(segments[1]);
        if (id.isEmpty()) {
            return Answer.text(404, "not found");
        }
        return method.equals("POST") ? respond(number.get(), id.get(), body)
                : Answer.text(405, "method not allowed").withHeader("Allow", "POST");
    }

    /** Confirms the subscriber's newest waiting request, as its form with the right PIN does; false for none. */
    boolean approveNewest(String number) {
        return transactions.pending(number).stream().findFirst().map(this::approve).orElse(false);
    }

    /** Refuses the subscriber's newest waiting request; false for none. */
    boolean refuseNewest(String number) {
        return transactions.pending(number).stream().findFirst()
                .map(transaction -> transactions.refuse(transaction.id())).orElse(false);
    }

    private Answer respond(String number, String id, byte[] body) {
        Optional<Transaction> found = transactions.find(id)
                .filter(transaction -> transaction.id().equals(id) && transaction.number().equals(number));
        if (found.isEmpty()) {
            return page(404, number, PhonePage.NOT_PENDING);
        }
        Transaction transaction = found.get();
        Map<String, String> form = form(body);
        if (!same(form.get("csrf"), transaction.csrf().getBytes(StandardCharsets.US_ASCII))) {
            return page(403, number, PhonePage.FORBIDDEN);
        }
        if (transaction.statusAt(transactions.now()) != Status.PENDING) {
            return page(200, number, PhonePage.NOT_PENDING);
        }
        String answer = form.getOrDefault("answer", "");
        if (answer.equals("approve")) {
            if (!same(form.get("pin"), PIN)) {
                LOG.log(Level.DEBUG, "SmartCA stand-in: wrong PIN on the phone of subscriber {0}", number);
                return list(number, PhonePage.WRONG_PIN);
            }
            return page(200, number, approve(transaction) ? PhonePage.APPROVED : PhonePage.NOT_PENDING);
        }
        if (answer.equals("refuse")) {
            return page(200, number, transactions.refuse(id) ? PhonePage.REFUSED : PhonePage.NOT_PENDING);
        }
        return page(400, number, PhonePage.BAD_ANSWER);
    }

    private boolean approve(Transaction transaction) {
        byte[] hash = misbehaviour.get() instanceof Misbehaviour.SignOtherHash
                ? HashSigner.otherHash(transaction.hash()) : transaction.hash();
        boolean approved = transactions.approve(transaction.id(), HashSigner.sign(transaction.signer().key(), hash));
        LOG.log(Level.DEBUG, "SmartCA stand-in: subscriber {0} confirmed a request: {1}", transaction.number(),
                approved);
        return approved;
    }

    private Answer list(String number, String alert) {
        return Answer.html(200, PhonePage.list(number, transactions.pending(number), transactions.now(), alert));
    }

    private static Answer page(int status, String number, String text) {
        return Answer.html(status, PhonePage.result(number, text));
    }

    /** An {@code application/x-www-form-urlencoded} body; the first of repeated names; empty when malformed. */
    private static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (!pair.isEmpty()) {
                    String[] nameValue = pair.split("=", 2);
                    fields.putIfAbsent(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                            nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
                }
            }
            return fields;
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** Constant time: a token and a PIN are compared without telling how much of them was right. */
    private static boolean same(String sent, byte[] expected) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected);
    }
}

package vn.vneidbridge.certificate.remote;

import java.security.cert.X509Certificate;
import java.util.List;
import org.keycloak.provider.Provider;

/**
 * A remote-signing service as a login needs it: the certificates it holds for an id, a request that the holder sign a
 * challenge's hash on the phone, and the request's progress. Every answer is one of the sealed results below; a
 * service that does not answer in time is {@link Unavailable}, never an exception. The scheme a signature is made
 * with is the adapter's setting, never taken from an answer.
 */
public interface RemoteSigningService extends Provider {

    /** The certificates the service holds for {@code id} (a personal id, CMND or tax code as typed). */
    Certificates certificates(String id);

    /** Asks the holder to sign on the phone. */
    Started start(SignRequest request);

    /** Where a request stands, by the reference the service gave at {@link #start}. */
    Progress progress(String reference);

    SignatureScheme scheme();

    /** Whether the adapter has what it needs to call its provider (an endpoint, credentials). */
    default boolean configured() {
        return true;
    }

    /** One certificate the service offers: its serial as the service names it, the leaf first, then its CA. */
    record Offer(String serial, List<X509Certificate> chain) {
        public Offer {
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("an offer without a certificate");
            }
        }

        public X509Certificate leaf() {
            return chain.get(0);
        }
    }

    /**
     * A request to sign.
     *
     * @param sha256        the challenge's SHA-256 ({@link LoginChallenge#sha256()})
     * @param code          the challenge's code, shown on the phone beside the description
     * @param transactionId this login's own id of the request, never sent twice
     */
    record SignRequest(String id, String serial, byte[] sha256, String code, String description,
                       String transactionId) {
        public SignRequest {
            if (sha256 == null || sha256.length != 32) {
                throw new IllegalArgumentException("a SHA-256 has 32 bytes");
            }
            sha256 = sha256.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        @Override
        public String toString() {
            return "SignRequest[transaction " + transactionId + "]";
        }
    }

    sealed interface Certificates permits Found, NotSubscribed, Unavailable {
    }

    sealed interface Started permits Sent, NotSubscribed, Unavailable {
    }

    sealed interface Progress permits Pending, Signed, Refused, Expired, Unavailable {
    }

    /** The certificates held for the id (at least one). */
    record Found(List<Offer> offers) implements Certificates {
        public Found {
            offers = List.copyOf(offers);
            if (offers.isEmpty()) {
                throw new IllegalArgumentException("found, but nothing");
            }
        }
    }

    /** No usable certificate for the id: not a subscriber, or none active. One answer for both. */
    record NotSubscribed() implements Certificates, Started {
    }

    /** The service did not answer, or answered what the adapter cannot read; {@code reason} for the log only. */
    record Unavailable(String reason) implements Certificates, Started, Progress {
    }

    /** The request reached the phone; the service's reference to ask about it. */
    record Sent(String reference) implements Started {
    }

    /** Not yet approved or refused. */
    record Pending() implements Progress {
    }

    /** Approved: the signature over the challenge. */
    record Signed(byte[] signature) implements Progress {
        public Signed {
            signature = signature == null ? new byte[0] : signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /** The holder refused on the phone. */
    record Refused() implements Progress {
    }

    /** The service's own time ran out. */
    record Expired() implements Progress {
    }
}

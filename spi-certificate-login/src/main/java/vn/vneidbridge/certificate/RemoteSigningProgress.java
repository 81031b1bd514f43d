package vn.vneidbridge.certificate;

import org.keycloak.models.KeycloakSession;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions.State;
import vn.vneidbridge.certificate.remote.RemoteSigningService;

/**
 * What the phone has answered, asked of the provider at most once every {@value #ASK_EVERY_MILLIS} ms per waiting page
 * however many tabs or nodes poll it (an atomic claim in the store, review 2026-12-07 R1), and kept in the store for the finish and the other nodes. An outage is answered as
 * {@link State#UNAVAILABLE} for this poll only: the page keeps waiting, and the next poll asks again. The signature
 * itself is not kept: the finish fetches it and checks it.
 */
final class RemoteSigningProgress {

    static final long ASK_EVERY_MILLIS = 2000;

    private RemoteSigningProgress() {
    }

    /**
     * The phone's answer now known for {@code handle}: the stored one when it is final or fresh, else the provider's.
     *
     * @param always ask the provider even if it was asked within the last 2 s (a finish without script)
     */
    static State refresh(KeycloakSession session, RemoteSigningStore store, String handle,
                         RemoteSigningStore.Entry entry, long nowMillis, boolean always) {
        RemoteSigningStore.Answer known = store.answer(handle);
        if (known.state() != State.PENDING || !always && (nowMillis - known.askedAt() < ASK_EVERY_MILLIS
                || !store.claimAsk(handle))) {
            return known.state();
        }
        RemoteSigningService service = entry.provider() == null ? null
                : session.getProvider(RemoteSigningService.class, entry.provider());
        if (service == null) {
            return State.UNAVAILABLE;
        }
        State state = state(service.progress(entry.reference()));
        State kept = state == State.UNAVAILABLE ? State.PENDING : state;
        store.saveAnswer(handle, entry, new RemoteSigningStore.Answer(kept, nowMillis), nowMillis / 1000);
        return state;
    }

    static State state(RemoteSigningService.Progress progress) {
        if (progress instanceof RemoteSigningService.Signed) {
            return State.READY;
        }
        if (progress instanceof RemoteSigningService.Refused) {
            return State.REFUSED;
        }
        if (progress instanceof RemoteSigningService.Expired) {
            return State.EXPIRED;
        }
        return progress instanceof RemoteSigningService.Pending ? State.PENDING : State.UNAVAILABLE;
    }
}

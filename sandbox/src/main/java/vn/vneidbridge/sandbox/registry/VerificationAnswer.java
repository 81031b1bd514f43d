package vn.vneidbridge.sandbox.registry;

import java.util.Optional;

/**
 * What the registry answers to one request: {@code 01} when nobody has the id number, else {@code 00} with either
 * the citizen's record or, in bare-flag mode, only whether every field sent matches.
 *
 * @param requestId the request id to echo, or null
 * @param citizen   the citizen found; empty for {@code 01}
 * @param matchFlag the match flag in bare-flag mode, else empty (the record is sent)
 */
record VerificationAnswer(String requestId, Optional<Citizen> citizen, Optional<Boolean> matchFlag) {

    /** Looks the request up in {@code database}. */
    static VerificationAnswer answer(VerificationRequest request, PopulationDatabase database, boolean bareFlag) {
        Optional<Citizen> citizen = database.find(request.idNumber());
        Optional<Boolean> flag = bareFlag ? citizen.map(request::matches) : Optional.empty();
        return new VerificationAnswer(request.requestId(), citizen, flag);
    }

    /** {@code 00} processed, {@code 01} no such citizen. */
    String resultCode() {
        return citizen.isPresent() ? "00" : "01";
    }
}

package vn.vneidbridge.certificate.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions.AtFinish;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions.Entry;
import vn.vneidbridge.certificate.remote.RemoteSigningDecisions.State;

class RemoteSigningDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    private static Entry entry(State state, boolean used) {
        return new Entry("root", "tab", NOW.plusSeconds(60), state, used);
    }

    @Test
    void thenOnlyThisBrowsersLoginMayFinishIt() {
        assertThat(RemoteSigningDecisions.atFinish(entry(State.READY, false), "root", "tab", NOW))
                .isEqualTo(AtFinish.READY);
        assertThat(RemoteSigningDecisions.atFinish(entry(State.READY, false), "another root", "tab", NOW))
                .isEqualTo(AtFinish.FOREIGN);
        assertThat(RemoteSigningDecisions.atFinish(entry(State.READY, false), "root", "another tab", NOW))
                .isEqualTo(AtFinish.FOREIGN);
        assertThat(RemoteSigningDecisions.atFinish(null, "root", "tab", NOW)).isEqualTo(AtFinish.FOREIGN);
    }

    @Test
    void thenATakenOrLateEntryLogsNobodyIn() {
        assertThat(RemoteSigningDecisions.atFinish(entry(State.READY, true), "root", "tab", NOW))
                .isEqualTo(AtFinish.USED);
        assertThat(RemoteSigningDecisions.atFinish(entry(State.READY, false), "root", "tab", NOW.plusSeconds(60)))
                .isEqualTo(AtFinish.EXPIRED);
        assertThat(RemoteSigningDecisions.atFinish(entry(State.EXPIRED, false), "root", "tab", NOW))
                .isEqualTo(AtFinish.EXPIRED);
    }

    @Test
    void thenThePhonesAnswerDecidesTheRest() {
        assertThat(RemoteSigningDecisions.atFinish(entry(State.PENDING, false), "root", "tab", NOW))
                .isEqualTo(AtFinish.NOT_READY);
        assertThat(RemoteSigningDecisions.atFinish(entry(State.REFUSED, false), "root", "tab", NOW))
                .isEqualTo(AtFinish.REFUSED);
        assertThat(RemoteSigningDecisions.atFinish(entry(State.UNAVAILABLE, false), "root", "tab", NOW))
                .isEqualTo(AtFinish.UNAVAILABLE);
    }
}

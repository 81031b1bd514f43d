package vn.vneidbridge.legacy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkCandidatesTest {

    private static final String AT = "2026-12-01T10:00:00Z";

    @Test
    void aUserHoldingTheNumberVerifiedIsALinkCandidate() {
        assertThat(LinkCandidates.linkable("true", null, null)).isTrue();
    }

    @Test
    void aUserDisownedByAVneidHolderIsOnlyToConfirmEvenIfMarkedVerifiedAgain() {
        // cccd_disputed_at stays when something writes cccd_verified=true again: the CCCD check refuses it there too
        assertThat(LinkCandidates.linkable("true", null, AT)).isFalse();
    }

    @Test
    void anUnverifiedOrUnlinkedUserIsOnlyToConfirm() {
        assertThat(LinkCandidates.linkable(null, null, null)).isFalse();
        assertThat(LinkCandidates.linkable("false", null, null)).isFalse();
        assertThat(LinkCandidates.linkable("true", AT, null)).isFalse();
    }
}

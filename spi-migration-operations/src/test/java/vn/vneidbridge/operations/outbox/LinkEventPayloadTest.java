package vn.vneidbridge.operations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkEventPayloadTest {

    @Test
    void theBodyHasTheDocumentedFieldsInOrder() {
        String json = new LinkEventPayload("e1", "dvc", "u1", "L-001", "CITIZEN", "052189000123",
                "2026-11-23T08:00:00Z", Instant.parse("2026-11-23T08:00:01Z")).toJson("dvcqg-portal", true);
        assertThat(json).isEqualTo("{\"id\":\"e1\",\"type\":\"vneid.account.linked\",\"realm\":\"dvc\","
                + "\"aud\":\"dvcqg-portal\",\"sub\":\"u1\","
                + "\"legacy_account_id\":\"L-001\",\"legacy_account_type\":\"CITIZEN\",\"cccd\":\"052189000123\","
                + "\"vneid_linked_at\":\"2026-11-23T08:00:00Z\",\"occurred_at\":\"2026-11-23T08:00:01Z\"}");
    }

    @Test
    void anUnverifiedCccdIsLeftOut() {
        String json = new LinkEventPayload("e1", "dvc", "u1", null, null, null, "t", Instant.EPOCH)
                .toJson("dvcqg-portal", true);
        assertThat(json).doesNotContain("cccd");
    }

    @Test
    void aPortalNotEntitledToIdentityDataGetsNoNumberButTheSameEvent() {
        LinkEventPayload payload = new LinkEventPayload("e1", "dvc", "u1", "L-001", "CITIZEN", "052189000123",
                "2026-11-23T08:00:00Z", Instant.parse("2026-11-23T08:00:01Z"));
        String json = payload.toJson("dvc-binhduong-web", false);
        assertThat(json).isEqualTo("{\"id\":\"e1\",\"type\":\"vneid.account.linked\",\"realm\":\"dvc\","
                + "\"aud\":\"dvc-binhduong-web\",\"sub\":\"u1\",\"legacy_account_id\":\"L-001\","
                + "\"legacy_account_type\":\"CITIZEN\",\"vneid_linked_at\":\"2026-11-23T08:00:00Z\","
                + "\"occurred_at\":\"2026-11-23T08:00:01Z\"}");
        assertThat(json).doesNotContain("052189000123");
    }

    @Test
    void oneLinkHasOneIdWhateverEventReportsIt() {
        String first = LinkEventPayload.eventId("realm", "user", "subject", "2026-11-23T08:00:00Z");
        assertThat(LinkEventPayload.eventId("realm", "user", "subject", "2026-11-23T08:00:00Z")).isEqualTo(first);
        assertThat(LinkEventPayload.eventId("realm", "user", "subject", "2026-11-24T08:00:00Z"))
                .as("a new link after an unlink is a new event").isNotEqualTo(first);
        assertThat(LinkEventPayload.eventId("realm", "other", "subject", "2026-11-23T08:00:00Z")).isNotEqualTo(first);
    }

    @Test
    void anUnlinkHasItsOwnTypeAndNoLinkTime() {
        String json = new LinkEventPayload("e2", LinkEventPayload.UNLINKED, "dvc", "u1", "L-001", "CITIZEN",
                "052189000123", null, Instant.parse("2026-11-24T08:00:01Z")).toJson("dvcqg-portal", true);
        assertThat(json).isEqualTo("{\"id\":\"e2\",\"type\":\"vneid.account.unlinked\",\"realm\":\"dvc\","
                + "\"aud\":\"dvcqg-portal\",\"sub\":\"u1\",\"legacy_account_id\":\"L-001\",\"legacy_account_type\":\"CITIZEN\","
                + "\"cccd\":\"052189000123\",\"occurred_at\":\"2026-11-24T08:00:01Z\"}");
    }
}

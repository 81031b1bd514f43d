package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.vneid.partner.PartnerRefusal;

class VneidMetricsTest {

    @Test
    void refusalReasonsAreTheChecksAndStepsSupportStaffQuote() {
        assertThat(VneidMetrics.reason(VneidRefusal.LEVEL_TOO_LOW)).isEqualTo("V2_level_too_low");
        assertThat(VneidMetrics.reason(PartnerRefusal.CODE_REFUSED)).isEqualTo("P1_code_refused");
        assertThat(VneidMetrics.reason(PartnerRefusal.NOT_CONFIGURED)).isEqualTo("P7_no_key");
        assertThat(VneidMetrics.REASONS).contains("V1_id_number_invalid", "V3_inconsistent_identity",
                "V4_full_name_missing", "P2_client_refused", "P3_userinfo_refused", "P4_answer_unreadable",
                "P5_unavailable", "P6_timeout", VneidMetrics.LEVEL_NOT_MET).doesNotHaveDuplicates();
    }

    @Test
    void theOrganisationsRefusalsArePublishedToo() {
        assertThat(VneidMetrics.reason(VneidRefusal.ORGANISATION_NOT_ACCEPTED))
                .isEqualTo("O0_organisation_not_accepted");
        assertThat(VneidMetrics.REASONS).contains("O0_organisation_not_accepted", "O1_tax_code_invalid",
                "O3_organisation_name_missing", "link_citizen_account", "link_tax_code_mismatch");
    }

    @Test
    void levelsAreOneTwoOrUnknownWhateverVneidSent() {
        assertThat(VneidMetrics.level("LoA2")).isEqualTo("2");
        assertThat(VneidMetrics.level("1")).isEqualTo("1");
        assertThat(VneidMetrics.level("052189000123")).isEqualTo("unknown");
        assertThat(VneidMetrics.level(null)).isEqualTo("unknown");
    }

    @Test
    void everySeriesIsPublishedAtZeroAndNoneOther() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        VneidMetrics.register(meters);

        assertThat(meters.find(VneidMetrics.LOGINS).counters()).hasSize(2 * 3)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(meters.find(VneidMetrics.REFUSALS).counters()).hasSize(VneidMetrics.REASONS.size());
        assertThat(meters.find(VneidMetrics.LOGINS).tag("protocol", "partner-api").tag("level", "2").counter())
                .isNotNull();
        assertThat(meters.getMeters()).extracting(Meter::getId).allSatisfy(id -> assertThat(id.getTags())
                .allSatisfy(tag -> assertThat(tag.getValue()).doesNotContainPattern("\\d{9,}")));
    }
}

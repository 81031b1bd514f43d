package vn.vneidbridge.vneid;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.vneidbridge.vneid.partner.PartnerRefusal;

/**
 * VNeID logins on Keycloak's {@code /metrics}, tags from fixed sets only:
 * <ul>
 *   <li>{@code vneid_bridge_vneid_logins_total{protocol,level}} — VNeID logins (and links, re-logins) that Keycloak
 *       finished, by protocol ({@code oidc}, {@code partner-api}) and account level ({@code 1}, {@code 2},
 *       {@code unknown}). How the citizen authenticated at VNeID (password, QR code in the app) is VNeID's own and
 *       not told to relying parties;</li>
 *   <li>{@code vneid_bridge_vneid_refusals_total{reason}} — VNeID logins refused, by {@link #REASONS}: the checks
 *       V1–V4 and O0, O1, O3 ({@link VneidRefusal}), the partner-API steps P1–P7 ({@link PartnerRefusal}), the
 *       portal's level not met ({@value #LEVEL_NOT_MET}) and the link guard's refusals ({@link VneidLinkGuard});</li>
 *   <li>{@code vneid_partner_api_decrypt_seconds{what}} — the partner API's decryptions
 *       ({@link PartnerDecryptionTimers}).</li>
 * </ul>
 */
public final class VneidMetrics {

    static final String LOGINS = "vneid.bridge.vneid.logins";
    static final String REFUSALS = "vneid.bridge.vneid.refusals";
    public static final String LEVEL_NOT_MET = "level_not_met";
    static final String LINK_ID_MISMATCH = "link_id_mismatch";
    static final String LINK_ADMINISTRATOR = "link_administrator";
    static final String LINK_ORGANISATION = "link_organisation";
    /** An organisation's VNeID account bound to a citizen's account (or any account that is no organisation's). */
    static final String LINK_CITIZEN_ACCOUNT = "link_citizen_account";
    /** An organisation's VNeID account whose tax code is not the organisation account's verified one. */
    static final String LINK_TAX_CODE_MISMATCH = "link_tax_code_mismatch";
    static final String UNLINK_REAUTH_MISMATCH = "unlink_reauth_mismatch";

    /** Every refusal reason. */
    static final List<String> REASONS = reasons();
    static final List<String> LEVELS = List.of(VneidLevel.LEVEL_1.value(), VneidLevel.LEVEL_2.value(), "unknown");

    private VneidMetrics() {
    }

    private static List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        for (VneidRefusal refusal : VneidRefusal.values()) {
            reasons.add(reason(refusal));
        }
        for (PartnerRefusal refusal : PartnerRefusal.values()) {
            reasons.add(reason(refusal));
        }
        reasons.addAll(List.of(LEVEL_NOT_MET, LINK_ID_MISMATCH, LINK_ADMINISTRATOR, LINK_ORGANISATION,
                LINK_CITIZEN_ACCOUNT, LINK_TAX_CODE_MISMATCH, UNLINK_REAUTH_MISMATCH));
        return List.copyOf(reasons);
    }

    /** {@code V2_level_too_low}, {@code O1_tax_code_invalid}: the check's number and its reason. */
    static String reason(VneidRefusal refusal) {
        return refusal.eventReason().substring("vneid-".length()).replace('-', '_');
    }

    /** {@code P1_code_refused} … {@code P7_no_key}: the step's number and its reason. */
    static String reason(PartnerRefusal refusal) {
        return refusal.code() + "_" + refusal.eventReason().substring("vneid-partner-".length());
    }

    /** {@code 1}, {@code 2} or {@code unknown}. */
    static String level(String raw) {
        return VneidLevel.parse(raw).map(VneidLevel::value).orElse("unknown");
    }

    /** Every series at zero, so that dashboards and alerts see them before the first login. */
    static void register(MeterRegistry meters) {
        new PartnerDecryptionTimers(meters);
        for (VneidProtocol protocol : VneidProtocol.values()) {
            for (String level : LEVELS) {
                logins(meters, protocol, level);
            }
        }
        for (String reason : REASONS) {
            refusals(meters, reason);
        }
    }

    static void login(VneidProtocol protocol, String rawLevel) {
        logins(Metrics.globalRegistry, protocol, level(rawLevel)).increment();
    }

    static void refused(VneidRefusal refusal) {
        refused(reason(refusal));
    }

    static void refused(PartnerRefusal refusal) {
        refused(reason(refusal));
    }

    /** One refusal; a reason outside {@link #REASONS} is never published. */
    public static void refused(String reason) {
        Optional.ofNullable(reason).filter(REASONS::contains)
                .ifPresent(known -> refusals(Metrics.globalRegistry, known).increment());
    }

    private static Counter logins(MeterRegistry meters, VneidProtocol protocol, String level) {
        return Counter.builder(LOGINS).description("VNeID logins finished, by protocol and account level")
                .tag("protocol", protocol.value()).tag("level", level).register(meters);
    }

    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder(REFUSALS).description("VNeID logins refused, by reason").tag("reason", reason)
                .register(meters);
    }
}

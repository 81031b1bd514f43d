package vn.vneidbridge.operations.bulk;

import java.util.List;
import vn.vneidbridge.cccd.registry.RegistryResult;

/**
 * How fast a bulk job calls the registry. The server caps all jobs together ({@code bulkMaxRatePerSecond} of the
 * registry adapter, {@link vn.vneidbridge.cccd.registry.BackgroundLane}): each active job of the cluster gets an equal
 * share of the cap (a job runs on one node at a time, so the shares add up to at most the cap), and never more than
 * the rate it was given. A quota refusal ({@code http-429}) halves the job's pace, down to {@link #FLOOR}; each batch
 * without one brings it back up by a tenth of its share (additive increase, multiplicative decrease).
 */
final class BulkRate {

    /** The slowest a job goes: one call a second. */
    static final int FLOOR = 1;
    static final String QUOTA_REFUSED = "http-429";

    private BulkRate() {
    }

    /** A rate cut to the server's cap. */
    static int clamp(int requested, int cap) {
        return Math.max(FLOOR, Math.min(requested, cap));
    }

    /** The job's share of the cap while {@code activeJobs} jobs (this one included) are active in the cluster. */
    static int share(int requested, int cap, int activeJobs) {
        return clamp(requested, Math.max(FLOOR, cap / Math.max(1, activeJobs)));
    }

    /** The pace after the registry refused a call for quota. */
    static int afterQuotaRefusal(int pace) {
        return Math.max(FLOOR, pace / 2);
    }

    /** The pace after a batch the registry did not refuse for quota: back towards the share. */
    static int afterCalmBatch(int pace, int share) {
        return Math.min(share, pace + Math.max(1, share / 10));
    }

    /** Whether the registry refused any of these calls for quota. */
    static boolean quotaRefused(List<RegistryResult> answers) {
        return answers.stream().anyMatch(BulkRate::quotaRefused);
    }

    static boolean quotaRefused(RegistryResult answer) {
        return answer instanceof RegistryResult.Unavailable unavailable
                && QUOTA_REFUSED.equals(unavailable.reason());
    }
}

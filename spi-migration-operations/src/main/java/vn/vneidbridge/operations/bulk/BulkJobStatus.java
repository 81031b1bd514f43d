package vn.vneidbridge.operations.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A job as the admin API shows it: definition, state, counts per outcome, progress and ETA. No personal data. */
final class BulkJobStatus {

    private BulkJobStatus() {
    }

    static Map<String, Object> of(BulkJobEntity job, long now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.getId());
        view.put("state", job.getState());
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("provinces", BulkJobs.split(job.getProvinces()));
        definition.put("accountTypes", BulkJobs.split(job.getAccountTypes()));
        definition.put("createdFrom", job.getCreatedFrom());
        definition.put("createdTo", job.getCreatedTo());
        definition.put("ratePerSecond", job.getRatePerSecond());
        definition.put("concurrency", job.getConcurrency());
        definition.put("registry", job.getRegistryId());
        view.put("definition", definition);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("verified", job.getVerified());
        counts.put("mismatch", job.getMismatched());
        counts.put("notFound", job.getNotFound());
        counts.put("conflict", job.getConflicts());
        counts.put("registryError", job.getRegistryErrors());
        counts.put("skipped", job.getSkipped());
        view.put("counts", counts);
        view.put("total", job.getTotalRows());
        view.put("processed", job.getProcessed());
        JobState state = JobState.valueOf(job.getState());
        if (job.getTotalRows() != null) {
            JobProgress progress = new JobProgress(job.getTotalRows(), job.getProcessed(), job.getRunStartProcessed(),
                    Optional.ofNullable(job.getRunStartedAt()).orElse(now), now);
            view.put("percent", state == JobState.DONE ? 100 : progress.percent());
            if (state == JobState.RUNNING) {
                view.put("etaSeconds", progress.eta().map(Duration::toSeconds).orElse(null));
            }
        }
        view.put("createdAt", Instant.ofEpochMilli(job.getCreatedAt()).toString());
        view.put("createdBy", job.getCreatedBy());
        view.put("updatedAt", Instant.ofEpochMilli(job.getUpdatedAt()).toString());
        if (job.getFinishedAt() != null) {
            view.put("finishedAt", Instant.ofEpochMilli(job.getFinishedAt()).toString());
        }
        return view;
    }
}

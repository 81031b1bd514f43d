package vn.vneidbridge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The bulk pre-verification's own pace (issue 18, B5): a job over the whole legacy database, started through the
 * admin REST as an operator would ({@code POST …/vneid-bridge/bulk-verification/jobs}), measured once it runs over a
 * window in which nothing else loads the server: accounts settled per second (from the job's own progress), the
 * registry calls the simulator received, the CPU-seconds of the server's JVM and of the runner's, which holds the
 * simulator (so the simulator's cost is shown beside ours, never inside it). The job is left running for the next
 * window (logins measured while it runs) and cancelled by {@link #cancel}.
 */
final class BulkWindow {

    static final String REALM = LoginSimulation.REALM;
    private static final String JOBS = "/admin/realms/" + REALM + "/vneid-bridge/bulk-verification/jobs";
    /** The jobs are polled every 10 s on each node: a started job runs within that, plus its count. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** What a window measured. */
    record Result(long accounts, double seconds, long registryCalls, double serverCpuSeconds,
                  double runnerCpuSeconds, long peakRssBytes, String load, long total, String state) {

        double accountsPerSecond() {
            return seconds <= 0 ? Double.NaN : accounts / seconds;
        }

        double serverCpuPerAccount() {
            return accounts == 0 ? Double.NaN : serverCpuSeconds / accounts;
        }

        double runnerCpuPerAccount() {
            return accounts == 0 ? Double.NaN : runnerCpuSeconds / accounts;
        }
    }

    private final AdminClient admin;
    private String jobId;

    BulkWindow(AdminClient admin) {
        this.admin = admin;
    }

    /**
     * Starts a job over every legacy account at {@code ratePerSecond} with {@code concurrency} registry calls at once
     * (the server's {@code bulkMaxRatePerSecond} must allow it) and waits until it has settled its first accounts.
     */
    void start(int ratePerSecond, int concurrency) throws InterruptedException {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("ratePerSecond", ratePerSecond);
        definition.put("concurrency", concurrency);
        definition.put("registry", "c06-soap");
        jobId = admin.postForJson(JOBS, definition, 201).get("id").asText();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (processed(status()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bulk job " + jobId + " settled no account within " + START_TIMEOUT
                        + ": " + status());
            }
            Thread.sleep(500);
        }
    }

    /** One window of {@code length} while the job runs and nothing else loads the server. */
    Result measure(long serverJvm, Duration length, LongSupplier registryCalls) throws InterruptedException {
        long runner = ProcessHandle.current().pid();
        JsonNode before = status();
        long calls = registryCalls.getAsLong();
        double server = ProcStats.cpuSeconds(serverJvm);
        double own = ProcStats.cpuSeconds(runner);
        long t = System.nanoTime();
        Thread.sleep(length.toMillis());
        JsonNode after = status();
        double seconds = (System.nanoTime() - t) / 1e9;
        return new Result(processed(after) - processed(before), seconds, registryCalls.getAsLong() - calls,
                ProcStats.cpuSeconds(serverJvm) - server, ProcStats.cpuSeconds(runner) - own,
                ProcStats.peakRssBytes(serverJvm), Machine.loadAverage(), after.path("total").asLong(-1),
                after.path("state").asText());
    }

    /** Cancels the job (it may have finished already: then nothing is left to cancel). */
    void cancel() {
        if (jobId != null && java.util.Set.of("QUEUED", "RUNNING", "PAUSED").contains(status().path("state").asText())) {
            admin.post(JOBS + "/" + jobId + "/cancel", Map.of(), 200, 204);
        }
    }

    private JsonNode status() {
        return admin.get(JOBS + "/" + jobId);
    }

    private static long processed(JsonNode status) {
        return status.path("processed").asLong(0);
    }
}

package vn.vneidbridge.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One measured run on a server: Gatling loads it without a pause from the first slice of the warm-up to the end
 * of the window; the warm-up lasts until {@link SteadyState} says the CPU-seconds per unit of work have settled
 * (or its cap); then the window opens, and what ended within it is what the run reports — logins, requests, the
 * server JVM's CPU time, the registry simulator's requests and the server-side timers of {@code /metrics}.
 */
final class LoadWindow {

    /**
     * What the window measured; {@code idleServerCpuSeconds} is the CPU time of the other server, idle meanwhile
     * (NaN when there is none), to show how little it takes from the one under load.
     */
    record Result(Recorder.Window window, double cpuSeconds, Measurement.WarmUp warmUp,
                  List<ServerTimers.Delta> timers, long registryCalls, String load, boolean loadEndedEarly,
                  double idleServerCpuSeconds) {
    }

    private LoadWindow() {
    }

    /**
     * @param run       the Gatling run (measured: it goes on until {@link BenchRun#stop()} or its cap)
     * @param jvmPid    the server's JVM, whose {@code /proc} CPU time is read
     * @param idleJvmPid the other server's JVM, idle during this run, or 0 when there is none
     * @param management the server's management URI ({@code /metrics}), or null not to read timers
     * @param judge     when the warm-up is over
     * @param slice     the length of one warm-up slice
     * @param window    the length of the measured window
     * @param unit      what a unit of work is (logins, or polls)
     * @param registry  the registry simulator's request counter
     * @param gatling   runs a Gatling run to its end (blocking)
     */
    static Result run(BenchRun run, long jvmPid, long idleJvmPid, URI management, SteadyState judge, Duration slice,
                      Duration window, Measurement.Unit unit, LongSupplier registry, Consumer<BenchRun> gatling) {
        Recorder recorder = run.recorder();
        Thread load = new Thread(() -> gatling.accept(run), "gatling-" + run.name());
        load.setDaemon(true);
        long began = System.nanoTime();
        load.start();
        List<SteadyState.Slice> slices = new ArrayList<>();
        long sliceStart = began;
        double cpuStart = ProcStats.cpuSeconds(jvmPid);
        SteadyState.Verdict verdict;
        do {
            sleepUntil(sliceStart + slice.toNanos());
            long now = System.nanoTime();
            double cpu = ProcStats.cpuSeconds(jvmPid);
            long units = unit == Measurement.Unit.LOGIN ? recorder.loginsEnded(sliceStart, now)
                    : recorder.requestsEnded(sliceStart, now);
            slices.add(new SteadyState.Slice(cpu - cpuStart, units));
            sliceStart = now;
            cpuStart = cpu;
            verdict = judge.judge(slices);
        } while (verdict instanceof SteadyState.Warming && load.isAlive());
        Measurement.WarmUp warmUp = new Measurement.WarmUp(Duration.ofNanos(System.nanoTime() - began).toSeconds(),
                verdict instanceof SteadyState.Stable, judge.spread(slices));

        Map<String, Double> timersBefore = management == null ? Map.of() : ServerTimers.scrape(management);
        long registryBefore = registry.getAsLong();
        long from = System.nanoTime();
        double cpuBefore = ProcStats.cpuSeconds(jvmPid);
        double idleBefore = idleJvmPid > 0 ? ProcStats.cpuSeconds(idleJvmPid) : Double.NaN;
        sleepUntil(from + window.toNanos());
        long to = System.nanoTime();
        double cpu = ProcStats.cpuSeconds(jvmPid) - cpuBefore;
        double idleCpu = idleJvmPid > 0 ? ProcStats.cpuSeconds(idleJvmPid) - idleBefore : Double.NaN;
        // a use-once pool handed out before the window closed left its virtual users idle: the window is not a
        // measurement of the load it was meant to be
        boolean endedEarly = !load.isAlive() || !run.users().hasMore();
        long registryCalls = registry.getAsLong() - registryBefore;
        String loadAverage = Machine.loadAverage();
        run.stop();
        Map<String, Double> timersAfter = management == null ? Map.of() : ServerTimers.scrape(management);
        try {
            load.join(Duration.ofSeconds(120).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(recorder.window(from, to), cpu, warmUp, ServerTimers.between(timersBefore, timersAfter),
                registryCalls, loadAverage, endedEarly, idleCpu);
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

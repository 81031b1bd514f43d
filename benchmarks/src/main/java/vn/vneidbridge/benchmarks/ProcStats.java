package vn.vneidbridge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time and peak resident memory of one process, from Linux's {@code /proc}: {@code utime + stime} of
 * {@code /proc/<pid>/stat} (clock ticks) and {@code VmHWM} of {@code /proc/<pid>/status} (the peak RSS since
 * the process started).
 */
final class ProcStats {

    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux this runs on (x86-64 and arm64 kernels). */
    static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** CPU seconds (user + system) the process has used so far. */
    static double cpuSeconds(long pid) {
        return cpuSecondsOf(read(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** Peak resident set size in bytes ({@code VmHWM}). */
    static long peakRssBytes(long pid) {
        return peakRssOf(read(Path.of("/proc", Long.toString(pid), "status")));
    }

    /**
     * CPU seconds from the text of {@code /proc/<pid>/stat}. The command name (field 2) is in parentheses and may
     * itself contain spaces and parentheses, so fields are counted from the last {@code ')'}: utime and stime are
     * fields 14 and 15.
     */
    static double cpuSecondsOf(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line");
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        long utime = Long.parseLong(fields[14 - 3]);
        long stime = Long.parseLong(fields[15 - 3]);
        return (utime + stime) / CLOCK_TICKS_PER_SECOND;
    }

    /** {@code VmHWM} in bytes from the text of {@code /proc/<pid>/status}. */
    static long peakRssOf(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
            }
        }
        throw new IllegalArgumentException("no VmHWM line");
    }

    /**
     * The JVM of a server started through {@code kc.sh}: the script starts {@code java} as a child, so this is
     * the first descendant whose command is {@code java}; the process itself when it is the JVM.
     */
    static long jvmPid(long launcherPid) {
        Optional<ProcessHandle> launcher = ProcessHandle.of(launcherPid);
        if (launcher.isEmpty()) {
            return launcherPid;
        }
        if (isJava(launcher.get())) {
            return launcherPid;
        }
        return launcher.get().descendants().filter(ProcStats::isJava).findFirst()
                .map(ProcessHandle::pid).orElse(launcherPid);
    }

    private static boolean isJava(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

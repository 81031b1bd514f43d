import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;

/**
 * Per-login comparison of two Flight Recorder profiles of the benchmark ({@code benchmarks/run.sh --jfr}), e.g. stock
 * and ours of one server pair (docs/benchmarks.md). A single-file program, not part of the build:
 *
 * <pre>
 * java benchmarks/tools/JfrDiff.java A.jfr[@oidc|@partner] cpuSPerLoginA B.jfr[@oidc|@partner] cpuSPerLoginB [minMs] [mode]
 * </pre>
 *
 * Of each recording it takes the 5-second slices of the OIDC broker rounds ({@code @oidc}, the default: slices with
 * {@code OIDCIdentityProvider#getFederatedIdentity} and no {@code PartnerApiCallback}) or of the partner-API rounds
 * ({@code @partner}); each frame's share of those samples times that server's CPU-seconds per login (from the report)
 * gives milliseconds of CPU per login, printed for A and B, largest difference first, down to {@code minMs} (0.3).
 * Modes: {@code incl} (inclusive, the default), {@code self} (top frame only), {@code within:Text} (inclusive, only
 * samples with a frame containing Text), {@code under:Text:regex} (samples with Text, grouped by their innermost frame
 * matching regex). Java samples only: GC and JIT threads are not in them.
 */
public class JfrDiff {
    public static void main(String[] a) throws Exception {
        double minMs = a.length > 4 ? Double.parseDouble(a[4]) : 0.3;
        String mode = a.length > 5 ? a[5] : "incl";
        Map<String, Double> s = profile(a[0], Double.parseDouble(a[1]), mode);
        Map<String, Double> o = profile(a[2], Double.parseDouble(a[3]), mode);
        Set<String> keys = new HashSet<>(s.keySet()); keys.addAll(o.keySet());
        List<String> list = new ArrayList<>(keys);
        list.sort(Comparator.comparingDouble(k -> -Math.abs(o.getOrDefault(k, 0.0) - s.getOrDefault(k, 0.0))));
        System.out.printf("%8s %8s %8s  %s%n", "stock", "ours", "delta", "frame (ms CPU per login)");
        for (String k : list) {
            double d = o.getOrDefault(k, 0.0) - s.getOrDefault(k, 0.0);
            if (Math.abs(d) < minMs) break;
            System.out.printf("%8.2f %8.2f %+8.2f  %s%n", s.getOrDefault(k, 0.0), o.getOrDefault(k, 0.0), d, k);
        }
    }

    /** spec: path[@oidc|@partner] (default oidc). */
    static Map<String, Double> profile(String spec, double cpuPerLogin, String mode) throws Exception {
        String[] ps = spec.split("@");
        Path file = Path.of(ps[0]);
        boolean partner = ps.length > 1 && ps[1].equals("partner");
        Map<Long, int[]> marks = new HashMap<>();
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
                long b = e.getStartTime().getEpochSecond() / 5;
                int[] m = marks.computeIfAbsent(b, k -> new int[3]);
                m[2]++;
                if (has(e, "PartnerApiCallback")) m[0]++;
                else if (has(e, "OIDCIdentityProvider#getFederatedIdentity")) m[1]++;
            }
        }
        Map<String, Integer> count = new HashMap<>();
        int total = 0, buckets = 0;
        Set<Long> chosen = new HashSet<>();
        for (var en : marks.entrySet()) {
            int[] m = en.getValue();
            if (partner ? (m[0] > 5 && m[1] == 0) : (m[1] > 5 && m[0] == 0)) chosen.add(en.getKey());
        }
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
                if (!chosen.contains(e.getStartTime().getEpochSecond() / 5)) continue;
                total++;
                List<RecordedFrame> fr = e.getStackTrace().getFrames();
                if (mode.startsWith("within:")) {
                    String x = mode.substring(7);
                    boolean has = false;
                    for (RecordedFrame f : fr) if (name(f).contains(x)) { has = true; break; }
                    if (!has) continue;
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : fr) {
                        String n = name(f);
                        if (seen.add(n)) count.merge(n, 1, Integer::sum);
                    }
                    continue;
                }
                if (mode.startsWith("under:")) {
                    String[] m = mode.split(":", 3);
                    boolean has = false;
                    for (RecordedFrame f : fr) if (name(f).contains(m[1])) { has = true; break; }
                    if (!has) continue;
                    String key = "(none)";
                    for (int i = fr.size() - 1; i >= 0; i--) {
                        String n = name(fr.get(i));
                        if (n.matches(m[2])) { key = n; }
                    }
                    count.merge(key, 1, Integer::sum);
                    continue;
                }
                if (mode.equals("self")) {
                    if (!fr.isEmpty()) count.merge(name(fr.get(0)), 1, Integer::sum);
                    continue;
                }
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : fr) {
                    String n = name(f);
                    if (seen.add(n)) count.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s: %d buckets of 5 s, %d samples%n", spec, chosen.size(), total);
        Map<String, Double> ms = new HashMap<>();
        final int t = total;
        count.forEach((k, v) -> ms.put(k, 1000.0 * cpuPerLogin * v / t));
        return ms;
    }

    static String name(RecordedFrame f) {
        String t = f.getMethod().getType().getName();
        int l = t.indexOf("$$Lambda");
        if (l > 0) t = t.substring(0, l) + "$$Lambda";
        return t + "#" + f.getMethod().getName();
    }

    static boolean has(RecordedEvent e, String s) {
        for (RecordedFrame f : e.getStackTrace().getFrames()) if (name(f).contains(s)) return true;
        return false;
    }
}

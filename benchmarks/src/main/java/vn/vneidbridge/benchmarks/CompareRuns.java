package vn.vneidbridge.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether two full runs agree: for each ratio of {@code pairs.csv} or {@code reference.csv} (or figure of
 * {@code alone.csv}) in both, the median of one lies within the other's range (min–max over its pairs or windows) or the
 * other way round. Prints one line per ratio and exits 1 when one disagrees, or when the files have none in common.
 * <pre>java -cp benchmarks/target/classes vn.vneidbridge.benchmarks.CompareRuns first.csv second.csv</pre>
 */
public final class CompareRuns {

    private CompareRuns() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CompareRuns FIRST_pairs.csv SECOND_pairs.csv");
            System.exit(2);
        }
        List<String> first = Files.readAllLines(Path.of(args[0]));
        List<String> lines = compare(parse(first), read(Path.of(args[1])), !first.isEmpty()
                && first.get(0).startsWith("scenario,ratio,"));
        if (lines.isEmpty()) {
            // e.g. a run without the stock reference against one with it: nothing compared is not an agreement
            System.out.println("NOTHING: no ratio or figure is in both files");
            System.exit(1);
        }
        lines.forEach(System.out::println);
        System.exit(lines.stream().anyMatch(line -> line.startsWith("DISAGREE")) ? 1 : 0);
    }

    /** One line per ratio found in both runs: AGREE or DISAGREE, the two medians and ranges. */
    static List<String> compare(Map<String, Spread> first, Map<String, Spread> second) {
        return compare(first, second, true);
    }

    /**
     * The same for ratios ({@code pairs.csv}, shown as "0.97×") or figures ({@code alone.csv}, shown as they are); a
     * figure neither run has (a polling scenario's p50) is "NONE", not a disagreement.
     */
    static List<String> compare(Map<String, Spread> first, Map<String, Spread> second, boolean ratios) {
        List<String> lines = new ArrayList<>();
        first.forEach((key, a) -> {
            Spread b = second.get(key);
            if (b == null) {
                return;
            }
            if (Double.isNaN(a.median()) && Double.isNaN(b.median())) {
                lines.add(String.format(Locale.ROOT, "%-8s %s: in neither run", "NONE", key));
                return;
            }
            lines.add(String.format(Locale.ROOT, "%-8s %s: %s vs %s", a.agreesWith(b) ? "AGREE" : "DISAGREE", key,
                    ratios ? a.format() : a.format("%.4f"), ratios ? b.format() : b.format("%.4f")));
        });
        return lines;
    }

    /** The ratios of a {@code pairs.csv}, keyed by scenario and ratio name. */
    static Map<String, Spread> parse(List<String> csv) {
        Map<String, Spread> spreads = new LinkedHashMap<>();
        for (String line : csv.subList(Math.min(1, csv.size()), csv.size())) {
            int close = line.lastIndexOf('"');
            if (!line.startsWith("\"") || close <= 0) {
                continue;
            }
            String scenario = line.substring(1, close);
            String[] f = line.substring(close + 2).split(",");
            if (f.length == 5) {
                spreads.put(scenario + " / " + f[0], new Spread(Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
        }
        return spreads;
    }

    private static Map<String, Spread> read(Path csv) throws IOException {
        return parse(Files.readAllLines(csv));
    }
}

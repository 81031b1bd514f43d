package vn.vneidbridge.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server-side Micrometer timers of VNeID Bridge, read from Keycloak's {@code /metrics} (Prometheus text) on
 * the management port before and after a window: how many times each was taken in the window and how long it
 * took on average, and p50/p99 from the histogram buckets when the timer publishes them.
 */
final class ServerTimers {

    /** The timers the benchmark reports, with the tag that splits each. */
    static final List<String> TIMERS = List.of("vneid_registry_lookup_seconds", "vneid_legacy_lookup_by_cccd_seconds",
            "vneid_partner_api_decrypt_seconds");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One timer series (name and tags) over a window. */
    record Delta(String series, long count, double meanMillis, double p50Millis, double p99Millis) {
    }

    private ServerTimers() {
    }

    /** Every sample of {@code /metrics} whose name starts with one of {@link #TIMERS}; empty when unreachable. */
    static Map<String, Double> scrape(URI management) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(management.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The samples of the text exposition format whose metric name is one of {@link #TIMERS} (…_count/_sum/_bucket). */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || TIMERS.stream().noneMatch(line::startsWith)) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            int brace = line.lastIndexOf('}');
            int cut = brace > 0 ? brace + 1 : line.indexOf(' ');
            try {
                samples.put(line.substring(0, cut).trim(), Double.parseDouble(line.substring(Math.max(space, cut)).trim()));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // not a sample line
            }
        }
        return samples;
    }

    /** For each timer series taken in the window, its count, mean and (from buckets) percentiles. */
    static List<Delta> between(Map<String, Double> before, Map<String, Double> after) {
        List<Delta> deltas = new ArrayList<>();
        for (Map.Entry<String, Double> sample : after.entrySet()) {
            String key = sample.getKey();
            int brace = key.indexOf('{');
            String name = brace < 0 ? key : key.substring(0, brace);
            if (!name.endsWith("_seconds_count")) {
                continue;
            }
            String base = name.substring(0, name.length() - "_count".length());
            String tags = brace < 0 ? "" : key.substring(brace);
            long count = Math.round(sample.getValue() - before.getOrDefault(key, 0.0));
            if (count <= 0) {
                continue;
            }
            double sum = after.getOrDefault(base + "_sum" + tags, 0.0) - before.getOrDefault(base + "_sum" + tags, 0.0);
            Map<Double, Double> buckets = buckets(before, after, base, tags);
            deltas.add(new Delta(base + tags, count, sum / count * 1000, quantile(buckets, count, 0.50) * 1000,
                    quantile(buckets, count, 0.99) * 1000));
        }
        return deltas;
    }

    /** Cumulative bucket counts by upper bound (le), over the window. */
    private static Map<Double, Double> buckets(Map<String, Double> before, Map<String, Double> after, String base,
                                               String tags) {
        Map<Double, Double> buckets = new TreeMap<>();
        String prefix = base + "_bucket{";
        String inner = tags.isEmpty() ? "" : tags.substring(1, tags.length() - 1);
        for (Map.Entry<String, Double> sample : after.entrySet()) {
            String key = sample.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String labels = key.substring(prefix.length(), key.length() - 1);
            int le = labels.indexOf("le=\"");
            if (le < 0) {
                continue;
            }
            String rest = (labels.substring(0, le) + labels.substring(labels.indexOf('"', le + 4) + 1))
                    .replaceAll("^,|,$", "").replace(",,", ",");
            if (!rest.equals(inner)) {
                continue;
            }
            String bound = labels.substring(le + 4, labels.indexOf('"', le + 4));
            double upper = "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            buckets.put(upper, sample.getValue() - before.getOrDefault(key, 0.0));
        }
        return buckets;
    }

    /** The upper bound of the first bucket holding the q-quantile; NaN without finite buckets. */
    static double quantile(Map<Double, Double> cumulative, long count, double q) {
        double rank = Math.ceil(q * count);
        for (Map.Entry<Double, Double> bucket : new TreeMap<>(cumulative).entrySet()) {
            if (bucket.getValue() >= rank) {
                return Double.isInfinite(bucket.getKey()) ? Double.NaN : bucket.getKey();
            }
        }
        return Double.NaN;
    }
}

package vn.vneidbridge.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/** The Markdown table and the bar chart of one benchmark run. */
final class Report {

    static final double PAIR_TARGET = 0.95;

    private final BenchmarkOptions options;
    private final Machine machine;
    private final List<Measurement> results;
    private final Duration took;

    Report(BenchmarkOptions options, Machine machine, List<Measurement> results, Duration took) {
        this.options = options;
        this.machine = machine;
        this.results = List.copyOf(results);
        this.took = took;
    }

    /** Writes {@code report.md} and {@code report.png} into {@code dir}; returns the Markdown file. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path markdown = dir.resolve("report.md");
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        ImageIO.write(chart(results), "png", dir.resolve("report.png").toFile());
        return markdown;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# VNeID Bridge benchmark (").append(options.mode()).append(" mode)\n\n");
        md.append("- Taken ").append(machine.date()).append(" on ").append(machine.cpus()).append(" CPUs (")
                .append(machine.cpuModel()).append("), ").append(machine.os()).append(", ").append(machine.jdk())
                .append("\n");
        md.append("- Load average (1, 5, 15 min) at start: ").append(machine.loadAtStart()).append("; at end: ")
                .append(machine.loadAtEnd()).append("\n");
        md.append(String.format(Locale.ROOT, "- Keycloak 26.7.0, embedded H2 (dev-file), cache local, heap -Xmx1024m;"
                + " one server at a time; closed model, %d concurrent users, warm-up %d s then a %d s window per flow;"
                + " legacy databases of %,d and %,d accounts; whole run %d min %02d s%n",
                options.concurrency(), options.warmUp().toSeconds(), options.measure().toSeconds(),
                options.smallAccounts(), options.largeAccounts(), took.toMinutes(), took.toSecondsPart()));
        md.append("\n| Flow | Variant | Logins/s | p50 ms | p95 ms | p99 ms | Server CPU-s / login | Peak RSS MiB | Failed | Ratio |\n");
        md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (Measurement m : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.0f | %.0f | %.3f | %.0f | %d | %s |%n",
                    m.flow(), m.variant(), m.throughput(), m.latencies().p50(), m.latencies().p95(), m.latencies().p99(),
                    m.cpuSecondsPerLogin(), m.peakRssMiB(), m.failures(), ratioCell(m)));
        }
        List<Measurement> cccd = results.stream().filter(m -> m.step().count() > 0).toList();
        if (!cccd.isEmpty()) {
            md.append("\nThe CCCD check request alone (the form POST: registry call or cache, then the form again):\n\n");
            md.append("| Flow | p50 ms | p95 ms | p99 ms | Checks | Registry requests |\n|---|--:|--:|--:|--:|--:|\n");
            for (Measurement m : cccd) {
                md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d | %d |%n", m.flow(),
                        m.step().p50(), m.step().p95(), m.step().p99(), m.step().count(), m.registryCalls()));
            }
        }
        md.append("\nTargets (reported, not asserted):\n\n");
        for (String pair : List.of("password", "broker")) {
            pairRatio(pair).ifPresent(ratio -> md.append(String.format(Locale.ROOT,
                    "- %s: ours/stock logins/s = %.2f (target ≥ %.2f: %s)%n", find(pair, "ours").orElseThrow().flow(),
                    ratio, PAIR_TARGET, ratio >= PAIR_TARGET ? "met" : "not met")));
        }
        List<Measurement> link = results.stream().filter(m -> "link".equals(m.pair())).toList();
        if (link.size() == 2) {
            md.append(String.format(Locale.ROOT, "- First VNeID login linking by CCCD: p50 %.0f ms with %s, %.0f ms with %s"
                            + " (ratio %.2f; target: flat)%n", link.get(0).latencies().p50(), link.get(0).variant(),
                    link.get(1).latencies().p50(), link.get(1).variant(),
                    ratio(link.get(1).latencies().p50(), link.get(0).latencies().p50())));
        }
        if (cccd.size() == 2) {
            md.append(String.format(Locale.ROOT, "- Registry cache hit: the CCCD check request takes p50 %.1f ms on a"
                            + " hit against %.1f ms on a miss (%d registry requests during the hit window); that is the"
                            + " whole request seen by the client (form rendering included), an upper bound of the"
                            + " server-side cache lookup (target < 1 ms server-side)%n",
                    cccd.get(1).step().p50(), cccd.get(0).step().p50(), cccd.get(1).registryCalls()));
        }
        md.append("\n![logins per second](report.png)\n");
        return md.toString();
    }

    private String ratioCell(Measurement m) {
        if ("ours".equals(m.variant()) && m.pair() != null) {
            Optional<Measurement> stock = find(m.pair(), "stock");
            if (stock.isPresent()) {
                return String.format(Locale.ROOT, "ours/stock: %.2f× logins/s, %.2f× p50, %.2f× CPU/login",
                        ratio(m.throughput(), stock.get().throughput()),
                        ratio(m.latencies().p50(), stock.get().latencies().p50()),
                        ratio(m.cpuSecondsPerLogin(), stock.get().cpuSecondsPerLogin()));
            }
        }
        if ("link".equals(m.pair())) {
            Measurement first = results.stream().filter(r -> "link".equals(r.pair())).findFirst().orElseThrow();
            if (first != m) {
                return String.format(Locale.ROOT, "vs %s: %.2f× p50, %.2f× logins/s", first.variant(),
                        ratio(m.latencies().p50(), first.latencies().p50()), ratio(m.throughput(), first.throughput()));
            }
        }
        return "";
    }

    Optional<Double> pairRatio(String pair) {
        Optional<Measurement> stock = find(pair, "stock");
        Optional<Measurement> ours = find(pair, "ours");
        if (stock.isEmpty() || ours.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ratio(ours.get().throughput(), stock.get().throughput()));
    }

    private Optional<Measurement> find(String pair, String variant) {
        return results.stream().filter(m -> pair.equals(m.pair()) && variant.equals(m.variant())).findFirst();
    }

    /** {@code a / b}; NaN when {@code b} is zero or either is not a number. */
    static double ratio(double a, double b) {
        return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a / b;
    }

    /** Horizontal bars of logins per second, one per run; stock grey, ours blue. */
    static BufferedImage chart(List<Measurement> results) {
        int rowHeight = 30;
        int left = 520;
        int width = 1100;
        int height = 70 + rowHeight * Math.max(1, results.size());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("Logins per second (higher is better); grey = stock Keycloak, blue = VNeID Bridge", 20, 30);
            double max = results.stream().mapToDouble(Measurement::throughput).max().orElse(1);
            double scale = (width - left - 90) / Math.max(max, 1e-9);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int y = 55;
            for (Measurement m : results) {
                int paren = m.flow().indexOf(" (");
                String label = shorten(paren < 0 ? m.flow() : m.flow().substring(0, paren), 44) + " — " + m.variant();
                g.setColor(Color.BLACK);
                g.drawString(label, 10, y + 19);
                int bar = (int) Math.round(m.throughput() * scale);
                g.setColor("stock".equals(m.variant()) ? new Color(150, 150, 150) : new Color(40, 100, 190));
                g.fillRect(left, y + 5, Math.max(bar, 1), rowHeight - 10);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.1f", m.throughput()), left + bar + 6, y + 19);
                y += rowHeight;
            }
            g.setStroke(new BasicStroke(1));
            g.setColor(Color.GRAY);
            g.drawLine(left, 50, left, height - 10);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import vn.vneidbridge.sandbox.legacy.PasswordFormat;

/**
 * The Markdown report and the bar chart of one benchmark run: each ratio of ours to stock as the median and range
 * over the rounds, every measured window, the per-request breakdown, the first legacy login against its floor, and
 * the server-side timers. Targets are reported, never asserted.
 */
final class Report {

    static final double PAIR_TARGET = 0.95;
    static final double FIRST_LOGIN_TARGET = 1.2;
    static final double CACHE_HIT_TARGET_MS = 1.0;
    static final int BULK_TARGET = 2_000;

    private final BenchmarkOptions options;
    private final Machine machine;
    private final List<Measurement> results;
    private final Duration took;
    private final double argon2idSeconds;
    private final Map<PasswordFormat, Double> legacyHashSeconds;
    private final List<BulkWindow.Result> bulk;

    Report(BenchmarkOptions options, Machine machine, List<Measurement> results, Duration took, double argon2idSeconds,
           Map<PasswordFormat, Double> legacyHashSeconds, List<BulkWindow.Result> bulk) {
        this.options = options;
        this.machine = machine;
        this.results = List.copyOf(results);
        this.took = took;
        this.argon2idSeconds = argon2idSeconds;
        this.legacyHashSeconds = Map.copyOf(legacyHashSeconds);
        this.bulk = List.copyOf(bulk);
    }

    /**
     * Writes {@code report.md}, {@code report.png} and {@code pairs.csv} (each ratio's median and range, to compare
     * two runs) into {@code dir}, and a copy of the Markdown and CSV named after the run's start time, so that the
     * runs of a day stay side by side; returns the Markdown file.
     */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path markdown = dir.resolve("report.md");
        String stamp = machine.date().replaceAll("[^0-9]", "");
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report-" + options.mode() + "-" + stamp + ".md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pairs.csv"), pairsCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pairs-" + options.mode() + "-" + stamp + ".csv"), pairsCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("alone.csv"), aloneCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("alone-" + options.mode() + "-" + stamp + ".csv"), aloneCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("reference.csv"), referenceCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("reference-" + options.mode() + "-" + stamp + ".csv"), referenceCsv(),
                StandardCharsets.UTF_8);
        ImageIO.write(chart(windows()), "png", dir.resolve("report.png").toFile());
        return markdown;
    }

    /** One line per scenario with a stock twin and ratio: median, min, max (ours / stock). */
    String pairsCsv() {
        StringBuilder csv = new StringBuilder("scenario,ratio,pairs,median,min,max\n");
        for (PairRow row : pairRows()) {
            for (Map.Entry<String, Spread> ratio : Map.of("logins_per_s", row.throughput(), "cpu_s_per_login",
                    row.cpu(), "p50", row.p50()).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                Spread s = ratio.getValue();
                csv.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%.3f,%.3f,%.3f%n", row.title().replace("\"", "'"),
                        ratio.getKey(), s.count(), s.median(), s.min(), s.max()));
            }
        }
        return csv.toString();
    }

    /**
     * One line per figure of a scenario of ours measured alone (no stock twin) over its rounds: median, min, max of
     * its logins a second, CPU-seconds per login, p50 and each server-side timer's mean, in the columns of
     * {@link #pairsCsv()}, so that {@link CompareRuns} compares two runs' figures as it compares their ratios.
     */
    String aloneCsv() {
        StringBuilder csv = new StringBuilder("scenario,figure,windows,median,min,max\n");
        for (AloneRow row : aloneRows()) {
            Map<String, Spread> figures = new LinkedHashMap<>();
            figures.put("logins_per_s", row.throughput());
            figures.put("cpu_s_per_login", row.cpu());
            figures.put("p50_ms", row.p50());
            row.timers().forEach((series, spread) -> figures.put("mean_ms_of_" + series.replaceAll("[^A-Za-z0-9]+", "_"),
                    spread));
            figures.forEach((name, s) -> csv.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%.4f,%.4f,%.4f%n",
                    (row.title() + " / " + row.variant()).replace("\"", "'"), name, s.count(), s.median(), s.min(),
                    s.max())));
        }
        return csv.toString();
    }

    /**
     * One line per scenario of ours measured alone against its stock reference ({@link StockReference}): the median
     * and range of ours / stock over the windows, in the columns of {@link #pairsCsv()}, for {@link CompareRuns}.
     */
    String referenceCsv() {
        StringBuilder csv = new StringBuilder("scenario,ratio,pairs,median,min,max\n");
        for (ReferenceRow row : referenceRows()) {
            Map<String, Spread> ratios = new LinkedHashMap<>();
            ratios.put("cpu_s_per_login", row.cpu());
            ratios.put("logins_per_s", row.throughput());
            ratios.put("p50", row.p50());
            ratios.forEach((name, s) -> csv.append(String.format(Locale.ROOT, "\"%s\",%s,%d,%.3f,%.3f,%.3f%n",
                    (row.title() + " / " + row.variant()).replace("\"", "'"), name, s.count(), s.median(), s.min(),
                    s.max())));
        }
        return csv.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# VNeID Bridge benchmark (").append(options.mode()).append(" mode)\n\n");
        if (options.pairsOnly()) {
            md.append("**Pairs only**: full mode's method for the scenarios with a stock twin; the scenarios without"
                    + " one were not run.\n\n");
        }
        if (options.quick()) {
            md.append("**Quick mode: indicative only.** One server pair, one round, short fixed warm-ups, one server of"
                    + " ours for every scenario, the stand-in VNeID inside it (no third server: the VNeID logins' CPU"
                    + " counts both JVMs on both sides, the partner API is compared with the broker's stock window), and"
                    + " the pair's stock windows as the reference of every scenario of ours after the pair (reused,"
                    + " not windows of their own); publish only full-mode numbers.\n\n");
        }
        md.append("- Taken ").append(machine.date()).append(" on ").append(machine.cpus()).append(" CPUs (")
                .append(machine.cpuModel()).append("), ").append(machine.os()).append(", ").append(machine.jdk())
                .append("\n");
        md.append("- Load average (1, 5, 15 min) at start: ").append(machine.loadAtStart()).append("; at end: ")
                .append(machine.loadAtEnd()).append("; at the end of each window: in the table of runs\n");
        md.append(String.format(Locale.ROOT, "- Keycloak 26.7.0, embedded H2 (dev-file), cache local, heap -Xmx1024m, %s;"
                        + " %s; one server under"
                        + " load at a time; closed model, %d concurrent users; each scenario warmed up on each server"
                        + " in %d s slices until the last three agree within %.0f %% on CPU-seconds per login and cost"
                        + " no less than the three before by more than half that (at least %d s and six slices, at most"
                        + " %d s); then %d round(s) in which the servers take turns, the order rotating"
                        + " each round, each turn a %d s re-warm and a %d s window; a ratio compares the windows of one"
                        + " round; legacy databases of %,d and %,d accounts; whole run %d min %02d s%n",
                options.plainJvm() ? "JVM options as Keycloak ships them (--plain-jvm: Argon2 compiled one of two ways)"
                        : "Argon2 inlined in both JVMs (-XX:CompileCommand=inline,...Argon2BytesGenerator::*)",
                options.servers(), options.concurrency(), options.slice().toSeconds(), options.tolerance() * 100,
                options.minWarmUp().toSeconds(), options.maxWarmUp().toSeconds(), options.rounds(),
                options.rewarm().toSeconds(), options.window().toSeconds(),
                options.smallAccounts(), options.largeAccounts(), took.toMinutes(), took.toSecondsPart()));
        pairs(md);
        alone(md);
        reference(md);
        runs(md);
        breakdown(md);
        firstLogins(md);
        bulk(md);
        timers(md);
        md.append("\n![logins per second](report.png)\n");
        return md.toString();
    }

    // ---- pairs ----------------------------------------------------------------------------------------------

    /** One row per scenario of ours that has a stock twin: its ratios over the rounds. */
    record PairRow(String title, Spread throughput, Spread cpu, Spread p50) {
    }

    List<PairRow> pairRows() {
        List<PairRow> rows = new ArrayList<>();
        for (String scenario : scenarios(m -> "ours".equals(m.variant()) && m.pair() != null)) {
            List<Measurement> ours = results.stream()
                    .filter(m -> scenario.equals(m.scenario()) && "ours".equals(m.variant())).toList();
            List<double[]> ratios = new ArrayList<>();
            for (Measurement o : ours) {
                stockTwin(o).ifPresent(stock -> ratios.add(pairRatios(o, stock)));
            }
            if (!ratios.isEmpty()) {
                rows.add(new PairRow(ours.get(0).title(), Spread.of(column(ratios, 0)), Spread.of(column(ratios, 1)),
                        Spread.of(column(ratios, 2))));
            }
        }
        return rows;
    }

    private void pairs(StringBuilder md) {
        List<PairRow> rows = pairRows();
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Ours against stock, round by round\n\n");
        md.append("Each ratio is ours / stock within one round (the two servers' windows a minute or two apart);"
                + " the median over the rounds of every server pair and, in brackets, the range. Logins/s higher is"
                + " better; CPU-seconds per login and p50 lower is better.\n\n");
        md.append("| Scenario | Rounds | Logins/s | CPU-s per login | p50 latency | Target (logins/s ≥ ")
                .append(String.format(Locale.ROOT, "%.2f", PAIR_TARGET)).append("×, median) |\n");
        md.append("|---|--:|---|---|---|---|\n");
        for (PairRow row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", row.title(),
                    row.throughput().count(), row.throughput().format(), row.cpu().format(), row.p50().format(),
                    verdict(row.throughput().median() >= PAIR_TARGET)));
        }
    }

    /** The stock run of the same pair and repetition (the stock twin of a partner-API run is the OIDC broker's). */
    Optional<Measurement> stockTwin(Measurement ours) {
        return results.stream().filter(m -> "stock".equals(m.variant()) && ours.pair().equals(m.pair())
                && m.repetition() == ours.repetition()).findFirst();
    }

    // ---- ours alone over the rounds ---------------------------------------------------------------------------

    /**
     * A scenario and variant of ours without a stock twin, over its windows (one per round): the median and range
     * of its logins a second, CPU-seconds per login (per waiting browser a second for a polling scenario), p50, and
     * the mean of each server-side timer it moved.
     */
    record AloneRow(String title, String variant, Measurement.Unit unit, Spread throughput, Spread cpu, Spread p50,
                    Map<String, Spread> timers) {
    }

    List<AloneRow> aloneRows() {
        Map<String, List<Measurement>> byRow = new LinkedHashMap<>();
        results.stream().filter(m -> m.pair() == null && m.logins() + m.window().requestCount() > 0)
                .forEach(m -> byRow.computeIfAbsent(m.title() + "\n" + m.variant(), k -> new ArrayList<>()).add(m));
        List<AloneRow> rows = new ArrayList<>();
        for (List<Measurement> windows : byRow.values()) {
            Measurement first = windows.get(0);
            Map<String, Spread> timers = new TreeMap<>();
            windows.stream().flatMap(m -> m.timers().stream()).map(ServerTimers.Delta::series).distinct()
                    .forEach(series -> timers.put(series, Spread.of(windows.stream().mapToDouble(m -> m.timers()
                            .stream().filter(t -> t.series().equals(series)).mapToDouble(ServerTimers.Delta::meanMillis)
                            .findFirst().orElse(Double.NaN)).toArray())));
            rows.add(new AloneRow(first.title(), first.variant(), first.unit(),
                    Spread.of(windows.stream().mapToDouble(Measurement::throughput).toArray()),
                    Spread.of(windows.stream().mapToDouble(Measurement::cpuPerUnit).toArray()),
                    Spread.of(windows.stream().mapToDouble(m -> m.latencies().p50()).toArray()), timers));
        }
        return rows;
    }

    private void alone(StringBuilder md) {
        List<AloneRow> rows = aloneRows();
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Ours alone, over the rounds\n\n");
        md.append("The scenarios without a stock twin, on " + options.aloneServers() + " fresh server(s) of ours per"
                + " legacy database, one after the other, each measured alone: the median over all their windows"
                + " (on each server the first after the warm-up, each later one after a short re-warm, stored login sessions dropped"
                + " before each but where a scenario starts from sessions it prepared) and, in brackets, the range."
                + " `alone.csv` has the same figures for `CompareRuns`.\n\n");
        md.append("| Scenario | Variant | Windows | Logins/s | CPU-s per login | p50 ms | Server-side timers, mean ms |\n");
        md.append("|---|---|--:|---|---|---|---|\n");
        for (AloneRow row : rows) {
            boolean poll = row.unit() == Measurement.Unit.POLL;
            String timers = row.timers().isEmpty() ? "—" : String.join("; ", row.timers().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "` " + e.getValue().format("%.3f")).toList());
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", row.title(), row.variant(),
                    row.throughput().count(), row.throughput().format(poll ? "%.1f polls/s" : "%.2f"),
                    row.cpu().format(poll ? "%.5f per browser-s" : "%.4f"), poll ? "—" : row.p50().format("%.0f"),
                    timers));
        }
    }

    // ---- ours alone against a stock reference of the same minutes ---------------------------------------------

    /**
     * A scenario and variant of ours measured alone, against the stock login its windows were each paired with
     * ({@link StockReference}): ours / stock window by window (median and range), and the stock windows' own figures.
     */
    record ReferenceRow(String title, String variant, String reference, Spread throughput, Spread cpu, Spread p50,
                        Spread referenceThroughput, Spread referenceCpu) {
    }

    List<ReferenceRow> referenceRows() {
        List<ReferenceRow> rows = new ArrayList<>();
        for (AloneRow row : aloneRows()) {
            List<double[]> ratios = new ArrayList<>();
            List<Measurement> references = new ArrayList<>();
            for (Measurement ours : aloneWindows(row)) {
                referenceOf(ours).ifPresent(stock -> {
                    references.add(stock);
                    ratios.add(new double[] {ratio(ours.throughput(), stock.throughput()),
                        ratio(referenceCpu(ours, stock), referenceCpu(stock, stock)),
                        ratio(ours.latencies().p50(), stock.latencies().p50())});
                });
            }
            if (!ratios.isEmpty()) {
                rows.add(new ReferenceRow(row.title(), row.variant(), references.get(0).title(),
                        Spread.of(column(ratios, 0)), Spread.of(column(ratios, 1)), Spread.of(column(ratios, 2)),
                        Spread.of(references.stream().mapToDouble(Measurement::throughput).toArray()),
                        Spread.of(references.stream().mapToDouble(m -> referenceCpu(m, m)).toArray())));
            }
        }
        return rows;
    }

    /**
     * CPU-seconds per login of window {@code m} as its couple with {@code reference} compares them: against stock's
     * broker, both Keycloak JVMs' (the one under load and the other, idle but for what the login asks of it: stock's
     * broker logs in at the stand-in VNeID inside ours, whose JVM then does the upstream's work, as it does for ours'
     * own VNeID logins), so that whole logins, upstream included, are compared; against stock's password login, the
     * loaded JVM's alone (nothing is asked of the other, and what it still spends after its own window is not the
     * login's).
     */
    static double referenceCpu(Measurement m, Measurement reference) {
        return StockReference.Kind.BROKER.scenario().equals(reference.scenario()) ? bothJvmsCpu(m) : m.cpuPerUnit();
    }

    /** CPU-seconds per login of both Keycloak JVMs, the loaded one and the other (NaN CPU of the other counts 0). */
    private static double bothJvmsCpu(Measurement m) {
        double idle = Double.isNaN(m.idleServerCpuSeconds()) ? 0 : m.idleServerCpuSeconds();
        return m.logins() == 0 ? Double.NaN : (m.cpuSeconds() + idle) / m.logins();
    }

    /**
     * The windows of an {@link AloneRow} that can be coupled with a reference, in the order they ran: not one whose
     * use-once pool ran out before it closed (not a measurement).
     */
    private List<Measurement> aloneWindows(AloneRow row) {
        return results.stream().filter(m -> m.pair() == null && m.title().equals(row.title())
                && m.variant().equals(row.variant()) && m.logins() > 0 && !m.loadEndedEarly()).toList();
    }

    /** The stock reference window of ours' window {@code ours} measured alone, if it had one. */
    Optional<Measurement> referenceOf(Measurement ours) {
        String key = StockReference.key(ours.title(), ours.variant());
        return results.stream().filter(m -> key.equals(m.pair()) && m.repetition() == ours.repetition()
                && m.logins() > 0).findFirst();
    }

    private void reference(StringBuilder md) {
        List<ReferenceRow> rows = referenceRows();
        if (rows.isEmpty()) {
            return;
        }
        md.append(options.quick() ? "\n## Ours alone against the pair's stock windows\n\n"
                : "\n## Ours alone against stock in the same minutes\n\n");
        md.append(options.quick()
                ? "Quick mode: each window of ours above is compared with the pair's stock window of the login most"
                        + " like it, reused (a few minutes earlier, not a window of its own): stock's password login, or"
                        + " its OIDC broker login of a linked citizen."
                : "Each window of ours above had a window of a stock Keycloak started beside it, right before or"
                + " after it in the same round: stock's password login, or its OIDC broker login of a linked citizen.");
        md.append(" Each ratio is ours / stock of one such couple; the median over the couples and, in brackets, the"
                + " range. Against stock's broker, CPU-seconds per login count both Keycloak JVMs on both sides"
                + " (stock's broker logs in at the stand-in VNeID inside ours, whose JVM then does the upstream's work,"
                + " as it does for ours' own VNeID logins); against its password login, the loaded JVM's alone."
                + " A window whose use-once pool ran out has no couple.");
        md.append(options.quick() ? "" : " The machine's speed moves by more than the differences measured (runs X1"
                + " and X2, docs/benchmarks.md), and a ratio of the same minutes cancels it; the figures alone do not.");
        md.append(" `reference.csv` has these ratios for `CompareRuns`.\n\n");
        md.append("| Scenario | Variant | Against | Couples | Logins/s | CPU-s per login | p50 | Stock logins/s"
                + " | Stock CPU-s per login |\n");
        md.append("|---|---|---|--:|---|---|---|---|---|\n");
        for (ReferenceRow row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s |%n", row.title(),
                    row.variant(), row.reference(), row.throughput().count(), row.throughput().format(),
                    row.cpu().format(), row.p50().format(), row.referenceThroughput().format("%.2f"),
                    row.referenceCpu().format("%.4f")));
        }
    }

    // ---- every window ---------------------------------------------------------------------------------------

    /**
     * The windows measured, without quick mode's reused references (the pair's stock windows recorded again as the
     * reference of a scenario of ours: {@link StockReference#reuse}), which are in the list once already.
     */
    List<Measurement> windows() {
        return results.stream().filter(m -> !StockReference.REUSED_VARIANT.equals(m.variant())).toList();
    }

    private void runs(StringBuilder md) {
        md.append("\n## Every measured window\n\n");
        md.append("The warm-up is the scenario's first run on that server (a round's window follows a short re-warm);"
                + " \"idle server\" is the CPU time the other server of the pair took during the window.");
        md.append(options.quick() ? " The pair's stock windows, the reference of the scenarios after the pair, are"
                + " listed once.\n\n" : "\n\n");
        md.append("| Scenario | Variant | # | Warm-up | Logins/s | p50 ms | p95 ms | p99 ms | Server CPU-s / login"
                + " | Peak RSS MiB | Failed | Idle server CPU-s | Load at end |\n");
        md.append("|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (Measurement m : windows()) {
            boolean poll = m.unit() == Measurement.Unit.POLL;
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d s, %s | %s | %s | %s | %s | %s | %.0f | %d | %s | %s |%n",
                    m.title(), m.variant(), m.repetition(), m.warmUp().seconds(),
                    (m.warmUp().stable() ? String.format(Locale.ROOT, "stable (%.1f %%)", m.warmUp().spread() * 100)
                            : "capped") + (m.loadEndedEarly() ? "; **" + BenchmarkMain.ENDED_EARLY + "**" : ""),
                    poll ? String.format(Locale.ROOT, "%.1f polls/s", m.throughput())
                            : String.format(Locale.ROOT, "%.2f", m.throughput()),
                    milliseconds(m.latencies().p50()), milliseconds(m.latencies().p95()),
                    milliseconds(m.latencies().p99()),
                    poll ? String.format(Locale.ROOT, "%.4f per waiting browser per s", m.cpuPerUnit())
                            : String.format(Locale.ROOT, "%.4f", m.cpuPerUnit()),
                    m.peakRssMiB(), m.window().failures(), Double.isNaN(m.idleServerCpuSeconds()) ? "—"
                            : String.format(Locale.ROOT, "%.2f", m.idleServerCpuSeconds()), m.load()));
        }
    }

    /** A latency in whole milliseconds, or "—" where the window had none (a polling scenario has no logins). */
    static String milliseconds(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.0f", value);
    }

    // ---- per request ----------------------------------------------------------------------------------------

    /**
     * The requests of the password logins side by side (median over the rounds of each request's p50), and what
     * the notice's extra pages cost: the notice login's CPU-seconds beyond the migrated login's, per extra request,
     * against a stock login's CPU-seconds per request.
     */
    private void breakdown(StringBuilder md) {
        List<Measurement> stock = runsOf("password", "stock");
        List<Measurement> migrated = runsOf("password", "ours");
        List<Measurement> notice = runsOf("notice", "ours");
        if (stock.isEmpty() || notice.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        List.of(stock, migrated, notice).forEach(list -> list.forEach(m -> names.addAll(m.requests().keySet())));
        md.append("\n## Password logins request by request\n\n");
        md.append("p50 of each request in ms (median over the rounds), and requests per login.\n\n");
        md.append("| Request | Stock | Ours, migrated | Ours, with the notice |\n|---|--:|--:|--:|\n");
        for (String name : names) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, requestCell(stock, name),
                    requestCell(migrated, name), requestCell(notice, name)));
        }
        double stockRequests = median(stock, Report::requestsPerLogin);
        double migratedRequests = median(migrated, Report::requestsPerLogin);
        double noticeRequests = median(notice, Report::requestsPerLogin);
        md.append(String.format(Locale.ROOT, "| requests per login | %.1f | %.1f | %.1f |%n", stockRequests,
                migratedRequests, noticeRequests));
        double stockPage = median(stock, m -> m.requests().getOrDefault("authorize", Latencies.NONE).p50());
        Set<String> extraPages = new LinkedHashSet<>();
        notice.forEach(m -> extraPages.addAll(m.requests().keySet()));
        migrated.forEach(m -> extraPages.removeAll(m.requests().keySet()));
        stock.forEach(m -> extraPages.removeAll(m.requests().keySet()));
        for (String page : extraPages) {
            double p50 = median(notice, m -> m.requests().getOrDefault(page, Latencies.NONE).p50());
            md.append(String.format(Locale.ROOT, "%nExtra request \"%s\": p50 %.1f ms against %.1f ms for a stock page"
                            + " (its login page, \"authorize\"): %.2f× (target ≤ 1.00×: %s).", page, p50, stockPage,
                    p50 / stockPage, verdict(p50 <= stockPage)));
        }
        double stockPerRequest = median(stock, Measurement::cpuPerUnit) / stockRequests;
        double extra = noticeRequests - migratedRequests;
        double extraPerRequest = (median(notice, Measurement::cpuPerUnit) - median(migrated, Measurement::cpuPerUnit))
                / extra;
        if (extra > 0) {
            md.append(String.format(Locale.ROOT, "%n%nIn CPU: the notice login costs %.4f CPU-s more than the migrated"
                            + " one for %.1f more requests, %.4f CPU-s per extra request, against %.4f CPU-s per request"
                            + " of a stock login (%.2f×; both medians over the rounds, so noisy when the difference is"
                            + " small).%n", extra * extraPerRequest, extra, extraPerRequest, stockPerRequest,
                    extraPerRequest / stockPerRequest));
        }
    }

    private static double requestsPerLogin(Measurement m) {
        return m.logins() == 0 ? Double.NaN : (double) m.window().requestCount() / m.logins();
    }

    private static String requestCell(List<Measurement> runs, String name) {
        double[] p50s = runs.stream().filter(m -> m.requests().containsKey(name))
                .mapToDouble(m -> m.requests().get(name).p50()).toArray();
        if (p50s.length == 0) {
            return "—";
        }
        double perLogin = Spread.of(runs.stream().mapToDouble(m -> m.logins() == 0 ? Double.NaN
                : (double) m.requests().getOrDefault(name, Latencies.NONE).count() / m.logins()).toArray()).median();
        return String.format(Locale.ROOT, "%.1f (×%.1f)", Spread.of(p50s).median(), perLogin);
    }

    // ---- first legacy logins against their floor ------------------------------------------------------------

    private void firstLogins(StringBuilder md) {
        List<Measurement> first = results.stream().filter(m -> "first-login".equals(m.scenario())).toList();
        List<Measurement> stock = runsOf("password", "stock");
        if (first.isEmpty()) {
            return;
        }
        boolean referenced = first.stream().anyMatch(m -> referenceOf(m).isPresent());
        if (stock.isEmpty() && !referenced) {
            firstLoginsWithoutStock(md, first);
            return;
        }
        double stockCpu = stock.isEmpty() ? Double.NaN : median(stock, Measurement::cpuPerUnit);
        md.append("\n## First legacy login against its floor\n\n");
        md.append(String.format(Locale.ROOT, "The floor: a stock password login (%s; it verifies one Argon2id hash)"
                + " + one check of the legacy hash + one Argon2id hash (%.4f CPU-s,"
                + " Keycloak's default parameters), each hash's CPU time measured on this machine with every core hashing at"
                + " once (%d threads, as a login window keeps every core busy), at the start and at the end of the run,"
                + " the lower of the two.%n%n", referenced
                        ? (options.quick() ? "the pair's stock password window, reused as each window's reference"
                                : "each window's own stock reference, the window of the same round; the floor column"
                                + " gives their median and the ratio is window by window")
                        : String.format(Locale.ROOT, "%.4f CPU-s, median over the rounds", stockCpu),
                argon2idSeconds, HashLimit.THREADS_AT_ONCE));
        md.append("| Format | Logins/s | CPU-s / login | Legacy hash CPU-s | Floor CPU-s | Ratio | Target (≤ ")
                .append(String.format(Locale.ROOT, "%.1f", FIRST_LOGIN_TARGET)).append("×) |\n|---|--:|--:|--:|--:|--:|---|\n");
        for (List<Measurement> windows : byVariant(first)) {
            Measurement m = windows.get(0);
            double legacy = legacyHashSeconds(m);
            Spread cpu = Spread.of(windows.stream().mapToDouble(Measurement::cpuPerUnit).toArray());
            // each window against the floor of its own minutes where it has a reference, else the run's stock median
            double[] floors = windows.stream().mapToDouble(w -> referenceOf(w).map(Measurement::cpuPerUnit)
                    .orElse(stockCpu) + legacy + argon2idSeconds).toArray();
            double[] ratios = new double[windows.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = windows.get(i).cpuPerUnit() / floors[i];
            }
            Spread r = Spread.of(ratios);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %.4f | %.4f | %s | %s |%n", m.variant(),
                    median(windows, Measurement::throughput), cpu.format("%.4f"), legacy, Spread.of(floors).median(),
                    r.format(), verdict(r.median() <= FIRST_LOGIN_TARGET)));
        }
    }

    /**
     * A run without the server pairs ({@code --unpaired}) has no stock password login of its own: the table gives what
     * a first login costs beyond its two hashes, to be set against a stock password login of a pairs run on the same
     * machine (docs/benchmarks.md does it).
     */
    private void firstLoginsWithoutStock(StringBuilder md, List<Measurement> first) {
        md.append("\n## First legacy login beyond its two hashes\n\n");
        md.append(String.format(Locale.ROOT, "This run has no stock password login (no server pairs), so no floor:"
                + " what each first login costs beyond one check of its legacy hash and one Argon2id hash (%.4f CPU-s),"
                + " each hash measured with %d threads at once at the start and at the end of the run, the lower of the"
                + " two. Its target: no more than a stock password login of a pairs run on this machine, plus 20 %% of"
                + " the floor.%n%n", argon2idSeconds, HashLimit.THREADS_AT_ONCE));
        md.append("| Format | Logins/s | CPU-s / login | Legacy hash CPU-s | Beyond the two hashes, CPU-s |\n"
                + "|---|--:|--:|--:|--:|\n");
        for (List<Measurement> windows : byVariant(first)) {
            Measurement m = windows.get(0);
            double legacy = legacyHashSeconds(m);
            Spread cpu = Spread.of(windows.stream().mapToDouble(Measurement::cpuPerUnit).toArray());
            double hashes = legacy + argon2idSeconds;
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %.4f | %s |%n", m.variant(),
                    median(windows, Measurement::throughput), cpu.format("%.4f"), legacy,
                    new Spread(cpu.count(), cpu.median() - hashes, cpu.min() - hashes, cpu.max() - hashes)
                            .format("%.4f")));
        }
    }

    /** The CPU-seconds of one check of the legacy hash a first-login measurement's format uses; NaN if unknown. */
    private double legacyHashSeconds(Measurement m) {
        return legacyHashSeconds.entrySet().stream().filter(e -> BenchmarkMain.label(e.getKey()).equals(m.variant()))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(Double.NaN);
    }

    // ---- bulk pre-verification -------------------------------------------------------------------------------

    /**
     * The bulk job's own pace against its target ({@value #BULK_TARGET} accounts a second), the simulator's cost
     * beside ours, and the migrated citizens' password login without and while the job runs.
     */
    private void bulk(StringBuilder md) {
        if (bulk.isEmpty()) {
            return;
        }
        md.append("\n## Bulk pre-verification\n\n");
        md.append("A job over the whole legacy database started through the admin REST (rate 5,000 a second, 32 calls"
                + " at once, the server's cap raised to match), measured once it runs, over a window in which nothing"
                + " else loads the server. Accounts are those the job settled (verified, mismatch, not found, conflict,"
                + " skipped, registry error); the registry simulator runs in the runner's JVM, whose CPU is its cost.\n\n");
        md.append("| Accounts | Seconds | Accounts/s | Target (≥ ").append(String.format(Locale.ROOT, "%,d", BULK_TARGET))
                .append("/s) | Registry calls | Server CPU-s / account | Simulator (runner) CPU-s / account"
                        + " | Peak RSS MiB | Rows in the job | Load at end |\n|--:|--:|--:|---|--:|--:|--:|--:|--:|---|\n");
        for (BulkWindow.Result r : bulk) {
            md.append(String.format(Locale.ROOT, "| %,d | %.0f | %.1f | %s | %,d | %.5f | %.5f | %.0f | %,d | %s |%n",
                    r.accounts(), r.seconds(), r.accountsPerSecond(), verdict(r.accountsPerSecond() >= BULK_TARGET),
                    r.registryCalls(), r.serverCpuPerAccount(), r.runnerCpuPerAccount(),
                    r.peakRssBytes() / 1024.0 / 1024.0, r.total(), r.load()));
        }
        List<Measurement> without = runsOf("bulk-logins", "no job");
        List<Measurement> with = runsOf("bulk-logins", "job running");
        if (!without.isEmpty() && !with.isEmpty()) {
            double a = median(without, Measurement::throughput);
            double b = median(with, Measurement::throughput);
            md.append(String.format(Locale.ROOT, "%nPassword login of a migrated citizen on the same server (medians"
                            + " over the rounds): %.2f logins/s and %.4f CPU-s per login without a job; %.2f and %.4f"
                            + " while it runs (%.2f× the logins a second; the job's work is in the second window's CPU"
                            + " too).%n", a, median(without, Measurement::cpuPerUnit), b,
                    median(with, Measurement::cpuPerUnit), b / a));
        }
    }

    // ---- server-side timers ---------------------------------------------------------------------------------

    private void timers(StringBuilder md) {
        List<Measurement> timed = results.stream().filter(m -> !m.timers().isEmpty()).toList();
        if (timed.isEmpty()) {
            md.append("\nNo server-side timer was read (the servers' /metrics had none of ")
                    .append(ServerTimers.TIMERS).append(").\n");
            return;
        }
        md.append("\n## Server-side timers (Micrometer, read from /metrics before and after each window)\n\n");
        md.append("| Scenario | Variant | # | Timer | Count | Per login | Mean ms | p50 ms ≤ | p99 ms ≤ |\n");
        md.append("|---|---|--:|---|--:|--:|--:|--:|--:|\n");
        for (Measurement m : timed) {
            for (ServerTimers.Delta t : m.timers()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | `%s` | %d | %.2f | %.3f | %.3f | %.3f |%n",
                        m.title(), m.variant(), m.repetition(), t.series(), t.count(),
                        m.logins() == 0 ? Double.NaN : (double) t.count() / m.logins(), t.meanMillis(), t.p50Millis(),
                        t.p99Millis()));
            }
        }
        List<AloneRow> alone = aloneRows();
        alone.stream().filter(row -> row.title().equals(BenchmarkMain.CCCD_HIT_TITLE)).findFirst()
                .ifPresent(hit -> hit.timers().entrySet().stream().filter(t -> t.getKey().contains("cache_hit"))
                        .findFirst().ifPresent(t -> md.append(String.format(Locale.ROOT, "%nRegistry cache hit: mean"
                                        + " %s ms server-side (median over %d windows; target < %.0f ms: %s).%n",
                                t.getValue().format("%.3f"), t.getValue().count(), CACHE_HIT_TARGET_MS,
                                verdict(t.getValue().median() < CACHE_HIT_TARGET_MS)))));
        List<AloneRow> links = alone.stream().filter(row -> row.title().equals(BenchmarkMain.LINK_TITLE)).toList();
        if (links.size() >= 2) {
            md.append("\nLink lookup by CCCD (medians over the windows):");
            for (AloneRow link : links) {
                link.timers().entrySet().stream().filter(t -> t.getKey().startsWith("vneid_legacy_lookup_by_cccd"))
                        .forEach(t -> md.append(String.format(Locale.ROOT, " %s: mean %s ms (%s);", link.variant(),
                                t.getValue().format("%.3f"), t.getKey().substring(t.getKey().indexOf('{')))));
                md.append(String.format(Locale.ROOT, " whole login p50 %s ms with %s;", link.p50().format("%.0f"),
                        link.variant()));
            }
            md.append(" target: flat.\n");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Set<String> scenarios(java.util.function.Predicate<Measurement> filter) {
        Set<String> keys = new LinkedHashSet<>();
        results.stream().filter(filter).forEach(m -> keys.add(m.scenario()));
        return keys;
    }

    /** The windows of each variant, in the order measured. */
    private static List<List<Measurement>> byVariant(List<Measurement> windows) {
        Map<String, List<Measurement>> by = new LinkedHashMap<>();
        windows.forEach(m -> by.computeIfAbsent(m.variant(), v -> new ArrayList<>()).add(m));
        return List.copyOf(by.values());
    }

    private List<Measurement> runsOf(String scenario, String variant) {
        return results.stream().filter(m -> scenario.equals(m.scenario()) && variant.equals(m.variant())).toList();
    }

    private static double median(List<Measurement> runs, ToDoubleFunction<Measurement> value) {
        return Spread.of(runs.stream().mapToDouble(value).toArray()).median();
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(row -> row[i]).toArray();
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    /**
     * Ours / stock within a round: logins a second, CPU-seconds per login, p50. The CPU is the loaded JVM's, but for
     * quick mode's VNeID logins, whose stand-in VNeID runs inside ours (no third server): both JVMs' then, on both
     * sides, as for a brokered login's stock reference ({@link #referenceCpu}).
     */
    private double[] pairRatios(Measurement ours, Measurement stock) {
        boolean bothJvms = options.quick() && !"password".equals(ours.pair());
        return new double[] {ratio(ours.throughput(), stock.throughput()),
            bothJvms ? ratio(bothJvmsCpu(ours), bothJvmsCpu(stock)) : ratio(ours.cpuPerUnit(), stock.cpuPerUnit()),
            ratio(ours.latencies().p50(), stock.latencies().p50())};
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
            double max = results.stream().filter(m -> m.unit() == Measurement.Unit.LOGIN).mapToDouble(Measurement::throughput).max().orElse(1);
            double scale = (width - left - 90) / Math.max(max, 1e-9);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int y = 55;
            for (Measurement m : results) {
                if (m.unit() != Measurement.Unit.LOGIN) {
                    continue;
                }
                int paren = m.title().indexOf(" (");
                String label = shorten(paren < 0 ? m.title() : m.title().substring(0, paren), 44) + " — " + m.variant()
                        + " #" + m.repetition();
                g.setColor(Color.BLACK);
                g.drawString(label, 10, y + 19);
                int bar = (int) Math.round(m.throughput() * scale);
                g.setColor("stock".equals(m.variant()) || StockReference.VARIANT.equals(m.variant())
                        ? new Color(150, 150, 150) : new Color(40, 100, 190));
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

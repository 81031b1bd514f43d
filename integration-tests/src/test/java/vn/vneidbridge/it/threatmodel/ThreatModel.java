package vn.vneidbridge.it.threatmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The threat tables of {@code docs/threat-model.md}: every Markdown table with a column headed "Test". Each row
 * names, in that column, the tests that prove its defence — each in backquotes, {@code `ClassName#methodName`} or
 * {@code `OuterIT.GivenX#thenY`} — or says {@code TODO} while its test is still to be written. Other tables (without
 * a "Test" column) are not read.
 */
final class ThreatModel {

    static final String TODO = "TODO";
    private static final Pattern SEPARATOR = Pattern.compile("\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?");
    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");

    /** One threat: its id (the first cell), the line it is on, and its test cell. */
    record Row(String id, int line, String tests) {

        /** What the test cell names in backquotes that looks like a test ({@code …#…}). */
        List<String> named() {
            List<String> named = new ArrayList<>();
            Matcher quoted = QUOTED.matcher(tests);
            while (quoted.find()) {
                if (quoted.group(1).contains("#")) {
                    named.add(quoted.group(1).strip());
                }
            }
            return named;
        }

        boolean todo() {
            return tests.contains(TODO);
        }
    }

    private final List<Row> rows;

    private ThreatModel(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static ThreatModel parse(String markdown) {
        String[] lines = markdown.split("\\R", -1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!isTableLine(lines[i]) || !SEPARATOR.matcher(lines[i + 1].strip()).matches()) {
                continue;
            }
            int testColumn = testColumn(cells(lines[i]));
            int next = i + 2;
            while (next < lines.length && isTableLine(lines[next])) {
                List<String> cells = cells(lines[next]);
                if (testColumn >= 0) {
                    rows.add(new Row(cells.isEmpty() ? "" : cells.get(0), next + 1,
                            testColumn < cells.size() ? cells.get(testColumn) : ""));
                }
                next++;
            }
            i = next - 1;
        }
        return new ThreatModel(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** The rows still waiting for their test. */
    List<Row> todo() {
        return rows.stream().filter(Row::todo).toList();
    }

    /**
     * What is wrong with the test column, one line each: a row naming no test and not saying TODO, a name that is
     * not of the form {@code Class#method} / {@code Outer.Nested#method}, a named test that is not declared.
     */
    List<String> problems(TestSources sources) {
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            String where = "line " + row.line() + " (" + row.id() + "): ";
            if (row.named().isEmpty() && !row.todo()) {
                problems.add(where + "names no test and does not say " + TODO);
            }
            for (String named : row.named()) {
                Optional<TestReference> reference = TestReference.parse(named);
                if (reference.isEmpty()) {
                    problems.add(where + "`" + named + "` is not of the form Class#method or Outer.Nested#method");
                    continue;
                }
                sources.problem(reference.get()).ifPresent(problem -> problems.add(where + "`" + named + "`: " + problem));
            }
        }
        return problems;
    }

    private static boolean isTableLine(String line) {
        return line.strip().startsWith("|");
    }

    private static int testColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replaceAll("[*_`]", "").strip().toLowerCase(Locale.ROOT);
            if (name.equals("test") || name.startsWith("test ") || name.equals("tests")) {
                return i;
            }
        }
        return -1;
    }

    /** The cells of a table line; a {@code \|} inside a cell is not a column break. */
    private static List<String> cells(String line) {
        String body = line.strip();
        body = body.substring(1);
        if (body.endsWith("|") && !body.endsWith("\\|")) {
            body = body.substring(0, body.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : body.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}

package vn.vneidbridge.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vneidbridge.core.id.PersonalIdNumber;

/**
 * Finds id numbers in a Keycloak server log at INFO or above. Keycloak's console format starts every record with
 * {@code yyyy-MM-dd HH:mm:ss,SSS LEVEL}; a line that does not (a stack trace, a message with a line break) belongs
 * to the record above it, and a line before the first record (the start script's own output) counts as INFO. A
 * line is a finding when it holds one of the given numbers with no digit right beside it, or any standalone
 * 12 digits that pass the personal id rules (province, century, birth year), so a number no list knows is found
 * too. Findings show the line with every number masked.
 */
public final class ServerLogScan {

    /** Levels below INFO: lines at these levels may hold numbers (the server does not log them by default). */
    private static final Set<String> BELOW_INFO = Set.of("TRACE", "DEBUG");
    private static final Pattern RECORD = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} +(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\\b");
    /** 12 digits on their own: not inside a longer run of digits, letters, dashes (e.g. a UUID's last part). */
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9A-Za-z_-])\\d{12}(?![0-9A-Za-z_-])");
    private static final Pattern DIGIT_RUNS = Pattern.compile("\\d{9,}");

    private final Set<String> numbers;
    private final List<Finding> findings = new ArrayList<>();
    private String level = "INFO";
    private long lines;
    private long linesAtInfoOrAbove;
    private long lineNumber;

    /** A line at INFO or above holding a number, masked. */
    public record Finding(long lineNumber, String level, String maskedLine) {
        @Override
        public String toString() {
            return "line " + lineNumber + " (" + level + "): " + maskedLine;
        }
    }

    /** @param numbers the id numbers to look for (9 or 12 digits each) */
    public ServerLogScan(Set<String> numbers) {
        this.numbers = Set.copyOf(numbers);
    }

    /** Reads the next line of the log. */
    public void accept(String line) {
        lineNumber++;
        lines++;
        Matcher record = RECORD.matcher(line);
        if (record.find()) {
            level = record.group(1);
        }
        if (BELOW_INFO.contains(level)) {
            return;
        }
        linesAtInfoOrAbove++;
        if (holdsANumber(line)) {
            findings.add(new Finding(lineNumber, level, mask(line)));
        }
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public long lines() {
        return lines;
    }

    public long linesAtInfoOrAbove() {
        return linesAtInfoOrAbove;
    }

    boolean holdsANumber(String line) {
        for (String number : numbers) {
            for (int at = line.indexOf(number); at >= 0; at = line.indexOf(number, at + 1)) {
                if (!digitAt(line, at - 1) && !digitAt(line, at + number.length())) {
                    return true;
                }
            }
        }
        Matcher twelve = TWELVE_DIGITS.matcher(line);
        while (twelve.find()) {
            if (PersonalIdNumber.parse(twelve.group()).isValid()) {
                return true;
            }
        }
        return false;
    }

    /** Every run of 9 or more digits as its first three, asterisks and last three: safe to print in a report. */
    static String mask(String line) {
        Matcher runs = DIGIT_RUNS.matcher(line);
        StringBuilder masked = new StringBuilder();
        while (runs.find()) {
            String run = runs.group();
            runs.appendReplacement(masked, run.substring(0, 3) + "*".repeat(run.length() - 6)
                    + run.substring(run.length() - 3));
        }
        runs.appendTail(masked);
        return masked.toString();
    }

    private static boolean digitAt(String line, int index) {
        return index >= 0 && index < line.length() && Character.isDigit(line.charAt(index));
    }
}

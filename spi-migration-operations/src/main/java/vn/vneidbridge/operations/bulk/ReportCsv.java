package vn.vneidbridge.operations.bulk;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job report's lines: legacy account key, outcome, mismatched field names, time. Nothing else about the
 * person: no id number, name or birth date. A cell that a spreadsheet would read as a formula is prefixed with
 * {@code '}.
 */
final class ReportCsv {

    static final String HEADER = "legacy_account_id,outcome,mismatched_fields,checked_at\r\n";

    private ReportCsv() {
    }

    static String line(String legacyId, String outcome, Collection<String> fields, long checkedAtMillis) {
        Set<String> sorted = new TreeSet<>(fields);
        return cell(legacyId) + ',' + cell(outcome) + ',' + cell(String.join(" ", sorted)) + ','
                + Instant.ofEpochMilli(checkedAtMillis) + "\r\n";
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}

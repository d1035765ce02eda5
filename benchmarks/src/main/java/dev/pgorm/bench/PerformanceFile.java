package dev.pgorm.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Updates {@code docs/performance.md} after a run of some cases only: their table rows and notes
 * replace (or join) those of the last full run, and the header names the partial run and its date,
 * so that every ratio still comes from one run of its own case.
 */
final class PerformanceFile {

    private PerformanceFile() {}

    /**
     * Returns {@code existing} with the rows and notes of {@code cases} taken from {@code fresh}
     * (both rendered by {@link Benchmarks#render}).
     */
    static String merge(String existing, String fresh, Set<String> cases) {
        List<String> lines = new ArrayList<>(existing.lines().toList());
        List<String> newLines = fresh.lines().toList();
        for (String name : cases) {
            replaceOrAdd(lines, newLines, "| " + name + " |", lastTableRow(lines));
            replaceOrAdd(lines, newLines, "- " + name + ": ", lines.size() - 1);
        }
        int header = lastHeaderLine(lines);
        lines.add(
                header + 1,
                "- partial run "
                        + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        + ": "
                        + String.join(", ", cases)
                        + " (the other rows are from the run dated above)");
        return String.join("\n", lines) + "\n";
    }

    private static void replaceOrAdd(
            List<String> lines, List<String> newLines, String prefix, int addAfter) {
        String replacement =
                newLines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        if (replacement == null) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                lines.set(i, replacement);
                return;
            }
        }
        lines.add(addAfter + 1, replacement);
    }

    private static int lastTableRow(List<String> lines) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| ")) {
                last = i;
            }
        }
        return last;
    }

    /** The last line of the header's list (date, machine, Java, PostgreSQL, partial runs). */
    private static int lastHeaderLine(List<String> lines) {
        int last = -1;
        for (int i = 0; i < lines.size() && !lines.get(i).startsWith("|"); i++) {
            if (lines.get(i).startsWith("- ")) {
                last = i;
            }
        }
        return last;
    }
}

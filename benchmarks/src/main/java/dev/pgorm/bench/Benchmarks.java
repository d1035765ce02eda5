package dev.pgorm.bench;

import dev.pgorm.bench.cases.BulkInsertCases;
import dev.pgorm.bench.cases.BulkWriteCases;
import dev.pgorm.bench.cases.JsonbFlushCase;
import dev.pgorm.bench.cases.MigrationPlanCase;
import dev.pgorm.bench.cases.NotifyLatencyCase;
import dev.pgorm.bench.cases.OperatorVsFunctionCases;
import dev.pgorm.bench.cases.ReplicaReadCase;
import dev.pgorm.bench.cases.RlsContextCase;
import dev.pgorm.bench.cases.VectorTransferCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs every benchmark case and writes {@code docs/performance.md}. Cases share the schema, so
 * fixtures built by one case can serve the next.
 *
 * <p>Each case is set up once, then its baseline and PG-ORM's way run alternately: {@code WARMUP}
 * times each unmeasured, then {@code REPETITIONS} times each measured, interleaved so that drift on
 * the machine affects both sides alike. The table shows the medians with their spread
 * (fastest-slowest), the ratio of the medians, the target and whether it was met. Arguments: an
 * optional substring to select cases by name.
 */
public final class Benchmarks {

    static final int WARMUP = Integer.getInteger("pgorm.bench.warmup", 3);
    static final int REPETITIONS = Integer.getInteger("pgorm.bench.repetitions", 7);

    private Benchmarks() {}

    /** Returns every case, in table order. */
    static List<BenchmarkCase> cases() {
        List<BenchmarkCase> cases = new ArrayList<>(OperatorVsFunctionCases.all());
        cases.addAll(RlsContextCase.all());
        cases.add(new NotifyLatencyCase());
        cases.addAll(BulkInsertCases.all());
        cases.addAll(BulkWriteCases.all());
        cases.addAll(JsonbFlushCase.all());
        cases.addAll(VectorTransferCases.all());
        cases.add(new MigrationPlanCase());
        cases.add(new ReplicaReadCase());
        return cases;
    }

    /**
     * Runs the benchmarks.
     *
     * @param args an optional filter on case names
     * @throws Exception when the server cannot be reached or a case fails
     */
    public static void main(String[] args) throws Exception {
        String filter = args.length > 0 ? args[0] : "";
        Path output = Path.of(System.getProperty("pgorm.bench.output", "docs/performance.md"));
        List<Result> results = new ArrayList<>();
        String serverVersion;
        try (BenchEnv env = new BenchEnv()) {
            serverVersion = env.serverVersion();
            env.resetSchema();
            for (BenchmarkCase c : cases()) {
                if (!c.name().contains(filter)) {
                    continue;
                }
                System.out.println("== " + c.name());
                c.setUp(env);
                try {
                    Measurement baseline = new Measurement();
                    Measurement ours = new Measurement();
                    for (int i = 0; i < WARMUP; i++) {
                        c.beforeEach();
                        c.runBaseline();
                        c.beforeEach();
                        c.runOurs();
                    }
                    for (int i = 0; i < c.repetitions(); i++) {
                        c.beforeEach();
                        baseline.add(time(c::runBaseline));
                        c.beforeEach();
                        ours.add(time(c::runOurs));
                    }
                    Result r = new Result(c, baseline, ours);
                    System.out.printf(
                            Locale.ROOT,
                            "   baseline %s, ours %s, ratio %.2f (target %.2f) %s%n",
                            baseline.describe(),
                            ours.describe(),
                            r.ratio(),
                            c.target(),
                            r.reference() ? "REFERENCE" : r.passed() ? "PASS" : "FAIL");
                    results.add(r);
                } finally {
                    c.tearDown();
                }
            }
        }
        String rendered = render(results, serverVersion);
        if (!filter.isEmpty() && Files.exists(output)) {
            // a partial run updates its own rows and keeps the others of the last full run
            Set<String> names = new LinkedHashSet<>();
            results.forEach(r -> names.add(r.c().name()));
            rendered =
                    PerformanceFile.merge(
                            Files.readString(output, StandardCharsets.UTF_8), rendered, names);
        }
        Files.writeString(output, rendered, StandardCharsets.UTF_8);
        System.out.println("wrote " + output.toAbsolutePath());
        if (results.stream().anyMatch(r -> !r.passed())) {
            System.out.println("some targets were not met");
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double time(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    /** One case's outcome. */
    record Result(BenchmarkCase c, Measurement baseline, Measurement ours) {
        double ratio() {
            return baseline.median() / ours.median();
        }

        boolean passed() {
            return ratio() >= c.target();
        }

        /** A case without a target (0) is shown for reference. */
        boolean reference() {
            return c.target() == 0;
        }
    }

    static String render(List<Result> results, String serverVersion) {
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n")
                .append(
                        "Measured by `./scripts/bench.sh` (module `benchmarks`): each case runs its baseline and PG-ORM's way\n")
                .append("alternately on the same server in one run, ")
                .append(WARMUP)
                .append(" warm-up and ")
                .append(REPETITIONS)
                .append(
                        " measured repetitions each (unless a note says otherwise).\nTimes are medians with the fastest and slowest repetition; the ratio is\n")
                .append("baseline median / PG-ORM median (above 1: PG-ORM is faster).\n\n")
                .append("- date: ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append('\n')
                .append("- machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MiB max heap, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append('\n')
                .append("- Java: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.version"))
                .append('\n')
                .append("- PostgreSQL: ")
                .append(serverVersion)
                .append("\n\n")
                .append(
                        "| case | baseline | PG-ORM | baseline time | PG-ORM time | ratio | target | result |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %s | %.2f | %s | %s |%n",
                            r.c().name(),
                            r.c().baseline(),
                            r.c().ours(),
                            r.baseline().describe(),
                            r.ours().describe(),
                            r.ratio(),
                            r.reference()
                                    ? "-"
                                    : String.format(Locale.ROOT, "%.2f", r.c().target()),
                            r.reference() ? "reference" : r.passed() ? "pass" : "**fail**"));
        }
        StringBuilder notes = new StringBuilder();
        for (Result r : results) {
            String n = r.c().notes();
            if (n != null && !n.isBlank()) {
                notes.append("- ").append(r.c().name()).append(": ").append(n).append('\n');
            }
        }
        if (notes.length() > 0) {
            md.append("\nNotes:\n\n").append(notes);
        }
        return md.toString();
    }
}

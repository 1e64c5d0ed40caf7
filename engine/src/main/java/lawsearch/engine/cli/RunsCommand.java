package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import lawsearch.engine.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The runs under an output folder and how far each got: what to look at after a night away. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Runs under an output folder.",
        subcommands = RunsCommand.ListRuns.class)
public final class RunsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every run with its state (running / interrupted / finished), generation, best validation R², test R² when finished.")
    static final class ListRuns implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "Output folder (default ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--json", description = "Print a JSON array: run_dir, state, generation, validation_r2, r2.")
        boolean json;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            List<RunSummary> runs = RunSummary.under(out, "--out");
            PrintWriter w = spec.commandLine().getOut();
            for (RunSummary r : runs) {   // listed as damaged; why, one line each on stderr
                if (r.damage() != null) {
                    spec.commandLine().getErr().println("lawsearch: " + r.damage());
                }
            }
            spec.commandLine().getErr().flush();
            if (json) {
                w.println(Output.toJson(runs.stream().map(ListRuns::row).toList()));
            } else if (runs.isEmpty()) {
                w.println("no runs under " + out);
            } else {
                table(w, runs);
            }
            w.flush();
            return 0;
        }

        private static void table(PrintWriter w, List<RunSummary> runs) {
            int width = Math.max(3, runs.stream().mapToInt(r -> r.dir().toString().length()).max().orElse(0));
            String fmt = "%-" + width + "s  %-11s  %10s  %13s  %9s%n";
            w.printf(fmt, "run", "state", "generation", "validation R²", "test R²");
            for (RunSummary r : runs) {
                w.printf(fmt, r.dir(), r.state(), r.generation() == null ? "-" : r.generation(), r2(r.validationR2()),
                        r2(r.testR2()));
            }
        }

        private static String r2(Double v) {
            return v == null ? "-" : String.format("%.6f", v);
        }

        private static Map<String, Object> row(RunSummary r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_dir", r.dir().toString());
            m.put("state", r.state());
            m.put("generation", r.generation());
            m.put("validation_r2", r.validationR2());
            m.put("r2", r.testR2());
            return m;
        }
    }
}

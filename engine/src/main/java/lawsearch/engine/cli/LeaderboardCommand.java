package lawsearch.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import lawsearch.engine.report.Leaderboard;
import lawsearch.engine.report.RunDir;
import lawsearch.engine.report.Runs;
import lawsearch.engine.report.Site;
import lawsearch.grammar.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Ranks repeated runs per task and entry as SLDBench's leaderboard does; optionally writes the HTML site. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = "Rank entries (engine configurations) per task by mean test R² over their finished runs.")
public final class LeaderboardCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "Runs folder (default ${DEFAULT-VALUE}).")
    Path runs;

    @Option(names = "--task", paramLabel = "T", description = "Only this task.")
    String task;

    @Option(names = "--json", description = "Print {\"tasks\": [{task, entries: [{entry, settings, best, mean, min, runs, run_dirs, unfinished}]}]}.")
    boolean json;

    @Option(names = "--html", paramLabel = "OUT_DIR", description = "Also write a static HTML site: index.html and a page per entry.")
    Path html;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Runs.Scan scan = Runs.scan(runs, task);
        List<RunDir> all = scan.runs();
        if (all.isEmpty() && !scan.damaged().isEmpty()) {
            throw new UserError(noUsableRun(scan.damaged()));
        }
        // A damaged run is passed over, saying so: the others still make a leaderboard.
        scan.damaged().forEach(d -> spec.commandLine().getErr().println("lawsearch: skipping run " + d.dir() + ": " + d.why()));
        Leaderboard board = Leaderboard.of(all);
        if (html != null) {
            Site.write(board, html);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Output.toJson(board.toJson()));
        } else {
            out.print(all.isEmpty() ? "no runs under " + runs + (task == null ? "" : " for task " + task) + "\n" : board.toText());
            if (html != null) {
                out.println("site: " + html.resolve("index.html"));
            }
        }
        out.flush();
        return 0;
    }

    /** One line for a runs folder whose every run is damaged: how many, and the first's reason. */
    private String noUsableRun(List<Runs.Damaged> damaged) {
        Runs.Damaged first = damaged.get(0);
        return "no usable run under " + runs + (task == null ? "" : " for task " + task) + ": "
                + (damaged.size() == 1 ? "" : damaged.size() + " run directories are damaged, the first ") + first.dir() + ": " + first.why();
    }
}

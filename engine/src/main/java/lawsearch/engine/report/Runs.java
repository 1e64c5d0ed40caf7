package lawsearch.engine.report;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lawsearch.engine.run.RunConfig;
import lawsearch.engine.run.RunSummary;
import lawsearch.grammar.core.UserError;

/**
 * Finds the run directories under a runs folder (any directory holding a config.json) and reads
 * them, each alone: one whose files cannot be read (a config.json or result.json cut short or
 * edited by hand) is set aside with the reason, so that one damaged run does not hide the rest.
 */
public final class Runs {
    private Runs() { }

    /** What a scan found: the runs that read, and the run directories that did not. */
    public record Scan(List<RunDir> runs, List<Damaged> damaged) { }

    /** A run directory that could not be read, and why (one line, relative to the directory). */
    public record Damaged(Path dir, String why) {
        static Damaged of(Path dir, UserError e) {
            String why = e.getMessage();
            String prefix = dir + File.separator;
            return new Damaged(dir, why.startsWith(prefix) ? why.substring(prefix.length()) : why);
        }
    }

    /**
     * Every run under {@code root} (runs/&lt;task&gt;/&lt;entry&gt;/run-&lt;i&gt;), optionally of one task
     * only. A damaged run whose config.json reads is kept out of another task's scan; one whose
     * config.json does not read could be of any task, so it is reported whatever the task.
     */
    public static Scan scan(Path root, String task) {
        List<RunDir> runs = new ArrayList<>();
        List<Damaged> damaged = new ArrayList<>();
        for (Path dir : RunSummary.dirs(root, "--runs")) {
            RunConfig config;
            try {
                config = RunConfig.read(dir);
            } catch (UserError e) {
                damaged.add(Damaged.of(dir, e));
                continue;
            }
            if (task != null && !task.equals(config.task())) {
                continue;
            }
            try {
                runs.add(RunDir.of(dir, config));
            } catch (UserError e) {
                damaged.add(Damaged.of(dir, e));
            }
        }
        return new Scan(List.copyOf(runs), List.copyOf(damaged));
    }
}

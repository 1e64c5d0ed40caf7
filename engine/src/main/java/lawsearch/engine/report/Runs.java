package lawsearch.engine.report;

import java.nio.file.Path;
import java.util.List;

import lawsearch.engine.run.RunSummary;

/** Finds the run directories under a runs folder: any directory holding a config.json. */
public final class Runs {
    private Runs() { }

    /** Every run under {@code root} (runs/&lt;task&gt;/&lt;entry&gt;/run-&lt;i&gt;), optionally of one task only. */
    public static List<RunDir> scan(Path root, String task) {
        return RunSummary.dirs(root, "--runs").stream().map(RunDir::read).filter(r -> task == null || task.equals(r.task())).toList();
    }
}

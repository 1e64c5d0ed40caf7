package lawsearch.engine.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import lawsearch.engine.run.RunChoice;
import lawsearch.engine.run.RunConfig;
import lawsearch.engine.run.RunResult;
import lawsearch.engine.run.RunState;
import lawsearch.engine.run.RunSummary;
import lawsearch.grammar.core.UserError;

/**
 * One run directory as reports read it: its config.json, its state as {@code runs list} tells it
 * ({@link RunSummary}) and, for a finished run, its result.json. A run that has not finished
 * (running, or interrupted) is listed, never scored. Read-only; the run's own writers live in {@code engine/run}.
 */
public record RunDir(Path dir, RunConfig config, RunResult result, String runState) {

    public static RunDir read(Path dir) {
        return of(dir, RunConfig.read(dir));
    }

    /**
     * The run in {@code dir}; or, when {@code dir} is a folder of repeated runs of one task and
     * entry ({@code runs/<task>/<entry>}), the finished one to use ({@link RunChoice}: its law
     * validates best of the sound runs), told to {@code note}. A folder whose runs belong to several
     * tasks or entries, or none of whose finished runs qualifies, is a user error asking for one run.
     */
    public static RunDir readOrChoose(Path dir, Consumer<String> note) {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(RunConfig.FILE))) {
            return read(dir);
        }
        Runs.Scan scan = Runs.scan(dir, null);
        List<RunDir> finished = scan.runs().stream().filter(RunDir::finished).toList();
        if (finished.isEmpty()) {
            if (scan.runs().isEmpty() && scan.damaged().isEmpty()) {
                return read(dir);   // no run at all: its error names the missing config.json
            }
            throw new UserError(dir + ": holds no finished run (" + String.join("; ", Stream.concat(
                    scan.runs().stream().map(r -> r.dir() + " " + r.state() + (RunState.INTERRUPTED.equals(r.state()) ? ": --resume it" : "")),
                    scan.damaged().stream().map(d -> d.dir() + ": " + d.why())).toList()) + ")");
        }
        scan.damaged().forEach(d -> note.accept(d.dir() + ": skipped (" + d.why() + ")"));
        if (finished.stream().map(r -> r.task() + "/" + r.entry()).distinct().count() > 1) {
            throw new UserError(dir + ": holds the runs of several tasks or entries; give one run (…/<task>/<entry>/run-<i>) or one entry folder");
        }
        RunDir chosen = RunChoice.of(finished, RunDir::result).orElseThrow(() -> new UserError(
                dir + ": none of its " + finished.size() + " finished runs reported a sound law; give one run (" + dir + "/run-<i>)"));
        note.accept(String.format("%s holds %d finished runs: using %s (its law validates best of the sound runs, R² %.6f)", dir,
                finished.size(), chosen.dir(), chosen.result().validationR2()));
        return chosen;
    }

    /** The run in {@code dir} whose config.json has been read as {@code config}; an unreadable result.json is a user error naming it. */
    static RunDir of(Path dir, RunConfig config) {
        return new RunDir(dir, config, RunResult.read(dir).orElse(null), RunSummary.of(dir).state());
    }

    public boolean finished() {
        return result != null && RunState.FINISHED.equals(runState);
    }

    /** Why a run has no score: running or interrupted (as runs list says), or finished without test rows. */
    public String state() {
        return finished() ? "finished, no test R²" : runState;
    }

    /** Test R² of a finished run; null without test rows or for an unfinished run. */
    public Double r2() { return finished() ? result.r2() : null; }

    public String law() { return result == null ? null : result.law(); }

    public String task() { return config.task(); }

    public String entry() { return config.entry(); }

    public int index() { return config.index(); }
}

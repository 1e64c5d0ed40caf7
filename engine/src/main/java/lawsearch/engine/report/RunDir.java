package lawsearch.engine.report;

import java.nio.file.Path;

import lawsearch.engine.run.RunConfig;
import lawsearch.engine.run.RunResult;
import lawsearch.engine.run.RunSummary;

/**
 * One run directory as reports read it: its config.json, its state as {@code runs list} tells it
 * ({@link RunSummary}) and, for a finished run, its result.json. A run that has not finished
 * (running, or interrupted) is listed, never scored. Read-only; the run's own writers live in {@code engine/run}.
 */
public record RunDir(Path dir, RunConfig config, RunResult result, String runState) {

    public static RunDir read(Path dir) {
        return of(dir, RunConfig.read(dir));
    }

    /** The run in {@code dir} whose config.json has been read as {@code config}; an unreadable result.json is a user error naming it. */
    static RunDir of(Path dir, RunConfig config) {
        return new RunDir(dir, config, RunResult.read(dir).orElse(null), RunSummary.of(dir).state());
    }

    public boolean finished() {
        return result != null && lawsearch.engine.run.RunState.FINISHED.equals(runState);
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

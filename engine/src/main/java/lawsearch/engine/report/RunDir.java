package lawsearch.engine.report;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import lawsearch.engine.io.Json;
import lawsearch.engine.run.RunConfig;
import lawsearch.engine.run.RunState;
import lawsearch.engine.run.RunSummary;

/**
 * One run directory as reports read it: its config.json, its state as {@code runs list} tells it
 * ({@link RunSummary}) and, for a finished run, its result.json. A run that has not finished
 * (running, or interrupted) is listed, never scored. Read-only; the run's own writers live in {@code engine/run}.
 */
public record RunDir(Path dir, RunConfig config, JsonNode result, String runState) {

    public static final String RESULT = "result.json";

    public static RunDir read(Path dir) {
        RunConfig config = RunConfig.read(dir);
        Path r = dir.resolve(RESULT);
        JsonNode result = Files.isRegularFile(r) ? Json.tree(r) : null;
        return new RunDir(dir, config, result, RunSummary.of(dir).state());
    }

    public boolean finished() {
        return result != null && RunState.FINISHED.equals(runState);
    }

    /** Why a run has no score: running or interrupted (as runs list says), or finished without test rows. */
    public String state() {
        return finished() ? "finished, no test R²" : runState;
    }

    /** Test R² of a finished run; null without test rows or for an unfinished run. */
    public Double r2() {
        if (!finished() || !result.path("r2").isNumber()) {
            return null;
        }
        return result.get("r2").asDouble();
    }

    public String law() { return result == null ? null : result.path("law").asText(null); }

    public String task() { return config.task(); }

    public String entry() { return config.entry(); }

    public int index() { return config.index(); }
}

package lawsearch.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;


import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.io.Json;
import lawsearch.grammar.core.UserError;

/**
 * A run's standing as its directory tells it: state (running / interrupted / finished), the
 * generation reached, the best validation R², and the test R² once finished. A finished run is
 * read from result.json; a running or interrupted one from state.json (as of its last checkpoint). A run directory
 * without either (started by a lawsearch before state.json, or killed before it was written) counts
 * as interrupted; one whose result.json or state.json does not read, as damaged, with why in one
 * line naming the file ({@code damage}; null otherwise).
 */
public record RunSummary(Path dir, String state, Long generation, Double validationR2, Double testR2, String damage) {

    /** The state of a run whose result.json or state.json does not read ({@code damage} says why). */
    public static final String DAMAGED = "damaged";

    /** Every run directory (one holding config.json) under {@code out}, in path order; errors as {@link #dirs}. */
    public static List<RunSummary> under(Path out, String option) {
        return dirs(out, option).stream().map(RunSummary::of).toList();
    }

    /**
     * The run directories under {@code out} (runs/&lt;task&gt;/&lt;entry&gt;/run-&lt;i&gt;: any holding a
     * config.json), in path order. An {@code out} that is no directory is a user error naming it and
     * the {@code option} that gave it.
     */
    public static List<Path> dirs(Path out, String option) {
        if (!Files.isDirectory(out)) {
            throw new UserError(out + ": " + (Files.exists(out) ? "not a directory" : "no such directory") + " (give " + option + " DIR)");
        }
        try (Stream<Path> s = Files.find(out, 4, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(RunConfig.FILE))) {
            return s.map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UserError("cannot list " + out + ": " + AtomicFiles.reason(e), e);
        }
    }

    public static RunSummary of(Path dir) {
        Optional<RunState> state;
        Optional<RunResult> result;
        try {   // each file read once, strictly: a file that is there but does not read is the run's damage
            result = RunResult.read(dir);
            state = strictState(dir);
        } catch (UserError e) {
            return new RunSummary(dir, DAMAGED, null, null, null, e.getMessage());
        }
        boolean running = state.filter(s -> s.effectiveState().equals(RunState.RUNNING)).isPresent();
        if (result.isPresent() && !running) {   // a finished run being resumed again is running
            RunResult r = result.get();
            return new RunSummary(dir, RunState.FINISHED, (long) r.generations(), r.validationR2(), r.r2(), null);
        }
        return state.map(s -> new RunSummary(dir, s.effectiveState(), s.generation(), s.bestValidationR2(), null, null))
                .orElse(new RunSummary(dir, RunState.INTERRUPTED, null, null, null, null));
    }

    /** The run's state.json, empty when there is none; one that does not read, or has no state, is a user error naming it. */
    private static Optional<RunState> strictState(Path dir) {
        Path f = dir.resolve(RunState.FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        RunState st = Json.read(f, RunState.class);
        Json.required(st == null ? null : st.state(), f, "state");
        return Optional.of(st);
    }
}

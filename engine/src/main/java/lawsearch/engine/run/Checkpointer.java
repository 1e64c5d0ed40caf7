package lawsearch.engine.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import lawsearch.engine.search.Boundary;
import lawsearch.engine.search.Generation;
import lawsearch.engine.search.SearchState;

/**
 * The checkpoint cadence: at a generation boundary once {@code every} has passed since the last
 * checkpoint (or since the search started), and always at the last boundary (budget spent or
 * interrupted). Each checkpoint also refreshes history.jsonl and state.json, so a run killed
 * outright shows how far it got. Every boundary is logged to run.log.
 */
public final class Checkpointer implements Boundary {
    private final Path dir;
    private final long seed;
    private final long everyNanos;
    private final RunLog log;
    private long last = System.nanoTime();

    public Checkpointer(Path dir, long seed, Duration every, RunLog log) {
        this.dir = dir;
        this.seed = seed;
        this.everyNanos = every.toNanos();
        this.log = log;
    }

    @Override
    public void reached(Generation g, Supplier<SearchState> state, boolean lastBoundary) {
        log.generation(g, lastBoundary);
        long now = System.nanoTime();
        if (lastBoundary || now - last >= everyNanos) {
            save(state.get());
            last = System.nanoTime();
        }
    }

    private void save(SearchState s) {
        Path file = CheckpointStore.write(dir, s, seed);
        RunFiles.writeHistory(dir, s.history());
        Generation g = s.history().get(s.history().size() - 1);
        RunState.of(RunState.RUNNING, s.generation(), g.bestValidationR2()).write(dir);
        log.line("checkpoint " + file.getFileName() + " (" + s.scores().size() + " laws fitted)");
    }
}

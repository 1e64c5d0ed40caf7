package lawsearch.engine.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import lawsearch.engine.search.Boundary;
import lawsearch.engine.search.Generation;
import lawsearch.engine.search.SearchState;

/**
 * The checkpoint cadence: at a generation boundary once {@code every} has passed since the last
 * checkpoint (or since the search started; longer when checkpoints get big, see {@link #SHARE}),
 * and always at the last boundary (budget spent or interrupted). Each checkpoint also refreshes history.jsonl and state.json, so a run killed
 * outright shows how far it got. Every boundary is logged to run.log.
 */
public final class Checkpointer implements Boundary {
    private final Path dir;
    private final long seed;
    private final long everyNanos;
    private final RunLog log;
    private long last = System.nanoTime();
    private long wait;

    public Checkpointer(Path dir, long seed, Duration every, RunLog log) {
        this.dir = dir;
        this.seed = seed;
        this.everyNanos = every.toNanos();
        this.wait = everyNanos;
        this.log = log;
    }

    @Override
    public void reached(Generation g, Supplier<SearchState> state, boolean lastBoundary) {
        log.generation(g, lastBoundary);
        long now = System.nanoTime();
        if (lastBoundary || now - last >= wait) {
            save(state.get());
            last = System.nanoTime();
            wait = everyNanos == 0 ? 0 : Math.max(everyNanos, SHARE * (last - now));   // 0: every boundary, as asked
        }
    }

    /**
     * A checkpoint grows with every law scored (and a fast search's history); past some size writing
     * it every 30 s would slow the search itself, so the wait stretches to this many times the last
     * write's duration: checkpoints then cost at most ~5% of the run.
     */
    static final long SHARE = 20;

    private void save(SearchState s) {
        Path file = CheckpointStore.write(dir, s, seed);
        RunFiles.writeHistory(dir, s.history());
        Generation g = s.history().get(s.history().size() - 1);
        RunState.of(RunState.RUNNING, s.generation(), g.bestValidationR2()).write(dir);
        log.line("checkpoint " + file.getFileName() + " (" + s.scores().size() + " laws fitted)");
    }
}

package lawsearch.engine.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import lawsearch.engine.search.Boundary;
import lawsearch.engine.search.Generation;
import lawsearch.engine.search.SearchState;

/**
 * The checkpoint cadence: at a generation boundary once {@code every} has passed since the last
 * checkpoint (or since the search started; longer when checkpoints get big, see {@link #SHARE}),
 * and always at the last boundary (budget spent or interrupted). Each checkpoint also refreshes history.jsonl and state.json, so a run killed
 * outright shows how far it got. Every boundary is logged to run.log.
 *
 * <p>A checkpoint is written on a thread of its own while the search goes on: the state is an
 * immutable snapshot taken at the boundary, so the files are what a write in place would give. When
 * this was measured, a checkpoint late in a run held some 70 000 laws (30 MB) and, written in place,
 * held the search for about a second in every thirty, both cores idle but one. A checkpoint grows by
 * about 128 bytes a law scored, without bound; it is streamed to its file ({@link CheckpointStore}),
 * so its size costs disk and writing time, not heap. A boundary starts no checkpoint while one
 * is being written; the last boundary waits for it, then writes its own in place, so a run that ends
 * has its final checkpoint on disk. A write that failed fails the run at the next boundary, as in
 * place. With {@code every} zero (a checkpoint at every boundary, as for tests) all are in place.
 */
public final class Checkpointer implements Boundary {
    private final Path dir;
    private final long seed;
    private final long everyNanos;
    private final RunLog log;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "checkpoint-writer");
        t.setDaemon(true);   // a run that fails is not kept alive by a write
        return t;
    });
    private Future<Long> pending;   // the write in progress: it returns when it finished (System.nanoTime)
    private long start;             // when it started
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
        if (pending != null && (lastBoundary || pending.isDone())) {
            finish();
        }
        long now = System.nanoTime();
        if (lastBoundary || everyNanos == 0) {
            save(state.get());
            last = System.nanoTime();
            wait = everyNanos;
        } else if (pending == null && now - last >= wait) {
            SearchState snapshot = state.get();
            pending = writer.submit(() -> {
                save(snapshot);
                return System.nanoTime();
            });
            start = now;
        }
        if (lastBoundary) {
            writer.shutdown();
        }
    }

    /** Waits for the write in progress and sets the next wait from its duration; rethrows its failure. */
    private void finish() {
        try {
            last = pending.get();
            wait = Math.max(everyNanos, SHARE * (last - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a checkpoint was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pending = null;
        }
    }

    /**
     * A checkpoint grows with every law scored (and a fast search's history); past some size writing
     * it every 30 s would take a share of a core from the search, so the wait stretches to this many
     * times the last write's duration: checkpoints then cost at most ~5% of one core.
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

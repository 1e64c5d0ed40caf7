package lawsearch.engine.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import lawsearch.engine.search.Generation;

/**
 * A run's {@code run.log}: configuration, versions, seed, per-generation summaries, checkpoints,
 * resumes and the end, one time-stamped line each, appended (a resumed run continues the same log)
 * and flushed line by line so a crash loses at most the line being written. Generation lines are
 * written at most once a second, plus whenever the best law changes and at the last generation: a
 * fast search runs a hundred generations a second, which no one reads line by line.
 */
public final class RunLog implements AutoCloseable {
    public static final String FILE = "run.log";
    private final BufferedWriter w;
    private long lastGenerationLine = Long.MIN_VALUE;
    private String lastBest;

    private RunLog(BufferedWriter w) {
        this.w = w;
    }

    public static RunLog open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new RunLog(Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public synchronized void line(String text) {   // the checkpoint writer logs from its own thread
        try {
            w.write(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text);
            w.newLine();
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** A generation's summary, throttled as the class comment says. */
    public void generation(Generation g, boolean last) {
        long now = System.nanoTime();
        boolean improved = !g.bestLaw().equals(lastBest);
        if (last || improved || now - lastGenerationLine >= 1_000_000_000L) {
            lastGenerationLine = now;
            lastBest = g.bestLaw();
            line(String.format("generation %d: %d laws fitted, best validation R² %.6f, fitness %.6f, pareto %d, %.1f s, best %s",
                    g.generation(), g.evaluations(), g.bestValidationR2(), g.bestFitness(), g.paretoSize(),
                    g.elapsedSeconds(), g.bestLaw()));
        }
    }

    @Override
    public void close() {
        try {
            w.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + FILE + ": " + e.getMessage(), e);
        }
    }
}

package lawsearch.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import lawsearch.grammar.core.UserError;

/**
 * What a fresh run finds in its directory: the files of an earlier run given the same --out, --name
 * and index. Without --replace such a directory is refused, so an overnight run is never lost to a
 * quick one typed with the same command. With it they are removed before the new run writes
 * anything, checkpoints above all: the newest two are kept by generation, so the earlier run's
 * higher-numbered ones outlived the new run's own, and a later --resume silently continued the
 * earlier run under the new config.json. A directory whose run is still going (its process alive) is
 * refused either way, as --resume refuses it. Only the files a run writes are removed; anything else
 * a user put there stays.
 */
public final class PreviousRun {
    /** Every file a run writes besides its checkpoints (the intervals are {@code use}'s IntervalsFile). */
    static final List<String> FILES = List.of(RunConfig.FILE, DataSnapshot.FILE, RunState.FILE, RunLog.FILE, FitFile.FILE,
            RunResult.FILE, "best.law", "pareto.json", "history.jsonl", "intervals.json");

    private PreviousRun() { }

    /** Refuses {@code dir} when a run in it is still going. */
    public static void refuseRunning(Path dir) {
        RunState.read(dir).filter(s -> s.effectiveState().equals(RunState.RUNNING)).ifPresent(s -> {
            throw new UserError(dir + ": a run is still going there (process " + s.pid() + " on " + s.host()
                    + "); stop it, or give another --name or --out");
        });
    }

    /** Refuses {@code dir} when it holds an earlier run's files, saying how to keep, continue or replace them. */
    public static void refuseEarlier(Path dir) {
        if (files(dir).isEmpty()) {
            return;
        }
        String state = RunState.read(dir).map(RunState::effectiveState).orElse("");
        String what = switch (state) {
            case RunState.FINISHED -> "a finished run";
            case RunState.INTERRUPTED -> "an interrupted run (--resume " + dir + " continues it)";
            default -> "an earlier run's files";
        };
        throw new UserError(dir + ": holds " + what + "; give another --name or --out to keep it, or --replace to remove it");
    }

    /** Removes an earlier run's files from {@code dir}; what it held, in words ("a finished run"), or null if nothing. */
    public static String clear(Path dir) {
        List<Path> files = files(dir);
        if (files.isEmpty()) {
            return null;
        }
        String was = RunState.read(dir).map(s -> "a" + (s.effectiveState().equals(RunState.INTERRUPTED) ? "n " : " ")
                + s.effectiveState() + " run").orElse("an earlier run's files");
        try {
            for (Path p : files) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UserError(dir + ": cannot remove the earlier run's files (" + e.getMessage() + ")");
        }
        return was;
    }

    /**
     * An earlier run's files in {@code dir}: its checkpoints, the files it writes, and the temporary
     * files of a write a killed run left. Empty when there are none (or no such directory).
     */
    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Set<Path> out = new LinkedHashSet<>(CheckpointStore.list(dir));
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> FILES.contains(p.getFileName().toString()) || isLeftover(p)).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list it (" + e.getMessage() + ")");
        }
        return List.copyOf(out);
    }

    /** A temporary file of an atomic write (AtomicFiles names them .NAME…tmp) of one of a run's files or checkpoints. */
    private static boolean isLeftover(Path p) {
        String n = p.getFileName().toString();
        return CheckpointStore.isLeftover(p) || n.endsWith(".tmp") && FILES.stream().anyMatch(f -> n.startsWith("." + f));
    }
}

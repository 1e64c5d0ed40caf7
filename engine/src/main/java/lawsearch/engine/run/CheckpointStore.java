package lawsearch.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.search.SearchState;
import lawsearch.grammar.core.UserError;

/**
 * A run's checkpoints: {@code checkpoint-<generation>.json}, each written atomically, the newest
 * two kept. A file is one header line, {@code lawsearch-checkpoint <format> <bytes> sha256:<hex>},
 * then the JSON payload ({@link Checkpoint}) the header describes: a truncated or altered payload
 * fails its length or checksum, and a format from a newer lawsearch is recognised before its
 * payload is read. Files are streamed both ways ({@link CheckpointFile}), so a checkpoint's size
 * is bounded by the disk, not by the heap or the 2 GB of a Java array.
 */
public final class CheckpointStore {
    /** 2: a score may have no law (the search let it go); a lawsearch that reads only 1 says so instead of failing on it. */
    public static final int FORMAT = 2;
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)\\.json");
    private static final int KEPT = 2;

    private CheckpointStore() { }

    /** The newest valid checkpoint and its file. */
    public record Loaded(SearchState state, Path file) { }

    /** Writes the state as {@code checkpoint-<generation>.json} and removes all but the newest two. */
    public static Path write(Path dir, SearchState state, long seed) {
        Path file = dir.resolve("checkpoint-" + state.generation() + ".json");
        AtomicFiles.write(file, ch -> CheckpointFile.write(ch, state, seed));
        prune(dir);
        return file;
    }

    /**
     * The newest checkpoint that reads back intact, or null when the run has none. A damaged newest
     * one is reported through {@code warn} and the previous one used; a newer format, or no intact
     * checkpoint at all, is a {@link UserError} with the reason.
     */
    public static Loaded load(Path dir, long seed, Set<String> variables, Consumer<String> warn) {
        List<Path> files = list(dir);
        List<String> reasons = new ArrayList<>();
        for (Path f : files) {
            try {
                SearchState s = read(f, seed, variables);
                if (!reasons.isEmpty()) {
                    warn.accept(String.join("; ", reasons) + "; resuming from " + f.getFileName() + " (generation "
                            + s.generation() + ")");
                }
                return new Loaded(s, f);
            } catch (Checkpoint.Invalid e) {
                reasons.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        if (!reasons.isEmpty()) {
            throw new UserError(dir + ": no valid checkpoint to resume from (" + String.join("; ", reasons) + ")");
        }
        return null;
    }

    /** One checkpoint file, verified: header, format, length, checksum, then the payload itself. */
    static SearchState read(Path file, long seed, Set<String> variables) throws Checkpoint.Invalid {
        return CheckpointFile.read(file, seed, variables);
    }

    /** The run's checkpoint files, newest (highest generation) first. */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(CheckpointStore::generationOf).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the newest two; also removes temporary files a killed writer left behind. */
    private static void prune(Path dir) {
        List<Path> files = list(dir);
        try {
            for (Path old : files.subList(Math.min(KEPT, files.size()), files.size())) {
                Files.deleteIfExists(old);
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(CheckpointStore::isLeftover).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune checkpoints in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A temporary file of an interrupted checkpoint write (AtomicFiles names them .checkpoint-N.json*.tmp). */
    static boolean isLeftover(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".checkpoint-") && n.endsWith(".tmp");
    }

    static long generationOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}

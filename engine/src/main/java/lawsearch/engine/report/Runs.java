package lawsearch.engine.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import lawsearch.engine.run.RunConfig;
import lawsearch.grammar.core.UserError;

/** Finds the run directories under a runs folder: any directory holding a config.json. */
public final class Runs {
    private Runs() { }

    /** Every run under {@code root} (runs/&lt;task&gt;/&lt;entry&gt;/run-&lt;i&gt;), optionally of one task only. */
    public static List<RunDir> scan(Path root, String task) {
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": no such directory (give --runs DIR)");
        }
        try (Stream<Path> s = Files.find(root, 4, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(RunConfig.FILE))) {
            return s.map(Path::getParent).sorted(Comparator.comparing(Path::toString))
                    .map(RunDir::read)
                    .filter(r -> task == null || task.equals(r.task()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

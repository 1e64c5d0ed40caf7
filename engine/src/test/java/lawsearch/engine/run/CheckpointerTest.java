package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.search.Generation;
import lawsearch.engine.search.SearchState;

/** Checkpoints written on their own thread while the search goes on; the last one in place. */
class CheckpointerTest {

    @Test
    void theLastBoundaryLeavesItsOwnCheckpointAndTheWholeHistoryOnDisk(@TempDir Path dir) throws IOException {
        int generations = 40;
        try (RunLog log = RunLog.open(dir)) {
            Checkpointer checkpoints = new Checkpointer(dir, 7, Duration.ofNanos(1), log);   // due at every boundary
            List<Generation> history = new ArrayList<>();
            for (int g = 1; g <= generations; g++) {
                Generation now = new Generation(g, g, -1.0, 0.5, "c1", 1, g * 0.01);
                history.add(now);
                List<Generation> upToNow = List.copyOf(history);
                long at = g;
                checkpoints.reached(now, () -> new SearchState(at, at * 0.01, List.of(), List.of(), upToNow), g == generations);
            }
        }
        List<Path> kept = CheckpointStore.list(dir);
        assertThat(kept).hasSizeLessThanOrEqualTo(2);
        assertThat(kept.get(0).getFileName()).hasToString("checkpoint-" + generations + ".json");
        assertThat(Files.readAllLines(dir.resolve("history.jsonl"))).hasSize(generations);
        assertThat(CheckpointStore.load(dir, 7, java.util.Set.of(), w -> { }).state().generation()).isEqualTo(generations);
        // No half-written temporary file is left behind.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}

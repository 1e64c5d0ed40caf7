package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.search.Score;
import lawsearch.engine.search.SearchState;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.simplify.Canonical;

/** Checkpoint files: exact round trip, checksum and length detection, fallback, versions, pruning. */
class CheckpointStoreTest {
    static List<SearchState> states;
    static final long SEED = Checkpoints.config(1).seed();

    @TempDir Path dir;

    @BeforeAll
    static void search() {
        states = Checkpoints.search(4, -1, null).states();
    }

    static SearchState at(int generation) { return states.get(generation - 1); }

    SearchState load(List<String> warnings) {
        CheckpointStore.Loaded l = CheckpointStore.load(dir, SEED, Checkpoints.DEMO.variableNames(), warnings::add);
        return l == null ? null : l.state();
    }

    @Test
    void aStateReadsBackEqualLawsHashesAndScores() {
        SearchState s = at(4);
        CheckpointStore.write(dir, s, SEED);
        SearchState back = load(new ArrayList<>());
        assertThat(back).isEqualTo(s);
        // The laws the search still holds (the front, the fittest, the newest) come back as they hash;
        // the others it let go were saved as their scores alone.
        assertThat(back.scores()).anyMatch(sc -> !sc.hasLaw()).anyMatch(Score::hasLaw);
        for (Score sc : back.scores()) {
            if (sc.hasLaw()) {
                assertThat(Canonical.hash(sc.law())).isEqualTo(sc.hash());
            }
        }
    }

    @Test
    void keepsTheNewestTwoAndRemovesLeftoverTemporaryFiles() throws IOException {
        Files.writeString(dir.resolve(".checkpoint-9.json123.tmp"), "a killed write");
        for (int g = 1; g <= 4; g++) {
            CheckpointStore.write(dir, at(g), SEED);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("checkpoint-3.json", "checkpoint-4.json");
        }
    }

    @Test
    void aTruncatedNewestFallsBackToThePreviousAndSaysSo() throws IOException {
        CheckpointStore.write(dir, at(3), SEED);
        Path newest = CheckpointStore.write(dir, at(4), SEED);
        truncateToHalf(newest);
        List<String> warnings = new ArrayList<>();
        assertThat(load(warnings)).isEqualTo(at(3));
        assertThat(warnings).singleElement().asString()
                .contains("checkpoint-4.json: truncated").contains("resuming from checkpoint-3.json (generation 3)");
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        CheckpointStore.write(dir, at(2), SEED);
        Path newest = CheckpointStore.write(dir, at(3), SEED);
        byte[] b = Files.readAllBytes(newest);
        b[b.length / 2] ^= 1;
        Files.write(newest, b);
        List<String> warnings = new ArrayList<>();
        assertThat(load(warnings)).isEqualTo(at(2));
        assertThat(warnings).singleElement().asString().contains("checkpoint-3.json: checksum mismatch");
    }

    @Test
    void noIntactCheckpointIsAUserErrorWithEveryReason() throws IOException {
        truncateToHalf(CheckpointStore.write(dir, at(1), SEED));
        Files.writeString(dir.resolve("checkpoint-2.json"), "");
        assertThatThrownBy(() -> load(new ArrayList<>())).isInstanceOf(UserError.class)
                .hasMessageContaining("no valid checkpoint to resume from")
                .hasMessageContaining("checkpoint-2.json: empty").hasMessageContaining("checkpoint-1.json: truncated");
    }

    @Test
    void aNewerFormatIsRefusedNotSkipped() throws IOException {
        CheckpointStore.write(dir, at(1), SEED);
        Path newest = CheckpointStore.write(dir, at(2), SEED);
        String text = Files.readString(newest);
        Files.writeString(newest, text.replaceFirst("^lawsearch-checkpoint 2 ", "lawsearch-checkpoint 7 "));
        assertThatThrownBy(() -> load(new ArrayList<>())).isInstanceOf(UserError.class)
                .hasMessage(newest + ": format 7 is newer than this lawsearch (2)");
    }

    @Test
    void anotherSeedsCheckpointIsNotResumed() {
        CheckpointStore.write(dir, at(1), SEED);
        assertThatThrownBy(() -> CheckpointStore.load(dir, SEED + 1, Checkpoints.DEMO.variableNames(), w -> { }))
                .isInstanceOf(UserError.class).hasMessageContaining("written by a run with seed " + SEED);
    }

    @Test
    void aRunWithoutCheckpointsHasNothingToLoad() {
        assertThat(load(new ArrayList<>())).isNull();
    }

    static void truncateToHalf(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
        assertThat(new String(b, 0, 20, StandardCharsets.UTF_8)).startsWith("lawsearch-checkpoint");
    }
}

package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.SearchOptions;
import lawsearch.engine.search.SearchState;
import lawsearch.grammar.formatter.Printer;

/** An interrupted search continued from its checkpoint ends exactly as an uninterrupted one. */
class ResumeTest {
    static final int G = 12;

    @TempDir Path dir;

    @Test
    void interruptedThenResumedEqualsUninterrupted() {
        resumedEqualsStraight(Checkpoints.OPTIONS);
    }

    @Test
    void restartsOfStagnantIslandsResumeExactly() {
        // patience 2: islands restart before and after the interruption, the count carried by the history
        resumedEqualsStraight(Checkpoints.OPTIONS.toBuilder().stagnation(2).build());
    }

    @Test
    void aSearchOnASampleOfTheRowsResumesExactly() {
        resumedEqualsStraight(Checkpoints.OPTIONS.toBuilder().searchRows(100).build());
    }

    private void resumedEqualsStraight(SearchOptions options) {
        Discovery.Outcome straight = Checkpoints.search(G, -1, null, options).outcome();

        Checkpoints.Traced first = Checkpoints.search(G, G / 2, null, options);
        assertThat(first.outcome().search().interrupted()).isTrue();
        SearchState saved = first.states().get(first.states().size() - 1);
        assertThat(saved.generation()).isEqualTo(G / 2);
        CheckpointStore.write(dir, saved, Checkpoints.config(G).seed());   // through the file, as a real resume
        SearchState loaded = CheckpointStore.load(dir, Checkpoints.config(G).seed(), Checkpoints.DEMO.variableNames(),
                w -> { }).state();
        Discovery.Outcome resumed = Checkpoints.search(G, -1, loaded, options).outcome();

        assertThat(Printer.print(resumed.chosen().law().expr())).isEqualTo(Printer.print(straight.chosen().law().expr()));
        assertThat(resumed.chosen().law()).isEqualTo(straight.chosen().law());
        assertThat(resumed.chosen().validationNmse()).isEqualTo(straight.chosen().validationNmse());
        assertThat(resumed.evaluation().test().r2()).isEqualTo(straight.evaluation().test().r2());
        assertThat(resumed.search().evaluations()).isEqualTo(straight.search().evaluations());
        assertThat(withoutTimes(resumed.search().history())).isEqualTo(withoutTimes(straight.search().history()));
        assertThat(front(resumed)).isEqualTo(front(straight));
    }

    @Test
    void resumingTheFinalCheckpointOfASpentBudgetSearchesNoFurther() {
        Checkpoints.Traced done = Checkpoints.search(3, -1, null);
        SearchState last = done.states().get(done.states().size() - 1);
        Checkpoints.Traced again = Checkpoints.search(3, -1, last);
        assertThat(again.states()).isEmpty();
        assertThat(again.outcome().chosen().law()).isEqualTo(done.outcome().chosen().law());
        assertThat(again.outcome().search().evaluations()).isEqualTo(done.outcome().search().evaluations());
    }

    private static List<String> withoutTimes(List<Generation> h) {
        return h.stream().map(g -> g.generation() + " " + g.evaluations() + " " + g.bestFitness() + " "
                + g.bestValidationR2() + " " + g.paretoSize() + " " + g.bestLaw()).toList();
    }

    private static List<String> front(Discovery.Outcome o) {
        return o.search().hallOfFame().front().stream().map(Score::law).map(l -> Printer.print(l.expr()) + " " + l.fit())
                .toList();
    }
}

package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/** Validation scores and their per-row shares. */
class FitnessTest {
    private final Dataset train = DemoData.generate(0).withoutTest();
    private final Fitness fitness = new Fitness(Folds.of(train, List.of("params", "tokens"), 0), FitOptions.DEFAULT);

    private Law law(String text) {
        return Law.of(LawParser.parse(text, train.variableNames()));
    }

    @Test
    void theSharesOfTheValidationRowsSumToTheValidationError() {
        for (String text : List.of(DemoData.LAW, "E + A*params^(-alpha)", "c1*log(tokens) + c2")) {
            Law l = law(text);
            double[] shares = fitness.shares(l);
            assertThat(shares).isNotNull();
            assertThat(Arrays.stream(shares).sum()).isCloseTo(fitness.score(l).validationNmse(), within(1e-12));
            assertThat(fitness.shares(l)).containsExactly(shares);   // deterministic: pairs up across calls
        }
    }

    @Test
    void aLawTheScreenRefusesIsChargedThePenaltyAndMarked() {
        List<ValidationSplit> folds = Folds.of(train, List.of("params", "tokens"), 0);
        Law l = law(DemoData.LAW);
        Score passed = new Fitness(folds, FitOptions.DEFAULT, 0.03, f -> true, 2).score(l);
        Score refused = new Fitness(folds, FitOptions.DEFAULT, 0.03, f -> false, 2).score(l);
        assertThat(passed.sound()).isTrue();
        assertThat(refused.sound()).isFalse();
        assertThat(refused.validationNmse()).isEqualTo(passed.validationNmse());
        assertThat(refused.fitness() - passed.fitness()).isCloseTo(2, within(1e-12));
        assertThat(passed.fitness()).isEqualTo(fitness.score(l).fitness());   // no screen: as if every law passed
    }

    @Test
    void aBatchStartsWithItsCostliestFitsAndKeepsListOrderAmongEquals() {
        List<Law> laws = List.of(law("c1*params"), law(DemoData.LAW), law("c1*tokens"), law("E + A*params^(-alpha)"));
        assertThat(Fitness.longestFirst(laws)).containsExactly(1, 3, 0, 2);
    }

    @Test
    void aBatchScoresTheSameOnOneThreadAndOnTwo() {
        List<Law> laws = List.of(law("c1*params"), law(DemoData.LAW), law("E + A*params^(-alpha)"), law("c1*log(tokens) + c2"));
        List<ValidationSplit> folds = Folds.of(train, List.of("params", "tokens"), 0);
        try (ForkJoinPool single = new ForkJoinPool(1); ForkJoinPool pair = new ForkJoinPool(2)) {
            List<Score> one = new Fitness(folds, FitOptions.DEFAULT).scoreAll(laws, single);
            List<Score> two = new Fitness(folds, FitOptions.DEFAULT).scoreAll(laws, pair);
            assertThat(two).isEqualTo(one);
        }
    }

    @Test
    void aLawLetGoIsNotRefittedWhenMetAgainAndKeepsItsScore() {
        Law kept = law(DemoData.LAW);
        Law gone = law("E + A*params^(-alpha)");
        Score first = fitness.score(gone);
        fitness.score(kept);
        fitness.forget(s -> s.law().equals(kept), fitness.evaluations());
        assertThat(fitness.all()).filteredOn(s -> !s.hasLaw()).extracting(Score::hash).containsExactly(first.hash());
        assertThat(fitness.all()).filteredOn(Score::hasLaw).extracting(Score::law).containsExactly(kept);

        int fitted = fitness.evaluations();
        Law renamed = law("c0 + k*params^(-a)");   // the same law under other names: the same hash
        Score again = fitness.score(renamed);
        assertThat(fitness.evaluations()).isEqualTo(fitted);
        assertThat(again.law()).isEqualTo(renamed);
        assertThat(again.withoutLaw()).isEqualTo(first.withoutLaw());
        try (ForkJoinPool pool = new ForkJoinPool(1)) {
            assertThat(fitness.scoreAll(List.of(renamed, kept), pool)).extracting(Score::law).containsExactly(renamed, kept);
        }
        // Asked again, a law let go stays gone and one kept is asked again.
        fitness.forget(s -> true, fitness.evaluations());
        assertThat(fitness.all()).filteredOn(Score::hasLaw).hasSize(1);
    }

    @Test
    void aLawThatCannotBeEvaluatedHasNoShares() {
        assertThat(fitness.shares(law("log(-params) + c1"))).isNull();
    }
}

package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/** The front, the fittest law on it, and the law a run reports. */
class HallOfFameTest {

    private static Law law(String text) {
        return Law.of(LawParser.parse(text, Set.of("x")));
    }

    private static Score score(String law, double nmse, int complexity) {
        return Score.of(law(law), law.hashCode(), nmse, complexity, 1, SearchOptions.DEFAULTS.parsimony());
    }

    @Test
    void theFrontKeepsForEachComplexityOnlyLawsNoSimplerLawBeats() {
        HallOfFame hof = HallOfFame.of(List.of(score("a", 0.5, 1), score("a + x", 0.6, 3), score("a*x", 0.1, 3),
                score("a*x^b", 0.2, 5), score("a*x^b + c", 0.01, 7)));
        assertThat(hof.front()).extracting(Score::complexity).containsExactly(1, 3, 7);
    }

    @Test
    void aSoundLawBeatenOnlyByUnsoundLawsStaysOnTheFrontAndTheChargeDecidesTheFittest() {
        double parsimony = SearchOptions.DEFAULTS.parsimony();
        Score unsound = Score.of(law("a*x^b + c"), 1, 0.010, 7, 3, parsimony, false, 2);
        Score sound = Score.of(law("a*x^b + c*x"), 2, 0.012, 9, 3, parsimony, true, 2);
        HallOfFame hof = HallOfFame.of(List.of(unsound, sound, score("a", 0.5, 1)));
        assertThat(hof.front()).containsExactly(hof.front().get(0), unsound, sound);
        // log(0.010) + 0.21 + 2 against log(0.012) + 0.27: the sound law, though it validates worse.
        assertThat(hof.chosen()).isEqualTo(sound);
        assertThat(unsound.fitness() - Score.of(law("a*x^b + c"), 1, 0.010, 7, 3, parsimony).fitness()).isEqualTo(2.0);
    }

    @Test
    void theFittestLawTradesErrorAgainstSize() {
        // log(0.010) + 0.03·7 = -4.40 against log(0.011) + 0.03·3 = -4.42: the smaller law; halving the error pays for 4 nodes.
        HallOfFame close = HallOfFame.of(List.of(score("a*x", 0.011, 3), score("a*x^b + c", 0.010, 7)));
        assertThat(close.chosen().complexity()).isEqualTo(3);
        HallOfFame clear = HallOfFame.of(List.of(score("a*x", 0.011, 3), score("a*x^b + c", 0.005, 7)));
        assertThat(clear.chosen().complexity()).isEqualTo(7);
    }

    /** Shares of validation error per row: the fittest law is better overall, but by less than the rows' scatter. */
    @Test
    void aDocumentedFormWithinTwoStandardErrorsOfTheFittestIsReported() {
        Score documented = score("a*x + c", 0.0110, 5);
        HallOfFame hof = HallOfFame.of(List.of(score("a", 0.5, 1), documented, score("a*x^b + c", 0.0080, 7)));
        Map<Law, double[]> shares = Map.of(
                law("a*x + c"), new double[] {0.0001, 0.0070, 0.0002, 0.0027, 0.0010},
                law("a*x^b + c"), new double[] {0.0002, 0.0030, 0.0001, 0.0040, 0.0007});
        assertThat(hof.chosen().complexity()).isEqualTo(7);
        assertThat(hof.reported(List.of(documented), shares::get)).isEqualTo(documented);
        assertThat(hof.reported(List.of(), shares::get).complexity()).isEqualTo(7);
    }

    /**
     * A form no better than the held-out rows' mean (validation R² at or below 0) stands in for no
     * law: its errors sit in two of nine rows, so the paired test alone could not tell it from a
     * law that fits them all.
     */
    @Test
    void aDocumentedFormNoBetterThanTheMeanIsNeverReported() {
        Score mean = score("a*x + c", 1.0002, 5);
        HallOfFame hof = HallOfFame.of(List.of(mean, score("a*x^b + c", 1e-12, 7)));
        Map<Law, double[]> shares = Map.of(
                law("a*x + c"), new double[] {4.0, 0, 0, 0, 0, 0, 0, 0, 5.0},
                law("a*x^b + c"), new double[9]);
        assertThat(HallOfFame.indistinguishable(shares.get(law("a*x + c")), shares.get(law("a*x^b + c")))).isTrue();
        assertThat(hof.reported(List.of(mean), shares::get).complexity()).isEqualTo(7);
        Score better = score("a*x + c", 0.9, 5);   // a little better than the mean: the paired test decides, as before
        assertThat(HallOfFame.of(List.of(better, score("a*x^b + c", 1e-12, 7))).reported(List.of(better), shares::get)).isEqualTo(better);
    }

    @Test
    void aFittestLawBetterOnEveryRowDisplacesTheDocumentedForm() {
        Score documented = score("a*x + c", 0.0150, 5);
        HallOfFame hof = HallOfFame.of(List.of(documented, score("a*x^b + c", 0.0100, 7)));
        Map<Law, double[]> shares = Map.of(
                law("a*x + c"), new double[] {0.0030, 0.0030, 0.0031, 0.0029, 0.0030},
                law("a*x^b + c"), new double[] {0.0020, 0.0020, 0.0021, 0.0019, 0.0020});
        assertThat(hof.reported(List.of(documented), shares::get).complexity()).isEqualTo(7);
    }

    @Test
    void aDocumentedFormWhoseSharesCannotBeComputedIsPassedOver() {
        Score documented = score("a*x + c", 0.0101, 5);
        HallOfFame hof = HallOfFame.of(List.of(documented, score("a*x^b + c", 0.0050, 7)));
        Function<Law, double[]> shares = l -> l.equals(law("a*x + c")) ? null : new double[] {0.002, 0.003};
        assertThat(hof.reported(List.of(documented), shares).complexity()).isEqualTo(7);
    }

    /**
     * A template larger than the fittest law is spared the charge per node but must validate better
     * than the fittest law and the reported seed; one no larger (as it reads: a column in its own
     * units, {@code x/1e8}, counts as the column) is weighed as a seed is.
     */
    @Test
    void aTemplateIsReportedOnlyWhenItValidatesBetterOrIsNoLargerAndWithinTwoStandardErrors() {
        Score fittest = score("a*x^b + c", 0.0100, 7);
        HallOfFame hof = HallOfFame.of(List.of(fittest));
        Function<Law, double[]> shares = l -> new double[] {0.004, 0.006};
        Score close = score("a*x + c", 0.0101, 5);       // within two standard errors: a seed would be reported
        Score closeLarger = score("a*x + c*log(x) + d", 0.0101, 10);
        Score better = score("a + b*log(x)^2", 0.0090, 90);
        Score best = score("a + b*log(x)^2 + c*log(x)", 0.0080, 95);
        assertThat(hof.reported(List.of(), List.of(close), shares)).isEqualTo(close);
        assertThat(hof.reported(List.of(), List.of(score("a*(x/1e8)^b + c", 0.0101, 9)), shares).law()).isEqualTo(law("a*(x/1e8)^b + c"));
        assertThat(hof.reported(List.of(), List.of(closeLarger), shares)).isEqualTo(fittest);
        assertThat(hof.reported(List.of(close), List.of(), shares)).isEqualTo(close);
        assertThat(hof.reported(List.of(), List.of(close, better, best), shares)).isEqualTo(best);
        Score seed = score("a*x + c*x^2", 0.0085, 9);     // a seed that validates better than the fittest
        assertThat(hof.reported(List.of(seed), List.of(better), shares)).isEqualTo(seed);
        assertThat(HallOfFame.of(List.of()).reported(List.of(), List.of(best), shares)).isNull();
    }

    /** A template that leaves out a column the fittest law reads does not stand in for it, however close. */
    @Test
    void aTemplateReadingFewerColumnsThanTheFittestLawDoesNotStandInForIt() {
        Score fittest = Score.of(Law.of(LawParser.parse("a*x^b + c*t + d", Set.of("x", "t"))), 1, 0.0100, 9, 1, SearchOptions.DEFAULTS.parsimony());
        HallOfFame hof = HallOfFame.of(List.of(fittest));
        Function<Law, double[]> shares = l -> new double[] {0.004, 0.006};
        Score without = score("a*x^b + c", 0.0101, 7);
        Score with = Score.of(Law.of(LawParser.parse("a*x^b + c + d*t", Set.of("x", "t"))), 2, 0.0101, 9, 1, SearchOptions.DEFAULTS.parsimony());
        assertThat(hof.reported(List.of(), List.of(without), shares)).isEqualTo(fittest);
        assertThat(hof.reported(List.of(), List.of(without, with), shares)).isEqualTo(with);
        assertThat(hof.reported(List.of(without), List.of(), shares)).as("a seed law is its author's choice").isEqualTo(without);
    }

    @Test
    void twoStandardErrorsOfThePairedDifference() {
        double[] b = {1, 2, 3, 4};
        assertThat(HallOfFame.withinTwoStandardErrors(new double[] {1, 2, 3, 4}, b)).isTrue();
        assertThat(HallOfFame.withinTwoStandardErrors(new double[] {2, 3, 4, 5}, b)).isFalse();   // +1 on every row: no scatter
        assertThat(HallOfFame.withinTwoStandardErrors(new double[] {0, 2, 3, 4}, b)).isTrue();    // better
        assertThat(HallOfFame.withinTwoStandardErrors(new double[] {1.5, 1.5, 3.5, 3.6}, b)).isTrue();   // +0.15 on average, scatter 0.5
        // the same fit up to the optimiser's rounding: no scatter, but no difference worth the name
        assertThat(HallOfFame.withinTwoStandardErrors(new double[] {1 + 1e-9, 2 + 1e-9, 3, 4}, b)).isTrue();
        // differences 1.9, -0.1, 1.9, -0.1: sum 3.6, standard error of the sum 2.31: 1.56 of them
        assertThat(HallOfFame.withinTwoStandardErrors(new double[] {2.9, 1.9, 4.9, 3.9}, b)).isTrue();
        // differences 2.3, 0.3, 2.3, 0.3: sum 5.2, 2.25 standard errors
        assertThat(HallOfFame.withinTwoStandardErrors(new double[] {3.3, 2.3, 5.3, 4.3}, b)).isFalse();
    }

    /** The fittest law is a documented one written by the search (other names, same canonical form): the author's text is reported. */
    @Test
    void aDocumentedFormEqualToTheFittestIsReportedInItsAuthorsWords() {
        Score documented = Score.of(law("E + A*x^b"), 42, 0.0100, 5, 1, SearchOptions.DEFAULTS.parsimony());
        Score searched = Score.of(law("c1*x^c2 + c3"), 42, 0.0100, 5, 1, SearchOptions.DEFAULTS.parsimony());
        HallOfFame hof = HallOfFame.of(List.of(searched));
        Function<Law, double[]> shares = l -> new double[] {0.004, 0.006};
        assertThat(hof.reported(List.of(documented), shares)).isEqualTo(documented);
    }

    @Test
    void anEmptyFrontChoosesNothing() {
        assertThat(HallOfFame.of(List.of()).chosen()).isNull();
        assertThat(HallOfFame.of(List.of()).reported(List.of(score("a", 1, 1)), l -> null)).isNull();
    }

    /** A law whose constants the rows cannot pin is passed over like a failed refit; the rule's next choice is asked in turn. */
    @Test
    void anUnpinnedLawIsPassedOverForTheNextTheRuleReaches() {
        Score simple = score("a*x", 0.05, 3);
        Score fittest = score("a*x^b + c", 0.01, 7);
        Score middle = score("a*x + c", 0.02, 5);
        HallOfFame hof = HallOfFame.of(List.of(simple, middle, fittest));
        List<Score> asked = new java.util.ArrayList<>();
        Score r = hof.reported(List.of(), List.of(), l -> null, s -> true, s -> {
            asked.add(s);
            return s != fittest;
        });
        assertThat(r).isEqualTo(middle);
        assertThat(asked).containsExactly(fittest, middle);   // only the laws the rule reached
        assertThat(hof.reported(List.of(), List.of(), l -> null, s -> s != middle, s -> s != fittest)).isEqualTo(simple);
    }

    @Test
    void whenNoAdmittedLawIsPinnedTheFirstChoiceStands() {
        Score simple = score("a*x", 0.05, 3);
        Score fittest = score("a*x^b + c", 0.01, 7);
        HallOfFame hof = HallOfFame.of(List.of(simple, fittest));
        assertThat(hof.reported(List.of(), List.of(), l -> null, s -> true, s -> false)).isEqualTo(fittest);
        // The unsound simple law is never reported in the unpinned fittest law's place.
        assertThat(hof.reported(List.of(), List.of(), l -> null, s -> s == fittest, s -> false)).isEqualTo(fittest);
    }
}

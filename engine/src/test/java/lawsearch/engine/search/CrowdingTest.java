package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/** Copies of one law (the same validation error) count as one: the fittest keeps its fitness. */
class CrowdingTest {

    private static Score score(String law, double nmse, int complexity) {
        return Score.of(Law.of(LawParser.parse(law, Set.of("x"))), law.hashCode(), nmse, complexity, 1,
                SearchOptions.DEFAULTS.parsimony());
    }

    @Test
    void theFittestOfLawsThatPredictAlikeKeepsItsFitnessAndTheOthersAreCharged() {
        Score big = score("a*x^b + 0*x", 0.2, 9);
        Score small = score("a*x^b", 0.2 * (1 + 1e-7), 5);   // the same predictions, fitted from other starts
        Score other = score("a + b*x", 0.3, 5);
        double[] f = Crowding.charged(new Score[] {big, small, other, small}, new double[4], 1.5);
        assertThat(f[0]).isCloseTo(big.fitness() + 1.5, within(1e-12));
        assertThat(f[1]).isEqualTo(small.fitness());
        assertThat(f[2]).isEqualTo(other.fitness());
        assertThat(f[3]).as("an equal copy after the first is charged").isCloseTo(small.fitness() + 1.5, within(1e-12));
    }

    @Test
    void lawsThatPredictDifferentlyAndMembersWithoutAScoreAreLeftAlone() {
        Score a = score("a*x", 0.1, 3);
        Score b = score("a*x^b", 0.1001, 5);
        double[] f = Crowding.charged(new Score[] {a, null, b}, new double[] {0, 7, 0}, 1);
        assertThat(f).containsExactly(a.fitness(), 7, b.fitness());
    }

    @Test
    void noChargeLeavesEveryScoreAsItIs() {
        Score a = score("a*x", 0.1, 3);
        assertThat(Crowding.charged(new Score[] {a, a}, new double[2], 0)).containsExactly(a.fitness(), a.fitness());
    }
}

package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Restarts fall due every {@code patience} generations without a better fittest law, the islands in turn. */
class StagnationTest {

    private static List<Integer> restarts(int patience, double... best) {
        Stagnation s = new Stagnation(patience, 3);
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < best.length; g++) {
            out.add(s.observe(new Generation(g + 1, 0, best[g], 0, "", 0, 0)));
        }
        return out;
    }

    @Test
    void everyPatienceGenerationsWithoutABetterLawTheNextIslandRestarts() {
        assertThat(restarts(2, -1, -2, -2, -2, -2, -2, -2, -2, -2))
                .containsExactly(-1, -1, -1, 0, -1, 1, -1, 2, -1);
    }

    @Test
    void aBetterLawStartsTheCountAgain() {
        assertThat(restarts(2, -1, -1, -1, -3, -3, -3)).containsExactly(-1, -1, 0, -1, -1, 1);
    }

    @Test
    void noLawYetOrPatienceZeroNeverRestarts() {
        assertThat(restarts(2, Double.NaN, Double.NaN, Double.NaN)).containsOnly(-1);
        assertThat(restarts(0, -1, -1, -1, -1)).containsOnly(-1);
    }
}

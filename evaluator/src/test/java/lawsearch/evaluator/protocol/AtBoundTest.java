package lawsearch.evaluator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.fit.FitResult;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/** Which fitted constants sit on an end of their bounds, per fit, and how that reads. */
class AtBoundTest {
    static final Law LAW = Law.of(LawParser.parse("A/log(N)^alpha + B/(D + c1)^beta", Set.of("N", "D")))
            .withBounds(Bounds.NONE.with("alpha", new Interval(-4, 4)).with("c1", new Interval(0, Double.POSITIVE_INFINITY))
                    .with("beta", new Interval(0, 3)));

    /** One fit per group, constants A, alpha, B, c1, beta in law order; null: a failed fit. */
    static FittedLaw fitted(Map<String, double[]> byGroup) {
        Map<String, Map<String, FitResult>> fits = new LinkedHashMap<>();
        byGroup.forEach((g, p) -> fits.put(g, Map.of("loss", new FitResult(LAW.parameters(), p, p == null ? Double.POSITIVE_INFINITY : 1,
                p == null ? Double.POSITIVE_INFINITY : 1, 0, 1))));
        return new FittedLaw(LAW, Map.of("N", "N", "D", "D"), fits);
    }

    @Test
    void namesEachConstantAndEndWithTheFitsWhereItSits() {
        assertThat(LAW.parameters()).containsExactly("A", "alpha", "B", "c1", "beta");
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("a", new double[] {1e5, 3.9999999276823694, 5, 3.5e-11, 0.5});
        groups.put("b", new double[] {1e5, 2.1, 5, 0.3, 1e-9});
        groups.put("c", null);   // failed: neither counted nor listed
        groups.put("d", new double[] {1e5, 3.99999999, 5, 0.0, 0.7});
        List<AtBound> at = AtBound.of(fitted(groups));
        assertThat(at).extracting(AtBound::name).containsExactly("alpha", "c1", "beta");
        assertThat(at.get(0)).isEqualTo(new AtBound("alpha", 4, "alpha in [-4, 4]", List.of("a", "d"), 3));
        assertThat(at.get(1).fits()).containsExactly("a", "d");
        assertThat(at.get(2)).isEqualTo(new AtBound("beta", 0, "beta in [0, 3]", List.of("b"), 3));
        assertThat(at.get(0).describe()).isEqualTo("alpha = 4 (bounds: alpha in [-4, 4]), in 2 of 3 fits (a, d)");
    }

    @Test
    void readsShortlyForOneFitOrAll() {
        assertThat(AtBound.of(fitted(Map.of("all", new double[] {1, -4, 1, 1, 1})))).singleElement()
                .extracting(AtBound::describe).isEqualTo("alpha = -4 (bounds: alpha in [-4, 4])");
        Map<String, double[]> two = new LinkedHashMap<>();
        two.put("x", new double[] {1, 1, 1, 1, 3});
        two.put("y", new double[] {1, 1, 1, 1, 3});
        assertThat(AtBound.of(fitted(two))).singleElement().extracting(AtBound::describe)
                .isEqualTo("beta = 3 (bounds: beta in [0, 3]), in all 2 fits");
    }

    @Test
    void aConstantInsideItsBoundsOrFreeIsNotListed() {
        assertThat(AtBound.of(fitted(Map.of("all", new double[] {-1e-12, 3.9, 0, 1e-6, 2.999})))).isEmpty();
    }

    @Test
    void manyFitsAreCutShort() {
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (String g : List.of("g1", "g2", "g3", "g4", "g5")) {
            groups.put(g, new double[] {1, 4, 1, 1, 1});
        }
        groups.put("g6", new double[] {1, 1, 1, 1, 1});
        assertThat(AtBound.of(fitted(groups)).get(0).describe()).isEqualTo("alpha = 4 (bounds: alpha in [-4, 4]), in 5 of 6 fits (g1, g2, g3, …)");
    }
}

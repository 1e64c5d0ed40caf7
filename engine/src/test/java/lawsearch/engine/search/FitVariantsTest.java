package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.core.Weighting;
import lawsearch.grammar.parser.LawParser;

class FitVariantsTest {
    private static final Law LAW = Law.of(LawParser.parse("E + A*N^(-alpha) + B*D^(-beta)", Set.of("N", "D")))
            .withFit(FitSettings.DEFAULT.withLoss(Loss.LOG_MSE).withStarts(12));

    /** Three losses, each uniform and weighted by every scale variable to the powers 0.5 and 1; the expression and starts kept. */
    @Test
    void everyLossUnderEveryWeighting() {
        List<Law> variants = FitVariants.of(LAW, List.of("N", "D"));
        assertThat(variants).hasSize(3 * (1 + 2 * 2)).doesNotHaveDuplicates();
        assertThat(variants).allSatisfy(v -> {
            assertThat(v.expr()).isEqualTo(LAW.expr());
            assertThat(v.fit().starts()).isEqualTo(12);
        });
        assertThat(variants).extracting(v -> v.fit().weighting())
                .contains(Weighting.UNIFORM, new Weighting.Scale("N", 0.5), new Weighting.Scale("D", 1));
        assertThat(variants).extracting(v -> v.fit().loss()).containsOnly(Loss.MSE, Loss.LOG_MSE, new Loss.Huber(0.01));
    }

    /** The order does not depend on the order the scale variables come in (a set's is unspecified). */
    @Test
    void orderIsFixed() {
        assertThat(FitVariants.of(LAW, List.of("N", "D"))).isEqualTo(FitVariants.of(LAW, List.of("D", "N")));
    }
}

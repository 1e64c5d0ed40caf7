package lawsearch.engine.use;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import lawsearch.engine.run.ShapeGate;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;

/** Which bootstrap refits the reported law's interval draws from: those that predict the quantity (a loss above 0). */
class IntervalsRefitsInRangeTest {
    private final Dataset demo = DemoData.generate(0);
    private final ForkJoinPool pool = ForkJoinPool.commonPool();

    private FittedLaw fitted(String expr, String bounds) {
        Law law = LawFile.parse("# EVOLVE-BLOCK-START\nlaw: " + expr + "\nbounds: " + bounds
                + "\nloss: mse\nweight: uniform\nstarts: 4\n# EVOLVE-BLOCK-END\n", "t.law", demo.variableNames()).law();
        return Protocol.fit(law, Problem.trainTest(demo), FitOptions.DEFAULT, pool);
    }

    private ShapeGate gate(ShapeSpec spec) {
        return new ShapeGate(demo, List.of("params", "tokens"), spec, FitOptions.DEFAULT, pool, 1);
    }

    /**
     * A refit that predicts a loss below 0 within 1000× of the largest run (here forced to, by its
     * bounds: it falls as a log, without a floor) is left out in its place, as a failed one is, so
     * resample k stays at index k; one that only rises along a scale variable stays; with the checks
     * off every refit stays.
     */
    @Test
    void aRefitBelowTheTargetsRangeIsLeftOutInPlace() {
        FittedLaw chinchilla = fitted("E + A*params^(-alpha) + B*tokens^(-beta)", "A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]");
        FittedLaw rising = fitted("E + A*params^alpha", "A >= 0.001; alpha in [0.1, 1]");
        FittedLaw negative = fitted("E - A*log(params*tokens)", "A >= 0.5");
        List<FittedLaw> refits = Arrays.asList(chinchilla, rising, negative, null, chinchilla);

        assertThat(gate(ShapeSpec.AUTO).sound(rising.law())).isFalse();
        assertThat(Intervals.inRangeOnly(refits, gate(ShapeSpec.AUTO), pool))
                .containsExactly(chinchilla, rising, null, null, chinchilla);
        assertThat(Intervals.inRangeOnly(refits, gate(ShapeSpec.NONE), pool))
                .containsExactly(chinchilla, rising, negative, null, chinchilla);
    }
}

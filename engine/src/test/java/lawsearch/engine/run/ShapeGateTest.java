package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.fit.Fitter;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;

/** Which laws may be reported: sound when fitted on all train rows, and fitted there as well as they validated. */
class ShapeGateTest {
    private final Dataset demo = DemoData.generate(0);

    private Law law(String expr, String bounds) {
        return LawFile.parse("# EVOLVE-BLOCK-START\nlaw: " + expr + "\nbounds: " + bounds
                + "\nloss: mse\nweight: uniform\nstarts: 4\n# EVOLVE-BLOCK-END\n", "t.law", demo.variableNames()).law();
    }

    private ShapeGate gate(ShapeSpec spec) {
        return new ShapeGate(demo, List.of("params", "tokens"), spec, FitOptions.DEFAULT, ForkJoinPool.commonPool(), 1);
    }

    @Test
    void aFitOnAllTrainRowsFarWorseThanTheLawValidatedIsAFailedRefit() {
        ShapeGate gate = gate(ShapeSpec.AUTO);
        Law chinchilla = law("E + A*params^(-alpha) + B*tokens^(-beta)", "A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]");
        assertThat(gate.refits(chinchilla, 0.01)).isTrue();
        // A constant predicts every train row at their mean: train NMSE 1.
        Law constant = law("c1", "");
        assertThat(gate.refits(constant, 0.5)).isTrue();
        assertThat(gate.refits(constant, 0.01)).isFalse();
        assertThat(gate(ShapeSpec.NONE).refits(constant, 0.01)).isTrue();   // --shape none: nothing is checked
    }

    /** The run reports the fit the verdict was drawn from, and reads it after the run without fitting again. */
    @Test
    void theVerdictsFitIsMadeOnceAndReadWithoutRefitting() {
        ShapeGate gate = gate(ShapeSpec.AUTO);
        Law chinchilla = law("E + A*params^(-alpha) + B*tokens^(-beta)", "A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]");
        assertThat(gate.fittedIfChecked(chinchilla)).isNull();   // never asked: nothing to read, and nothing fitted
        long before = Fitter.created();
        assertThat(gate.sound(chinchilla)).isTrue();
        assertThat(Fitter.created() - before).isEqualTo(1);
        assertThat(gate.fitted(chinchilla)).isSameAs(gate.fittedIfChecked(chinchilla)).isNotNull();
        assertThat(Fitter.created() - before).isEqualTo(1);
    }

    @Test
    void aLawTheRowsDetermineIsPinnedAndItsSpreadIsKeptForTheLog() {
        ShapeGate gate = gate(ShapeSpec.AUTO);
        Law chinchilla = law("E + A*params^(-alpha) + B*tokens^(-beta)", "A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]");
        assertThat(gate.pinned(chinchilla)).isTrue();
        assertThat(gate.spreads()).containsOnlyKeys(chinchilla);
        assertThat(gate.spreads().get(chinchilla)).isBetween(0.0, 0.05).isEqualTo(gate.frontierSpread(chinchilla));
        ShapeGate off = gate(ShapeSpec.NONE);
        assertThat(off.pinned(chinchilla)).isTrue();
        assertThat(off.spreads()).isEmpty();   // --shape none: no bootstrap is spent
    }
}

package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.core.Weighting;

/**
 * A law under every fit setting the search polishes with: each loss (mse, log-mse, huber(0.01))
 * with uniform weights and with weights growing as each scale variable to the power 0.5 and 1. Fit
 * settings evolve with the expression, but a law the search met late (or never bred, as a template)
 * may not have met its best ones; scoring the fixed set lets the settings, not luck, decide.
 */
public final class FitVariants {
    private FitVariants() { }

    static final List<Loss> LOSSES = List.of(Loss.MSE, Loss.LOG_MSE, new Loss.Huber(0.01));
    static final double[] POWERS = {0.5, 1};

    /** {@code law} under each loss × weighting, in a fixed order (its starts kept). */
    public static List<Law> of(Law law, Collection<String> scaleVariables) {
        List<String> vars = scaleVariables.stream().sorted().toList();
        List<Law> out = new ArrayList<>();
        for (Loss loss : LOSSES) {
            out.add(law.withFit(law.fit().withLoss(loss).withWeighting(Weighting.UNIFORM)));
            for (String v : vars) {
                for (double power : POWERS) {
                    out.add(law.withFit(law.fit().withLoss(loss).withWeighting(new Weighting.Scale(v, power))));
                }
            }
        }
        return out;
    }
}

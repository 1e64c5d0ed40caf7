package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.core.Weighting;

/**
 * A law under every fit setting the search polishes with: each of the losses its mutations draw
 * ({@link FitSettings#SEARCH_LOSSES}: mse, log-mse, huber(0.01)) with uniform weights and with weights
 * growing as each scale variable to each of their powers (0.5 and 1). Fit
 * settings evolve with the expression, but a law the search met late (or never bred, as a template)
 * may not have met its best ones; scoring the fixed set lets the settings, not luck, decide.
 */
public final class FitVariants {
    private FitVariants() { }

    /** {@code law} under each loss × weighting, in a fixed order (its starts kept). */
    public static List<Law> of(Law law, Collection<String> scaleVariables) {
        List<String> vars = scaleVariables.stream().sorted().toList();
        List<Law> out = new ArrayList<>();
        for (Loss loss : FitSettings.SEARCH_LOSSES) {
            out.add(law.withFit(law.fit().withLoss(loss).withWeighting(Weighting.UNIFORM)));
            for (String v : vars) {
                for (double power : FitSettings.SEARCH_POWERS) {
                    out.add(law.withFit(law.fit().withLoss(loss).withWeighting(new Weighting.Scale(v, power))));
                }
            }
        }
        return out;
    }
}

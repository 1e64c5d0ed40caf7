package lawsearch.grammar.core;

import java.util.List;
import java.util.Objects;

/** The fit settings an EVOLVE-BLOCK carries beside its law; a search may mutate them too. */
public record FitSettings(Loss loss, Weighting weighting, int starts) {

    public static final int DEFAULT_STARTS = 8;
    public static final FitSettings DEFAULT = new FitSettings(Loss.MSE, Weighting.UNIFORM, DEFAULT_STARTS);

    /** The losses a search draws and polishes with. */
    public static final List<Loss> SEARCH_LOSSES = List.of(Loss.MSE, Loss.LOG_MSE, new Loss.Huber(0.01));

    /** The powers of a scale variable a search weights rows by ({@code scale(v, power)}). */
    public static final List<Double> SEARCH_POWERS = List.of(0.5, 1.0);

    public FitSettings {
        Objects.requireNonNull(loss);
        Objects.requireNonNull(weighting);
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be at least 1, got " + starts);
        }
    }

    public FitSettings withLoss(Loss l) { return new FitSettings(l, weighting, starts); }

    public FitSettings withWeighting(Weighting w) { return new FitSettings(loss, w, starts); }

    public FitSettings withStarts(int s) { return new FitSettings(loss, weighting, s); }
}

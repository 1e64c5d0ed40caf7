package lawsearch.engine.frontier;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A law fitted to the frontier and what it predicts at compute {@code at}: the prediction and a
 * prediction interval at {@code level} (where a new run at that compute should land, not merely
 * the fitted curve). {@code equation} and {@code method} say, in words, what was fitted and how the
 * interval was made; {@code curve} is the fitted law as a function of compute (for the plot).
 */
public record Forecast(String form, String equation, Map<String, Double> constants, double at, double prediction,
                       double lower, double upper, double level, String method, DoubleUnaryOperator curve) {
    public Forecast {
        constants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants));
    }
}

package lawsearch.engine.use;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import lawsearch.grammar.core.UserError;

/**
 * A point a user asks about (predict's points, optimize's answer, suggest's target and candidates)
 * where the fitted law has no finite value, as a size of 0 or below under a power or a log: refused
 * in one line naming the point, rather than an answer of NaNs with exit 0.
 */
public final class Defined {
    private Defined() { }

    /** Refuses {@code value} unless finite; {@code where} names the option or file:line the point came from. */
    public static void at(String where, Map<String, Double> point, double value) {
        if (!Double.isFinite(value)) {
            throw new UserError(where + ": the law has no finite value at " + describe(point) + " (it gives "
                    + (Double.isNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity") + "): a value of 0 or below where it takes a power or log?");
        }
    }

    /** {@code params=1e+09, tokens=2e+11}: each value to 4 significant digits. */
    static String describe(Map<String, Double> point) {
        return point.entrySet().stream().map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4g", e.getValue()))
                .collect(Collectors.joining(", "));
    }
}

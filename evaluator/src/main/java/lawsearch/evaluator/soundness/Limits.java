package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.protocol.FittedLaw;

/**
 * A floor: where the target has a natural range (a loss positive on every train row, a rate in
 * [0, 1]), the law's limit as the scale variables grow without bound must lie in it (its closure:
 * a loss may tend to 0, never to +∞). The grid stops at {@link Domain#REACH}×, where a term such as
 * {@code -c*log(tokens)} is still small: porian's {@code E + (…)^c4 - 0.061*log(tokens)} is positive
 * to 1e19× its largest run and falls without bound after; a loss cannot. The limit is read at
 * {@link #FAR}× the largest train value of each scale variable alone (the others over the grid)
 * and of all of them together, far enough that a falling log term with a coefficient above 1/70 of
 * the loss shows. Checked in the full check only, like {@link Poles}.
 */
final class Limits {
    /** Where the limit is read, as a multiple of each scale variable's largest train value. */
    static final double FAR = 1e30;

    private Limits() { }

    /** The first way the limit leaves the natural range, in words, or null if it stays in it (or there is none). */
    static String first(FittedLaw law, String group, String target, Domain d, Soundness.Grid grid, Frame frame) {
        if (!d.positive() && !d.unit() || d.scale().isEmpty()) {
            return null;
        }
        List<List<String>> pushes = new ArrayList<>();
        d.scale().forEach(s -> pushes.add(List.of(s)));
        if (d.scale().size() > 1) {
            pushes.add(d.scale());
        }
        for (List<String> push : pushes) {
            Frame far = pushed(frame, push, d);
            double[] y = law.predict(group, target, far);
            for (int r = 0; r < y.length; r++) {
                // +∞ is out of range too: a loss or rate that grows without bound past the grid's reach.
                if (!(y[r] >= 0 && y[r] < Double.POSITIVE_INFINITY) || d.unit() && y[r] > 1) {
                    return String.format(Locale.ROOT, "%s: %.4g where %s grow%s %.0e× past the largest run (from %s)",
                            y[r] == Double.POSITIVE_INFINITY ? "no finite limit" : y[r] > 1 ? "no ceiling" : "no floor",
                            y[r], String.join(", ", push), push.size() == 1 ? "s" : "", FAR, grid.describe(r));
                }
            }
        }
        return null;
    }

    /** {@code frame} with each variable of {@code push} set to {@link #FAR}× its largest train value ({@link Domain#beyond}). */
    private static Frame pushed(Frame frame, List<String> push, Domain d) {
        Map<String, double[]> cols = new LinkedHashMap<>(frame.columns());
        for (String s : push) {
            double[] v = new double[frame.size()];
            Arrays.fill(v, d.beyond(s, FAR));
            cols.put(s, v);
        }
        return new Frame(frame.size(), cols);
    }
}

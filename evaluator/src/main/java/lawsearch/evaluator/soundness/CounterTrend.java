package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.stat.StatUtils;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;

/**
 * Where a sweep's own train rows go against the direction {@link Soundness} demands along a scale
 * variable: two runs of a group alike in every other column (the other scale variables within
 * {@link #NEAR}×, every other feature equal), the second at least {@link #STEP}× larger along the
 * variable, and the target moving the wrong way between them by more than {@link #SHARE} of its
 * train range in the group. Porian et al.'s isoFLOP runs warm up for N tokens, so at a few hundred
 * million tokens a 350M model ends above a 150M one (4.12 against 3.92); a law that follows those
 * rows rises along the model size inside the data and is refused as unsound. The check is right by
 * its definition; this says when the data disagrees with it, so a researcher can judge which to trust.
 * Read on train rows only, once per run, and only when a law was passed over. A scale variable taken
 * as written (logged already: {@link Domain#size}) is compared by the difference of its values
 * against the logs of those factors.
 */
public final class CounterTrend {
    /** How near (as a factor) the other scale variables of a pair must be. */
    static final double NEAR = 1.25;
    /** How far apart (as a factor) a pair must be along the variable. */
    static final double STEP = 1.5;
    /** The least wrong-way move counted, as a share of the target's train range in the group. */
    static final double SHARE = 0.05;
    /** At most this many rows of a group are compared (evenly spaced in file order): pairs grow as rows squared. */
    static final int MAX_ROWS = 2000;

    private CounterTrend() { }

    /** One scale variable's wrong-way pairs: how many, and the largest (its two runs' values and targets). */
    public record Finding(String variable, String target, int pairs, String group, double from, double to,
                          double targetFrom, double targetTo) {
        /**
         * In words, e.g. "loss rises along params in 5 pairs of train runs alike in the other columns,
         * most from 3.706e+07 to 8.479e+07 (4.602 → 4.908)"; {@code falls}: the direction the checks demand.
         */
        public String describe(boolean falls) {
            return String.format(Locale.ROOT, "%s %s along %s in %d pair%s of train runs alike in the other columns, most from %.4g to %.4g"
                            + " (%.4g → %.4g%s)", target, falls ? "rises" : "falls", variable, pairs, pairs == 1 ? "" : "s", from, to,
                    targetFrom, targetTo, group.isEmpty() ? "" : ", group " + group);
        }
    }

    /** Per scale variable of {@code d}, its wrong-way pairs among {@code train}'s rows of {@code target}; variables without any are left out. */
    public static List<Finding> of(Dataset train, String target, Domain d) {
        List<Finding> out = new ArrayList<>();
        for (String v : d.scale()) {
            Finding f = along(train, target, d, v);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static Finding along(Dataset train, String target, Domain d, String v) {
        int pairs = 0;
        double largestMove = 0;
        Group at = null;   // the largest wrong-way move: its group and rows
        int from = -1;
        int to = -1;
        for (Group g : train.groups()) {
            Frame f = g.train();
            double[] x = f.column(v);
            double[] y = f.column(target);
            double least = SHARE * (StatUtils.max(y) - StatUtils.min(y));
            double minV = d.box().get(v)[0];
            int[] rows = sample(f.size());
            for (int a : rows) {
                for (int b : rows) {
                    if (Domain.size(x[b], minV) - Domain.size(x[a], minV) < Math.log(STEP) || !alike(f, d, v, a, b)) {
                        continue;
                    }
                    double move = d.falls() ? y[b] - y[a] : y[a] - y[b];   // > 0: the wrong way
                    if (move > least && Double.isFinite(move)) {
                        pairs++;
                        if (move > largestMove) {
                            largestMove = move;
                            at = g;
                            from = a;
                            to = b;
                        }
                    }
                }
            }
        }
        if (at == null) {
            return null;
        }
        double[] x = at.train().column(v);
        double[] y = at.train().column(target);
        return new Finding(v, target, pairs, train.groups().size() > 1 ? at.name() : "", x[from], x[to], y[from], y[to]);
    }

    /** Rows a and b alike but for {@code v}: other scale variables within {@link #NEAR}×, every other feature equal. */
    private static boolean alike(Frame f, Domain d, String v, int a, int b) {
        for (String c : d.box().keySet()) {
            if (c.equals(v)) {
                continue;
            }
            double[] col = f.column(c);
            if (d.scale().contains(c)) {
                double min = d.box().get(c)[0];
                if (Math.abs(Domain.size(col[a], min) - Domain.size(col[b], min)) > Math.log(NEAR)) {
                    return false;
                }
            } else if (col[a] != col[b]) {
                return false;
            }
        }
        return true;
    }

    /** The rows compared: all of them, or {@link #MAX_ROWS} evenly spaced. */
    static int[] sample(int n) {
        int m = Math.min(n, MAX_ROWS);
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = (int) ((long) i * n / m);
        }
        return rows;
    }
}

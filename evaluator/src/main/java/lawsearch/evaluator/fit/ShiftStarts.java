package lawsearch.evaluator.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import lawsearch.evaluator.data.Frame;
import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.interpreter.TreeEvaluator;

/**
 * Where to start an unbounded constant that shifts a data term, as in {@code B*(log(V) - c)^2}:
 * over the values that term takes on the rows (and the usual range around 0). Started near 0, c
 * sits far below log(V) ≈ 8..12; the fit then slides toward c → -∞, where the square degenerates
 * to a straight line in log(V) — a plateau, not the optimum (vocab test R² 0.83 instead of 0.9996).
 * A bounded shift keeps the starts its bounds give: the author chose them.
 */
final class ShiftStarts {
    /** Start parameter {@code index} shifts {@code term}; its natural value is {@code sign}·term. */
    private record Shift(int index, Expr term, double sign) { }

    private final List<Interval> bounds;
    private final List<Shift> shifts;

    private ShiftStarts(List<Interval> bounds, List<Shift> shifts) {
        this.bounds = bounds;
        this.shifts = shifts;
    }

    /** The shifts among {@code names} (the start parameters, with their {@code bounds}) in {@code law}. */
    static ShiftStarts of(Expr law, List<String> names, List<Interval> bounds) {
        List<Shift> out = new ArrayList<>();
        collect(law, names, bounds, out);
        return new ShiftStarts(bounds, out);
    }

    boolean isEmpty() { return shifts.isEmpty(); }

    /** {@link #bounds} with each shift's start range widened to the values its term takes on {@code f}. */
    List<Interval> on(Frame f, Function<String, String> column) {
        List<Interval> out = new ArrayList<>(bounds);
        for (Shift s : shifts) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < f.size(); i++) {
                int row = i;
                double v = s.sign() * TreeEvaluator.eval(s.term(), x -> value(f, column, x, row), p -> Double.NaN);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo <= hi) {     // the shift is free: its usual starts lie in [-1.5, 1.5]
                out.set(s.index(), new Interval(Math.min(-1.5, lo), Math.max(1.5, hi)));
            }
        }
        return out;
    }

    private static double value(Frame f, Function<String, String> column, String variable, int row) {
        String c = column.apply(variable);
        return c == null ? Double.NaN : f.column(c)[row];
    }

    private static void collect(Expr e, List<String> names, List<Interval> bounds, List<Shift> out) {
        switch (e) {
            case Binary b -> {
                if (b.op() == Op.ADD || b.op() == Op.SUB) {
                    shift(b.left(), b.right(), b.op() == Op.ADD ? -1 : 1, names, bounds, out);    // p + x, p - x
                    shift(b.right(), b.left(), b.op() == Op.ADD ? -1 : 1, names, bounds, out);   // x + p, x - p
                }
                collect(b.left(), names, bounds, out);
                collect(b.right(), names, bounds, out);
            }
            case Unary u -> collect(u.arg(), names, bounds, out);
            default -> { }
        }
    }

    /** Records {@code p} when it is an unbounded start parameter beside a term of data alone. */
    private static void shift(Expr p, Expr term, double sign, List<String> names, List<Interval> bounds, List<Shift> out) {
        if (!(p instanceof Param param) || Exprs.containsParam(term) || Exprs.variables(term).isEmpty()) {
            return;
        }
        int index = names.indexOf(param.name());
        if (index >= 0 && bounds.get(index).isFree() && out.stream().noneMatch(s -> s.index() == index)) {
            out.add(new Shift(index, term, sign));
        }
    }
}

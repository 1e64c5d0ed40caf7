package lawsearch.grammar.simplify;

import java.util.function.Function;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;

/**
 * Interval arithmetic: an enclosure of every value an expression of parameters (and variables)
 * can take when each ranges over its interval. Used to carry bounds to a
 * constant that absorbed others: an enclosure is never tighter than what the original bounds imply,
 * so a refit can reach every value the original could. Anything not handled is {@link Interval#FREE}.
 */
final class Intervals {
    private Intervals() { }

    static Interval of(Expr e, Function<String, Interval> params) {
        return of(e, params, v -> Interval.FREE);
    }

    /** As {@link #of(Expr, Function)}, for an expression that may hold variables, each within its range. */
    static Interval of(Expr e, Function<String, Interval> params, Function<String, Interval> vars) {
        double[] r = range(e, params, vars);
        if (r == null || Double.isNaN(r[0]) || Double.isNaN(r[1]) || r[0] > r[1]) {
            return Interval.FREE;
        }
        return new Interval(r[0] + 0.0, r[1] + 0.0);      // + 0.0: no -0 ends (they print as "-0")
    }

    private static final double[] FREE = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};

    private static double[] range(Expr e, Function<String, Interval> params, Function<String, Interval> vars) {
        return switch (e) {
            case Num n -> new double[] {n.value(), n.value()};
            case Param p -> new double[] {params.apply(p.name()).lo(), params.apply(p.name()).hi()};
            case Var v -> new double[] {vars.apply(v.name()).lo(), vars.apply(v.name()).hi()};
            case Unary u -> unary(u, range(u.arg(), params, vars));
            case Binary b -> binary(b, range(b.left(), params, vars), range(b.right(), params, vars));
        };
    }

    private static double[] unary(Unary u, double[] a) {
        return switch (u.fn()) {
            case NEG -> new double[] {-a[1], -a[0]};
            case EXP -> new double[] {Math.exp(a[0]), Math.exp(a[1])};
            case LOG -> a[0] >= 0 ? new double[] {Math.log(a[0]), Math.log(a[1])} : FREE;
            case SQRT -> a[0] >= 0 ? new double[] {Math.sqrt(a[0]), Math.sqrt(a[1])} : FREE;
            default -> FREE;
        };
    }

    private static double[] binary(Binary b, double[] l, double[] r) {
        return switch (b.op()) {
            case ADD -> new double[] {l[0] + r[0], l[1] + r[1]};
            case SUB -> new double[] {l[0] - r[1], l[1] - r[0]};
            case MUL -> hull(times(l[0], r[0]), times(l[0], r[1]), times(l[1], r[0]), times(l[1], r[1]));
            case DIV -> r[0] > 0 || r[1] < 0 ? hull(l[0] / r[0], l[0] / r[1], l[1] / r[0], l[1] / r[1]) : FREE;
            case POW -> power(b, l, r);
        };
    }

    /**
     * An end of a product: 0 times an infinite end is 0, as in interval arithmetic (IEEE 1788), since
     * an infinite end is never reached: [0, ∞)·[0, ∞) is [0, ∞), not unknown, so a product of two
     * non-negative constants merged into one keeps its sign bound.
     */
    private static double times(double a, double b) {
        return a == 0 || b == 0 ? 0 : a * b;
    }

    /**
     * Monotone cases only: a positive base to any power (b^e = exp(e·log b) is monotone in each of e
     * and log b, so its extremes lie at the corners), a non-negative interval to a number, any
     * interval to a positive integer: an odd one is monotone, an even one is |b|^k, whose least
     * value is at the end nearer 0 (0 when the interval holds it). {@code (c*x^0.25)^2} with c fitted
     * below 0 is positive, so its log may be split or raised. Otherwise a non-negative base to any
     * power is at least known to be non-negative.
     */
    private static double[] power(Binary b, double[] base, double[] exp) {
        if (base[0] > 0) {
            return hull(Math.pow(base[0], exp[0]), Math.pow(base[0], exp[1]), Math.pow(base[1], exp[0]), Math.pow(base[1], exp[1]));
        }
        if (b.right() instanceof Num n && base[0] >= 0) {
            return hull(Math.pow(base[0], n.value()), Math.pow(base[1], n.value()));
        }
        if (b.right() instanceof Num n && n.value() > 0 && n.value() == Math.rint(n.value()) && n.value() < 1e15) {
            double k = n.value();
            if (k % 2 == 1) {
                return hull(Math.pow(base[0], k), Math.pow(base[1], k));
            }
            double near = base[1] < 0 ? -base[1] : 0;       // base[0] <= 0 here
            return hull(Math.pow(near, k), Math.pow(Math.max(-base[0], Math.abs(base[1])), k));
        }
        if (base[0] >= 0) {
            return new double[] {0, Double.POSITIVE_INFINITY};   // a non-negative base to any power stays so: A ≥ 0 taken out of a power keeps its bound
        }
        return FREE;
    }

    private static double[] hull(double... vs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : vs) {
            if (Double.isNaN(v)) {
                return FREE;      // 0 * inf: the enclosure is unknown, so no bound
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {lo, hi};
    }
}

package lawsearch.grammar;

import java.util.HashMap;
import java.util.Map;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.interpreter.TreeEvaluator;

/**
 * When comparing a law's value before and after a rewrite is meaningful. Reordering a sum changes
 * its rounding: harmless unless the sum cancels, when the rounding is all that is left. And a
 * division by an exact zero gives an infinity whose sign is the zero's sign, which x+0 may flip.
 */
public final class Numerics {
    /** Values (and intermediate values) beyond this are "huge": overflow and ulps there say nothing. */
    public static final double HUGE = 1e150;

    private Numerics() { }

    public static double eval(Expr e, Map<String, Double> point) { return TreeEvaluator.eval(e, point::get, point::get); }

    /** {@code point} with each parameter's value also given under its new name in {@code renaming}. */
    public static Map<String, Double> renamed(Map<String, Double> point, Map<String, String> renaming) {
        Map<String, Double> out = new HashMap<>(point);
        renaming.forEach((original, now) -> out.put(now, point.get(original)));
        return out;
    }

    /**
     * Whether rounding at {@code point} may be more than a few ulps: some + or - loses more than
     * three digits to cancellation, some value is tiny (below 1/{@link #HUGE}: it may underflow once
     * rewritten, subnormals keep few bits, and a product of non-zero numbers may round to zero), or a negative number is raised to a computed
     * exponent.
     */
    public static boolean illConditioned(Expr e, Map<String, Double> point) {
        double v = Math.abs(eval(e, point));
        if (v != 0 && v < 1 / HUGE) {
            return true;        // a rewrite may split a tiny value into a huge and an underflowing factor: (x/1e4)^200 = 1e-800·x^200
        }
        return switch (e) {
            case Unary u -> illConditioned(u.arg(), point);
            case Binary b -> {
                double l = Math.abs(eval(b.left(), point));
                double r = Math.abs(eval(b.right(), point));
                boolean here = switch (b.op()) {
                    case ADD, SUB -> v < 1e-3 * (l + r);
                    // a negative base is finite only at an exact integer exponent: one computed
                    // (N/N*(N/N)) may round to 0.9999999999999999 once reordered, and give NaN
                    case POW -> eval(b.left(), point) < 0 && !(b.right() instanceof lawsearch.grammar.core.Num)
                            || v == 0 && l != 0 && r != 0;
                    default -> v == 0 && l != 0 && r != 0;
                };
                yield here || illConditioned(b.left(), point) || illConditioned(b.right(), point);
            }
            default -> false;
        };
    }

    /** Whether some division at {@code point} is by zero, or some power raises zero. */
    public static boolean dividesByZero(Expr e, Map<String, Double> point) {
        return switch (e) {
            case Unary u -> dividesByZero(u.arg(), point);
            case Binary b -> b.op() == Op.DIV && eval(b.right(), point) == 0 || b.op() == Op.POW && eval(b.left(), point) == 0
                    || dividesByZero(b.left(), point) || dividesByZero(b.right(), point);
            default -> false;
        };
    }

    /** The largest magnitude of any subexpression at {@code point} (infinite when one overflows). */
    public static double largest(Expr e, Map<String, Double> point) {
        double here = Math.abs(eval(e, point));
        here = Double.isNaN(here) ? 0 : here;
        return switch (e) {
            case Unary u -> Math.max(here, largest(u.arg(), point));
            case Binary b -> Math.max(here, Math.max(largest(b.left(), point), largest(b.right(), point)));
            default -> here;
        };
    }

    /**
     * Whether the value of {@code e} at {@code point} is one a rewrite must keep to relative
     * precision: finite, nothing huge along the way, no cancellation or underflow, no division by zero.
     */
    public static boolean wellConditioned(Expr e, Map<String, Double> point) {
        return Double.isFinite(eval(e, point)) && largest(e, point) <= HUGE && !illConditioned(e, point) && !dividesByZero(e, point);
    }

    /** |a - b| within {@code tolerance} of the larger magnitude. */
    public static boolean relativelyClose(double a, double b, double tolerance) {
        return a == b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
    }
}

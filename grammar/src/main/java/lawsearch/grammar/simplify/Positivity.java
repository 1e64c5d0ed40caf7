package lawsearch.grammar.simplify;

import java.util.List;
import java.util.function.Function;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;

/**
 * Conservative sign analysis: rewrites such as (x^a)^b = x^(a·b) or log(x^k) = k·log(x) hold for
 * x > 0 only. An expression is known positive when it is a variable whose range lies above 0, a
 * positive number, a parameter whose interval lies above 0, exp(...), the log of something known
 * above 1, or a product, quotient, power, square root or sum of such (a sum may also add
 * non-negative terms). Anything else is unknown, and the rewrites that need a sign leave it alone.
 *
 * A part holding variables is also positive when interval arithmetic over the variables' ranges
 * ({@link Intervals}) puts it above 0: {@code log(N)} for N ≥ 1e6, {@code log(log(log(N)))} too;
 * or when it does so for each fit's own constants ({@code fits}). The latter is needed where the
 * groups' constants move together: {@code log(c1*g^c2)} with (c1, c2) = (0.45, 1.19) in one group
 * and (2e8, 0.08) in another is above 0 for g ≥ 7.4 in each, but not over the ranges' corners
 * (c1 = 0.45 with c2 = 0.08).
 *
 * @param variables each data variable's range on the domain the law is used on (free when unknown)
 * @param bounds    each parameter's interval (fitted values included, where given)
 * @param fits      for each fit (group and target), each parameter's value there as an interval;
 *                  empty when the law is not fitted
 */
record Positivity(Function<String, Interval> variables, Function<String, Interval> bounds,
                  List<Function<String, Interval>> fits) {

    Positivity {
        fits = List.copyOf(fits);
    }

    boolean positive(Expr e) {
        return structurallyPositive(e) || Chains.hasVar(e) && (Intervals.of(e, bounds, variables).lo() > 0 || positiveInEachFit(e));
    }

    private boolean positiveInEachFit(Expr e) {
        return !fits.isEmpty() && fits.stream().allMatch(fit -> Intervals.of(e, fit, variables).lo() > 0);
    }

    private boolean structurallyPositive(Expr e) {
        return switch (e) {
            case Num n -> n.value() > 0 && Double.isFinite(n.value());
            case Var v -> variables.apply(v.name()).lo() > 0;
            case Param p -> bounds.apply(p.name()).lo() > 0;
            case Unary u -> switch (u.fn()) {
                case EXP -> true;
                case SQRT -> positive(u.arg());
                case LOG -> aboveOne(u.arg());
                default -> false;
            };
            case Binary b -> switch (b.op()) {
                case MUL, DIV -> positive(b.left()) && positive(b.right());
                case POW -> positive(b.left());
                case ADD -> positive(b.left()) && nonNegative(b.right()) || nonNegative(b.left()) && positive(b.right());
                case SUB -> false;
            };
        };
    }

    /**
     * Known above 1: a variable (by its range), a number or a parameter (by its interval) above 1, or
     * a product, positive power, root or sum (with non-negative terms) of such.
     */
    boolean aboveOne(Expr e) {
        return switch (e) {
            case Num n -> n.value() > 1 && Double.isFinite(n.value());
            case Var v -> variables.apply(v.name()).lo() > 1;
            case Param p -> bounds.apply(p.name()).lo() > 1;
            case Unary u -> u.fn() == Fn.SQRT && aboveOne(u.arg());
            case Binary b -> switch (b.op()) {
                case MUL -> aboveOne(b.left()) && aboveOne(b.right());
                case POW -> aboveOne(b.left()) && b.right() instanceof Num n && n.value() > 0;
                case ADD -> aboveOne(b.left()) && nonNegative(b.right()) || nonNegative(b.left()) && aboveOne(b.right());
                default -> false;
            };
            default -> false;
        };
    }

    /**
     * A variable-free exponent that is a non-integer number under each fit's own constants: x^e is
     * then NaN for x < 0 in every fit, so a rewrite assuming x > 0 changes no finite value there
     * (openclip's {@code ((c1/log(g^(-1)*s^(-0.5)))^c2)^(-0.5)}, c2 between -4 and -2.48 in its three
     * groups, has a base that interval arithmetic cannot show to be above 0 at s → ∞, where it tends to 0).
     * False for an unfitted law: the search's canonical forms never depend on fitted values.
     */
    boolean nonIntegerInEachFit(Expr e) {
        return !fits.isEmpty() && !Chains.hasVar(e) && fits.stream().allMatch(fit -> {
            Interval i = Intervals.of(e, fit, variables);
            return i.lo() == i.hi() && Double.isFinite(i.lo()) && i.lo() != Math.rint(i.lo());
        });
    }

    /** A parameter below 0 in each fit's own constants (false for an unfitted law). */
    boolean fittedNegative(Param p) {
        return !fits.isEmpty() && fits.stream().allMatch(fit -> fit.apply(p.name()).hi() < 0);
    }

    /** A parameter whose interval (fitted values included, where given) lies below 0. */
    boolean negative(Expr e) {
        return e instanceof Param p && bounds.apply(p.name()).hi() < 0;
    }

    boolean nonNegative(Expr e) {
        return positive(e) || e instanceof Num n && n.value() >= 0 || e instanceof Param p && bounds.apply(p.name()).lo() >= 0;
    }
}

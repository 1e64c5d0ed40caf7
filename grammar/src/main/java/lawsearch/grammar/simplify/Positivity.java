package lawsearch.grammar.simplify;

import java.util.Set;
import java.util.function.Function;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;

/**
 * Conservative sign analysis: rewrites such as (x^a)^b = x^(a·b) or log(x^k) = k·log(x) hold for
 * x > 0 only. An expression is known positive when it is a variable the caller vouches for, a
 * positive number, a parameter whose interval lies above 0, exp(...), or a product, quotient,
 * power, square root or sum of such (a sum may also add non-negative terms). Anything else is
 * unknown, and the rewrites that need a sign leave it alone.
 */
record Positivity(Set<String> positiveVars, Function<String, Interval> bounds) {

    boolean positive(Expr e) {
        return switch (e) {
            case Num n -> n.value() > 0 && Double.isFinite(n.value());
            case Var v -> positiveVars.contains(v.name());
            case Param p -> bounds.apply(p.name()).lo() > 0;
            case Unary u -> switch (u.fn()) {
                case EXP -> true;
                case SQRT -> positive(u.arg());
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

    /** A parameter whose interval (fitted values included, where given) lies below 0. */
    boolean negative(Expr e) {
        return e instanceof Param p && bounds.apply(p.name()).hi() < 0;
    }

    boolean nonNegative(Expr e) {
        return positive(e) || e instanceof Num n && n.value() >= 0 || e instanceof Param p && bounds.apply(p.name()).lo() >= 0;
    }
}

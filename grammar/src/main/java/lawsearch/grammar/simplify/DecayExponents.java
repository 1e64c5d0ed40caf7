package lawsearch.grammar.simplify;

import java.util.HashMap;
import java.util.Map;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;

/**
 * A decaying power written with a fitted exponent bounded to (-inf, 0], {@code A*x^c}, is written
 * {@code A*x^(-alpha)} with alpha = -c and alpha's interval c's negated. Scaling laws are read
 * (and compared with papers) that way. Only for a constant used once, on a positive base with a
 * variable in it. This adds one node per exponent, which {@link FixedPoint#measure} does not count.
 */
final class DecayExponents {
    private DecayExponents() { }

    static Expr apply(Expr e, ConstantMap constants, Positivity sign) {
        Map<String, Integer> counts = new HashMap<>();
        count(e, counts);
        return rewrite(e, constants, sign, counts);
    }

    private static Expr rewrite(Expr e, ConstantMap constants, Positivity sign, Map<String, Integer> counts) {
        return switch (e) {
            case Binary b when b.op() == Op.POW && b.right() instanceof Param p && counts.get(p.name()) == 1
                    && constants.interval(p.name()).hi() <= 0 && Chains.hasVar(b.left()) && sign.positive(b.left()) ->
                    Expr.pow(rewrite(b.left(), constants, sign, counts), Expr.neg(constants.fresh(Expr.neg(p))));
            case Binary b -> new Binary(b.op(), rewrite(b.left(), constants, sign, counts), rewrite(b.right(), constants, sign, counts));
            case Unary u -> new Unary(u.fn(), rewrite(u.arg(), constants, sign, counts));
            default -> e;
        };
    }

    static void count(Expr e, Map<String, Integer> counts) {
        switch (e) {
            case Param p -> counts.merge(p.name(), 1, Integer::sum);
            case Unary u -> count(u.arg(), counts);
            case Binary b -> {
                count(b.left(), counts);
                count(b.right(), counts);
            }
            default -> { }
        }
    }
}

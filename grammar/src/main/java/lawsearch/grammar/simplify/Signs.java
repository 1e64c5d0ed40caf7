package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.List;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * A term's sign written where a reader looks for it: in a sum, a term whose one constant factor
 * was fitted below 0 is added or subtracted the other way round with that constant negated, so
 * {@code E + A*N^(-alpha) - B*D^(-beta)} with B fitted at -410 reads {@code ... + B*D^(-beta)}
 * with B = 410, and {@code x - E} with E = -1.7 reads {@code x + E}. The value is the same for
 * every value of the constant (k·y = -(-k)·y); the fitted sign only decides when it reads better,
 * which {@link FixedPoint#awkwardness} counts.
 */
final class Signs {
    private Signs() { }

    /**
     * A product or quotient by -1 as a negation: {@code exp(-1*x)} reads {@code exp(-x)}. Exact in
     * floating point (only the sign bit changes, on zeros, infinities and NaN alike), and one node
     * shorter. Not part of {@link Simplifier}, whose form the search's canonical hash keeps.
     */
    static List<Expr> minusOne(Expr node, Scope s) {
        if (node instanceof Binary b && (b.op() == Op.MUL || b.op() == Op.DIV) && Scope.isNum(b.right(), -1)) {
            return List.of(Expr.neg(b.left()));
        }
        if (node instanceof Binary b && b.op() == Op.MUL && Scope.isNum(b.left(), -1)) {
            return List.of(Expr.neg(b.right()));
        }
        return List.of();
    }

    /** Each way of flipping one term of the sum {@code node}, if any. */
    static List<Expr> flip(Expr node, Scope s) {
        if (!Chains.isSum(node)) {
            return List.of();
        }
        List<Term> terms = Chains.terms(node, true);
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            List<Term> factors = Chains.terms(t.expr(), false);
            int at = soleConstant(factors);
            if (at < 0 || !s.sign().negative(factors.get(at).expr())) {
                continue;
            }
            List<Term> negated = new ArrayList<>(factors);
            negated.set(at, new Term(s.constants().fresh(Expr.neg(factors.get(at).expr())), false));
            List<Term> next = new ArrayList<>(terms);
            next.set(i, new Term(Chains.build(negated, false), !t.inverse()));
            out.add(Chains.build(next, true));
        }
        return out;
    }

    /** Where the one factor that is a bare constant (multiplied, not divided by) stands; -1 if none or several. */
    private static int soleConstant(List<Term> factors) {
        int found = -1;
        for (int i = 0; i < factors.size(); i++) {
            if (factors.get(i).expr() instanceof Param && !factors.get(i).inverse()) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }
}

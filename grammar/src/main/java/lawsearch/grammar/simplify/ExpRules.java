package lawsearch.grammar.simplify;

import java.util.List;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * Exponentials written once: a power or root of an exponential is the exponential of a multiple,
 * {@code exp(u)^k → exp(k·u)}, {@code sqrt(exp(u)) → exp(u/2)}, the multiple taken by u's own
 * constants where it can be ({@code A*exp(c1*x)^2 → A*exp(c1'*x)}, {@code A*sqrt(exp(-(B*x^(-a) +
 * C*y^(-b))))} → the same with B and C halved); and exponentials multiplied or divided are one,
 * {@code exp(a)*exp(b) → exp(a + b)}, {@code exp(a)/exp(b) → exp(a - b)}.
 *
 * <p>Validity: exp(u) > 0 for every real u, so exp(u)^k = exp(k·u) and exp(a)·exp(b) = exp(a + b)
 * for all real values; the right sides also stay finite where the left overflowed to inf or 0
 * on the way ({@code exp(800)^0.001}).
 */
final class ExpRules {
    private ExpRules() { }

    /**
     * exp(u)^k (k variable-free) or sqrt(exp(u)) as exp(k·u): first with k taken into u's constants
     * ({@link Absorb#scaled}), then as k·u written out (where a constant that would take k is shared, the
     * driver refuses the first: it adds a parameter). None for other nodes.
     */
    static List<Expr> powerOfExp(Expr node, Scope s) {
        Raised r = Raised.of(node);
        if (r == null || !isExp(r.base())) {
            return List.of();
        }
        Expr u = ((Unary) r.base()).arg();
        Expr k = r.exponent();
        Expr taken = Absorb.scaled(u, k, s);
        Expr written = new Unary(Fn.EXP, Expr.mul(k, u));
        return taken == null ? List.of(written) : List.of(new Unary(Fn.EXP, taken), written);
    }

    /** For each pair of exponential factors of a product, the product with them as one exponential. */
    static List<Expr> productOfExps(Expr node, Scope s) {
        return Chains.mergePairs(node, false, (a, b) -> {
            if (!isExp(a.expr()) || !isExp(b.expr())) {
                return null;
            }
            Expr x = ((Unary) a.expr()).arg();
            Expr y = ((Unary) b.expr()).arg();
            // exp(x)^±1 · exp(y)^±1: with a's sign kept outside, y enters added or subtracted
            return new Term(new Unary(Fn.EXP, a.inverse() == b.inverse() ? Expr.add(x, y) : Expr.sub(x, y)), a.inverse());
        });
    }

    /** Whether {@code e} is a power or root whose base is an exponential: the awkwardness {@link #powerOfExp} removes. */
    static boolean isPowerOfExp(Expr e) {
        return e instanceof Binary b && b.op() == Op.POW && isExp(b.left()) || e instanceof Unary u && u.fn() == Fn.SQRT && isExp(u.arg());
    }

    private static boolean isExp(Expr e) { return e instanceof Unary u && u.fn() == Fn.EXP; }
}

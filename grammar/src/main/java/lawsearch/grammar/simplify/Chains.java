package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;

/**
 * Sums and products as flat lists: {@code a - b + c} is [a, -b, c], {@code a/b*c} is [a, /b, c].
 * The rewrites look at a chain as a whole (a number three terms away from a constant still merges
 * with it) and rebuild it left to right, which keeps the law's value up to rounding.
 */
final class Chains {
    private Chains() { }

    /** One element of a chain: subtracted (in a sum) or divided by (in a product) when {@code inverse}. */
    record Term(Expr expr, boolean inverse) { }

    static boolean isSum(Expr e) { return e instanceof Binary b && (b.op() == Op.ADD || b.op() == Op.SUB); }

    static boolean isProduct(Expr e) { return e instanceof Binary b && (b.op() == Op.MUL || b.op() == Op.DIV); }

    static List<Term> terms(Expr e, boolean sum) {
        List<Term> out = new ArrayList<>();
        flatten(e, sum, false, false, out);
        return out;
    }

    /** A sum's terms with each negation taken as a subtraction: {@code a + -(b + c)} is [a, -b, -c]. */
    static List<Term> signedTerms(Expr sum) {
        List<Term> out = new ArrayList<>();
        flatten(sum, true, false, true, out);
        return out;
    }

    private static void flatten(Expr e, boolean sum, boolean inverse, boolean openNegations, List<Term> out) {
        if (e instanceof Binary b && (sum ? isSum(b) : isProduct(b))) {
            flatten(b.left(), sum, inverse, openNegations, out);
            boolean flips = b.op() == Op.SUB || b.op() == Op.DIV;
            flatten(b.right(), sum, inverse ^ flips, openNegations, out);
        } else if (openNegations && e instanceof Unary u && u.fn() == Fn.NEG) {
            flatten(u.arg(), sum, !inverse, true, out);
        } else {
            out.add(new Term(e, inverse));
        }
    }

    /** Left to right; a leading inverse term is -t in a sum and 1/t in a product. */
    static Expr build(List<Term> terms, boolean sum) {
        Expr acc = null;
        for (Term t : terms) {
            if (acc == null) {
                acc = !t.inverse() ? t.expr() : sum ? Expr.neg(t.expr()) : Expr.div(new Num(1), t.expr());
            } else if (sum) {
                acc = t.inverse() ? Expr.sub(acc, t.expr()) : Expr.add(acc, t.expr());
            } else {
                acc = t.inverse() ? Expr.div(acc, t.expr()) : Expr.mul(acc, t.expr());
            }
        }
        return acc == null ? new Num(sum ? 0 : 1) : acc;
    }

    /**
     * For each pair of elements (i before j) of the sum or product {@code node} that {@code merge}
     * makes one element of, the chain with that element at i and none at j; {@code merge} gives null
     * for a pair that stays. None when {@code node} is not such a chain.
     */
    static List<Expr> mergePairs(Expr node, boolean sum, BiFunction<Term, Term, Term> merge) {
        if (!(sum ? isSum(node) : isProduct(node))) {
            return List.of();
        }
        List<Term> terms = terms(node, sum);
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            for (int j = i + 1; j < terms.size(); j++) {
                Term merged = merge.apply(terms.get(i), terms.get(j));
                if (merged != null) {
                    List<Term> next = new ArrayList<>(terms);
                    next.set(i, merged);
                    next.remove(j);
                    out.add(build(next, sum));
                }
            }
        }
        return out;
    }

    static boolean hasVar(Expr e) { return !Exprs.variables(e).isEmpty(); }

    static boolean isVar(Expr e) { return e instanceof Var; }
}

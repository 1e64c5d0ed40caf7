package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.List;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * A constant that multiplies (or divides) every term of a sum is written once:
 * {@code A*u + A*v → A*(u + v)}. The search ties constants ({@code share_param}) and so reports
 * {@code (A*(params/1e9)^(-alpha) + A/(tokens/1e11)^beta)^c1} (pythia at 2 minutes), where one
 * amplitude scales both terms; written once, it can also leave the power as an amplitude
 * ({@link PowerRules#constantOutOfPower}). Distributivity: the same values up to rounding, no new
 * constant, so nothing about bounds changes.
 */
final class CommonFactor {
    private CommonFactor() { }

    static List<Expr> out(Expr node, Scope s) {
        if (!Chains.isSum(node)) {
            return List.of();
        }
        List<Term> terms = Chains.terms(node, true);
        List<Term> first = factors(terms.get(0).expr());
        List<Expr> out = new ArrayList<>();
        for (Term f : first) {
            if (!(f.expr() instanceof Param) || first.size() < 2) {
                continue;
            }
            List<Term> rest = new ArrayList<>();
            for (Term t : terms) {
                List<Term> fs = new ArrayList<>(factors(t.expr()));
                if (fs.size() < 2 || !fs.remove(f)) {
                    break;   // a term without it, or that is only it (A*u + A: nothing shorter)
                }
                rest.add(new Term(rest(fs), t.inverse()));
            }
            if (rest.size() == terms.size()) {
                Expr sum = Chains.build(rest, true);
                out.add(f.inverse() ? Expr.div(sum, f.expr()) : Expr.mul(f.expr(), sum));
            }
        }
        return out;
    }

    /** What a term keeps: {@code A/D^beta} keeps {@code D^(-beta)}, not {@code 1/D^beta}. */
    private static Expr rest(List<Term> fs) {
        if (fs.size() == 1 && fs.get(0).inverse() && fs.get(0).expr() instanceof Binary b && b.op() == Op.POW) {
            Expr e = b.right();
            Expr negated = e instanceof Unary u && u.fn() == Fn.NEG ? u.arg() : e instanceof Num n ? new Num(-n.value()) : Expr.neg(e);
            return new Binary(Op.POW, b.left(), negated);
        }
        return Chains.build(fs, false);
    }

    private static List<Term> factors(Expr e) {
        return Chains.isProduct(e) ? Chains.terms(e, false) : List.of(new Term(e, false));
    }
}

package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * A decaying power written with a fitted exponent bounded to (-inf, 0], {@code A*x^c}, is written
 * {@code A*x^(-alpha)} with alpha = -c and alpha's interval c's negated. Scaling laws are read
 * (and compared with papers) that way. Only for a constant used once, on a positive base with a
 * variable in it. This adds one node per exponent, which {@link FixedPoint#measure} does not count.
 *
 * <p>An exponent free to take either sign but fitted below 0 in every fit is a decay too; in a
 * product of an amplitude and powers, {@code A*N^c1*E^c2} reads {@code A/N^c1'/E^c2'} (c' = -c,
 * named alpha, beta as a divisor's exponents fitted above 0 are, {@link RoleNames}), as the same law
 * built with divisors reads. Without this one MoE law printed as {@code E + A*dense_params^c1*num_experts^c2}
 * on two seeds and {@code E + A*dense_params^c1/num_experts^alpha} on a third. The value is the
 * same for every value of c (x^c = 1/x^(-c)); only the fitted sign decides how it reads.
 */
final class DecayExponents {
    private DecayExponents() { }

    static Expr apply(Expr e, ConstantMap constants, Positivity sign) {
        Map<String, Integer> counts = new HashMap<>();
        count(e, counts);
        return divisors(rewrite(e, constants, sign, counts), constants, sign, counts);
    }

    /**
     * Each product chain as a whole (its factors' own insides first), each of its factors that is a
     * decay fitted below 0 (see above) as a divisor. A chain is judged whole, not a link at a time:
     * {@code Q*(D^c4*N^c5)} is one product of Q and two powers.
     */
    private static Expr divisors(Expr e, ConstantMap constants, Positivity sign, Map<String, Integer> counts) {
        if (!Chains.isProduct(e)) {
            return switch (e) {
                case Binary b -> new Binary(b.op(), divisors(b.left(), constants, sign, counts), divisors(b.right(), constants, sign, counts));
                case Unary u -> new Unary(u.fn(), divisors(u.arg(), constants, sign, counts));
                default -> e;
            };
        }
        List<Term> given = Chains.terms(e, false);
        List<Term> factors = new ArrayList<>();
        for (Term t : given) {
            factors.add(new Term(divisors(t.expr(), constants, sign, counts), t.inverse()));
        }
        for (int i = 0; i < factors.size(); i++) {
            Term t = factors.get(i);
            if (!t.inverse() && amplitudeBesides(factors, i, sign) && fittedDecay(t.expr(), constants, sign, counts)) {
                Binary pow = (Binary) t.expr();
                factors.set(i, new Term(new Binary(Op.POW, pow.left(), constants.fresh(Expr.neg(pow.right()))), true));
            }
        }
        return factors.equals(given) ? e : Chains.build(factors, false);   // an unchanged chain keeps its shape
    }

    /** x^c with c used once, free to be positive, below 0 in every fit, and x positive with a variable in it. */
    private static boolean fittedDecay(Expr e, ConstantMap constants, Positivity sign, Map<String, Integer> counts) {
        return e instanceof Binary b && b.op() == Op.POW && b.right() instanceof Param p && counts.getOrDefault(p.name(), 0) == 1
                && constants.interval(p.name()).hi() > 0 && sign.fittedNegative(p) && Chains.hasVar(b.left()) && sign.positive(b.left());
    }

    /**
     * Whether the other factors are an amplitude and powers: constants, numbers or parts known
     * positive, one of them multiplying (so the divisor has something to divide). A product with a
     * part of either sign, such as lr_bsz's bowl {@code (c1*u^2 - c2*u*v + c3*v^2)*(D/1e10)^c4}, is
     * no decay term, and its exponents keep the template's spelling.
     */
    private static boolean amplitudeBesides(List<Term> factors, int i, Positivity sign) {
        boolean multiplies = false;
        for (int j = 0; j < factors.size(); j++) {
            Expr f = factors.get(j).expr();
            if (j == i) {
                continue;
            }
            if (!(f instanceof Param || f instanceof Num || sign.positive(f))) {
                return false;
            }
            multiplies |= !factors.get(j).inverse();
        }
        return multiplies;
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

package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * A decaying power written with a fitted exponent bounded to (-inf, 0], {@code A*x^c}, is written
 * {@code A*x^(-alpha)} with alpha = -c and alpha's interval c's negated. Scaling laws are read
 * (and compared with papers) that way. Only for a constant whose every use is such a power, on a
 * positive base with a variable in it. This adds one node per exponent, which {@link FixedPoint#measure} does not count.
 *
 * <p>An exponent free to take either sign but fitted below 0 in every fit is a decay too; in a
 * product of an amplitude and powers, {@code A*N^c1*E^c2} reads {@code A*N^(-alpha)*E^(-beta)}
 * (alpha = -c1, beta = -c2). Without this one MoE law printed as {@code E + A*dense_params^c1*num_experts^c2}
 * on two seeds and {@code E + A*dense_params^c1/num_experts^alpha} on a third. And a decay the
 * search built as a divisor, {@code A/N^p} with p fitted at or above 0, reads {@code A*N^(-p)}: one
 * law on gadre read {@code A*log(params)^(-alpha) + B/tokens^beta}, one decay spelled each way,
 * and seeds differed only in which spelling their search met. The value is the same for every
 * value of c (x^c = 1/x^(-c)); only the fitted sign decides how it reads.
 */
final class DecayExponents {
    private DecayExponents() { }

    static Expr apply(Expr e, ConstantMap constants, Positivity sign) {
        Expr bounded = new Pass(constants, sign, Exprs.parameterUses(e), false).run(e);
        return new Pass(constants, sign, Exprs.parameterUses(bounded), true).run(bounded);
    }

    /**
     * One rewrite over the law: the bounded decays ({@code x^c} → {@code x^(-alpha)}), or the fitted
     * ones and the decaying divisors. A constant is rewritten only where every use of it is such a decay
     * (Chinchilla's one exponent for all terms, {@code sqrt(A*params^c1 + B*tokens^c1 + C*unique_tokens^c1)}
     * with c1 fitted below 0, reads {@code sqrt(A*params^(-alpha) + B*tokens^(-alpha) + C*unique_tokens^(-alpha))}),
     * all of its uses by one new constant: a use left as it was would keep the old constant beside the new.
     * The uses are counted by a first walk that rewrites nothing, then rewritten by a second.
     */
    private static final class Pass {
        private final ConstantMap constants;
        private final Positivity sign;
        private final Map<String, Integer> counts;
        private final boolean fitted;
        private final Map<String, Integer> decays = new HashMap<>();
        private final Map<String, Param> fresh = new HashMap<>();
        private boolean rewriting;

        Pass(ConstantMap constants, Positivity sign, Map<String, Integer> counts, boolean fitted) {
            this.constants = constants;
            this.sign = sign;
            this.counts = counts;
            this.fitted = fitted;
        }

        Expr run(Expr e) {
            walk(e);
            rewriting = true;
            Expr out = walk(e);
            // a use the counting walk took for a decay and the rewriting walk did not: keep the law as it was
            return Exprs.parameters(out).size() > Exprs.parameters(e).size() ? e : out;
        }

        private Expr walk(Expr e) {
            return fitted ? fitted(e) : bounded(e);
        }

        /** Whether {@code p}'s every use is a decay (known once the counting walk is done). */
        private boolean everyUse(Param p) {
            return rewriting && decays.getOrDefault(p.name(), 0).equals(counts.get(p.name()));
        }

        /** Notes a use of {@code p} as a decay; in the rewriting walk, the new constant for it. */
        private Param decay(Param p) {
            if (!rewriting) {
                decays.merge(p.name(), 1, Integer::sum);
                return null;
            }
            return fresh.computeIfAbsent(p.name(), n -> constants.fresh(Expr.neg(p)));
        }

        private Expr bounded(Expr e) {
            return switch (e) {
                case Binary b when b.op() == Op.POW && b.right() instanceof Param p && constants.interval(p.name()).hi() <= 0
                        && Chains.hasVar(b.left()) && sign.positive(b.left()) -> {
                    Expr base = bounded(b.left());
                    Param alpha = decay(p);
                    yield everyUse(p) ? Expr.pow(base, Expr.neg(alpha)) : new Binary(Op.POW, base, p);
                }
                case Binary b -> new Binary(b.op(), bounded(b.left()), bounded(b.right()));
                case Unary u -> new Unary(u.fn(), bounded(u.arg()));
                default -> e;
            };
        }

        /**
         * Each product chain as a whole (its factors' own insides first): each of its factors that is a
         * decay fitted below 0 (see above) as x^(-alpha), each divisor x^p with p fitted at or above 0
         * as the factor x^(-p). A chain is judged whole, not a link at a time: {@code Q*(D^c4*N^c5)}
         * is one product of Q and two powers.
         */
        private Expr fitted(Expr e) {
            if (!Chains.isProduct(e)) {
                return switch (e) {
                    case Binary b when Chains.isSum(b) -> new Binary(b.op(), term(b.left()), term(b.right()));
                    case Binary b -> new Binary(b.op(), fitted(b.left()), fitted(b.right()));
                    case Unary u -> new Unary(u.fn(), fitted(u.arg()));
                    default -> e;
                };
            }
            List<Term> given = Chains.terms(e, false);
            List<Term> factors = new ArrayList<>();
            for (Term t : given) {
                factors.add(new Term(fitted(t.expr()), t.inverse()));
            }
            for (int i = 0; i < factors.size(); i++) {
                Term t = factors.get(i);
                if (!t.inverse() && amplitudeBesides(factors, i, sign) && fittedDecay(t.expr())) {
                    Binary pow = (Binary) t.expr();
                    Param p = (Param) pow.right();
                    Param alpha = decay(p);
                    if (everyUse(p)) {
                        factors.set(i, new Term(Expr.pow(pow.left(), Expr.neg(alpha)), false));
                    }
                } else if (rewriting && t.inverse() && decayingDivisor(t.expr())) {
                    Binary pow = (Binary) t.expr();
                    factors.set(i, new Term(Expr.pow(pow.left(), Expr.neg(pow.right())), false));
                }
            }
            return factors.equals(given) ? e : Chains.build(factors, false);   // an unchanged chain keeps its shape
        }

        /**
         * A term of a sum: a bare power x^c with c fitted below 0 reads x^(-alpha), as it does beside an
         * amplitude. A common amplitude
         * written once leaves such terms: {@code A*((params/1e9)^(-alpha) + (tokens/1e11)^(-beta))^c1}
         * ({@link CommonFactor}).
         */
        private Expr term(Expr t) {
            if (!fittedDecay(t)) {
                return fitted(t);
            }
            Binary pow = (Binary) t;
            Param p = (Param) pow.right();
            Param alpha = decay(p);
            return everyUse(p) ? Expr.pow(fitted(pow.left()), Expr.neg(alpha)) : new Binary(Op.POW, fitted(pow.left()), p);
        }

        /**
         * x^p dividing, p a constant fitted at or above 0 and x holding a variable: the decay of
         * {@code A/N^p}, which is {@code A*N^(-p)} for every x and p (no new constant; p keeps its name).
         */
        private boolean decayingDivisor(Expr e) {
            return e instanceof Binary b && b.op() == Op.POW && b.right() instanceof Param p
                    && sign.bounds().apply(p.name()).lo() >= 0 && Chains.hasVar(b.left());
        }

        /** x^c with c free to be positive, below 0 in every fit, and x positive with a variable in it. */
        private boolean fittedDecay(Expr e) {
            return e instanceof Binary b && b.op() == Op.POW && b.right() instanceof Param p
                    && constants.interval(p.name()).hi() > 0 && sign.fittedNegative(p) && Chains.hasVar(b.left()) && sign.positive(b.left());
        }
    }

    /**
     * Whether the other factors are an amplitude and powers: constants, numbers or parts known
     * positive, one of them multiplying (the decay's amplitude, not only divisors). A product with a
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
}

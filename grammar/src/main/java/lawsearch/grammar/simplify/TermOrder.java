package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * Every sum and product in one order, whatever order the search happened to build it in, so the
 * same law reads the same on every seed: {@code A/(experts^c1*params^c2) + E} and
 * {@code E + A/params^c2/experts^c1} are both written {@code E + A/experts^c1/params^c2}. The
 * law's own sum leads with its constant terms (the floor, as papers write {@code E + A/N^alpha +
 * ...}), a sum inside it ends with them ({@code log(N + c1)}); between them come the terms by the
 * variables they hold (by name), then by their shape. A product leads with its
 * constant factors (the amplitude), then what it multiplies by, then its decays ({@code x^(-alpha)}),
 * then what it divides by. A chain
 * never starts with a subtracted term or a divisor (that is a node longer, {@code -t} or
 * {@code 1/t}): the first plain one leads instead. A negated term of a sum is subtracted instead
 * ({@code -(c1*x) + c2} reads {@code c2 - c1*x}, a node shorter). Only the order and those signs
 * change, so the value does up to rounding, and the length never grows.
 */
final class TermOrder {
    private TermOrder() { }

    static Expr apply(Expr e) {
        return visit(e, true);
    }

    /** {@code top}: e is the law itself, whose sum leads with its floor. */
    private static Expr visit(Expr e, boolean top) {
        return switch (e) {
            case Binary b when Chains.isSum(b) -> order(b, true, top);
            case Binary b when Chains.isProduct(b) -> order(b, false, false);
            case Binary b -> new Binary(b.op(), visit(b.left(), false), visit(b.right(), false));
            case Unary u -> new Unary(u.fn(), visit(u.arg(), false));
            default -> e;
        };
    }

    private static Expr order(Expr chain, boolean sum, boolean top) {
        List<Term> terms = new ArrayList<>();
        for (Term t : sum ? Chains.signedTerms(chain) : Chains.terms(chain, false)) {
            terms.add(new Term(visit(t.expr(), false), t.inverse()));
        }
        boolean constantsLast = sum && !top;
        Comparator<Term> byVariables = Comparator.comparing((Term t) -> Chains.hasVar(t.expr()) == !constantsLast)
                .thenComparing(t -> sum ? false : t.inverse())
                .thenComparing(t -> !sum && decay(t.expr()))
                .thenComparing(t -> String.join(",", new TreeSet<>(Exprs.variables(t.expr()))))
                .thenComparing(t -> shape(t.expr()))
                .thenComparing(Term::inverse);
        terms.sort(byVariables);
        for (int i = 0; i < terms.size() && terms.get(0).inverse(); i++) {
            if (!terms.get(i).inverse()) {
                terms.add(0, terms.remove(i));
            }
        }
        return Chains.build(terms, sum);
    }

    /**
     * A power with an exponent below 0 as written, {@code x^(-alpha)} or {@code x^(-0.25)}: a decay
     * that reads as the divisor it stands for, so it goes after the plain factors, as divisors do:
     * {@code (A*s^(-0.5) + c1)*log(g)^(-alpha)}, not the decay first.
     */
    private static boolean decay(Expr e) {
        return e instanceof Binary b && b.op() == Op.POW
                && (FixedPoint.negatedParam(b.right()) || b.right() instanceof Num n && n.value() < 0);
    }

    /** The expression with every constant written alike: the order must not depend on which names the search gave. */
    private static String shape(Expr e) {
        return switch (e) {
            case Param p -> "c";
            case Var v -> v.name();
            case Num n -> Double.toString(n.value());
            case Unary u -> u.fn().symbol() + "(" + shape(u.arg()) + ")";
            case Binary b -> b.op() + "(" + shape(b.left()) + "," + shape(b.right()) + ")";
        };
    }
}

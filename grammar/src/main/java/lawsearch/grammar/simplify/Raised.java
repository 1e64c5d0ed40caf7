package lawsearch.grammar.simplify;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;

/**
 * A power with a variable-free exponent read as base and exponent, a square root as the power 0.5:
 * the rules that take numbers and constants out of a power ({@link Absorb}, {@link PowerRules})
 * treat {@code sqrt(x)} and {@code x^0.5} alike, and read them here, in one place.
 */
record Raised(Expr base, Expr exponent) {

    /** {@code node} as base^exponent, or null when it is neither such a power nor a square root. */
    static Raised of(Expr node) {
        if (node instanceof Binary b && b.op() == Op.POW && !Chains.hasVar(b.right())) {
            return new Raised(b.left(), b.right());
        }
        if (node instanceof Unary u && u.fn() == Fn.SQRT) {
            return new Raised(u.arg(), new Num(0.5));
        }
        return null;
    }
}

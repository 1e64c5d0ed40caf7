package lawsearch.grammar.simplify;

import java.math.BigDecimal;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;

/**
 * What a rewrite rule may consult at a node: the constants, the sign analysis, and whether the
 * node is a power's exponent (where {@code -alpha} is kept as written: it is notation, see
 * {@link FixedPoint#measure}).
 */
record Scope(ConstantMap constants, Positivity sign, boolean inExponent) {

    boolean positive(Expr e) { return sign.positive(e); }

    /** A variable-free exponent as one leaf when it can be (a number, or an absorbing constant); else as is. */
    Expr exponent(Expr value) {
        Expr c = constants.constant(value);
        return c == null ? Simplifier.simplify(value) : c;
    }

    /** x^e with the trivial cases written plainly: x^1 is x, x^0.5 is sqrt(x). */
    static Expr pow(Expr x, Expr e) {
        if (e instanceof Num n && n.value() == 1) {
            return x;
        }
        if (e instanceof Num n && n.value() == 0.5) {
            return new Unary(Fn.SQRT, x);
        }
        return new Binary(Op.POW, x, e);
    }

    /**
     * A non-integer exponent: a number ({@link #nonInteger}), or one under every fit's constants
     * ({@link Positivity#nonIntegerInEachFit}); x^e is NaN for x < 0 either way.
     */
    boolean nonIntegerExponent(Expr e) { return nonInteger(e) || sign.nonIntegerInEachFit(e); }

    static boolean isNum(Expr e, double v) { return e instanceof Num n && n.value() == v; }

    /**
     * Whether {@code v} is a number a reader takes in at a glance (at most four significant digits:
     * 1e-3, 0.25, 10000): a rewrite that would print {@code sqrt(0.1)} as 0.31622776601683794 is
     * refused and the law keeps the root.
     */
    static boolean round(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().precision() <= 4;
    }

    static boolean integer(Expr e) { return e instanceof Num n && Double.isFinite(n.value()) && n.value() == Math.rint(n.value()); }

    /** A finite non-integer number: x^a is then NaN for x < 0, so a rewrite that assumes x > 0 changes no finite value. */
    static boolean nonInteger(Expr e) { return e instanceof Num n && Double.isFinite(n.value()) && n.value() != Math.rint(n.value()); }
}

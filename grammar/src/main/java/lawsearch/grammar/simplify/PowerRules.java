package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * Powers of powers merge and powers of products distribute, so that a chain of exponents becomes
 * one exponent and a number inside a power comes out where it can merge:
 * {@code (x^a)^b → x^(a·b)}, {@code sqrt(x^c) → x^(c/2)}, {@code sqrt(x)^b → x^(b/2)},
 * {@code sqrt(sqrt(sqrt(x))) → x^0.125},
 * {@code x^0.5 → sqrt(x)}, {@code (x^k/1e4)^0.5 → x^(k/2)/100}; powers that share a base or an
 * exponent become one ({@link #sameBase}, {@link #sameExponent}). A variable-free exponent that
 * holds a constant used nowhere else becomes one fresh constant ({@code 0.5*c} → c').
 *
 * <p>Validity: (x^a)^b = x^(a·b) for x > 0; for x < 0 it also holds where the left side is finite
 * when a is a non-integer number, or a constant fitted to a non-integer in every fit (x^a is NaN
 * there), or a and b are both integers. sqrt(x)^b = x^(b/2) wherever the left side is finite
 * (sqrt of a negative is NaN; anything^0 is 1 on both sides).
 */
final class PowerRules {
    private PowerRules() { }

    static List<Expr> powerOfPower(Expr node, Scope s) {
        if (node instanceof Binary b && b.op() == Op.POW && constant(b.right())) {
            if (b.left() instanceof Binary in && in.op() == Op.POW && constant(in.right()) && mergeable(in.left(), in.right(), b.right(), s)) {
                return powers(in.left(), Expr.mul(in.right(), b.right()), s);
            }
            if (b.left() instanceof Unary u && u.fn() == Fn.SQRT) {
                return powers(u.arg(), Expr.mul(new Num(0.5), b.right()), s);
            }
        }
        if (node instanceof Unary u && u.fn() == Fn.SQRT && u.arg() instanceof Unary in && in.fn() == Fn.SQRT) {
            return List.of(sqrtChain(u));
        }
        if (node instanceof Unary u && u.fn() == Fn.SQRT && u.arg() instanceof Binary in && in.op() == Op.POW
                && constant(in.right()) && (s.positive(in.left()) || s.nonIntegerExponent(in.right()))) {
            return powers(in.left(), Expr.mul(in.right(), new Num(0.5)), s);
        }
        return List.of();
    }

    /**
     * x^e for a variable-free e: with e as one leaf where it can be ({@link Scope#exponent}), and
     * also as written where that leaf is a new constant. A constant used elsewhere as well cannot be
     * absorbed without adding a parameter, which the driver refuses, so pythia's
     * {@code sqrt(sqrt(c1*x + c1*y)^c2)}, c2 shared with the base, stayed nested; as written it is
     * {@code (c1*x + c1*y)^(0.25*c2)}, as long and without the roots.
     */
    private static List<Expr> powers(Expr x, Expr e, Scope s) {
        Expr leaf = Scope.pow(x, s.exponent(e));
        Expr written = Scope.pow(x, numbersFirst(Simplifier.simplify(e)));
        return leaf.equals(written) ? List.of(leaf) : List.of(leaf, written);
    }

    /**
     * A product's numbers (and negations) as one leading number: {@code 0.5*(c*0.5)} is {@code 0.25*c},
     * {@code -c*2} is {@code -2*c}. As it is where the number would not be round, or {@code e} is no product.
     */
    private static Expr numbersFirst(Expr e) {
        if (!Chains.isProduct(e)) {
            return e;
        }
        double k = 1;
        List<Term> rest = new ArrayList<>();
        for (Term t : Chains.terms(e, false)) {
            Expr x = t.expr();
            while (x instanceof Unary u && u.fn() == Fn.NEG) {
                k = -k;
                x = u.arg();
            }
            if (x instanceof Num n) {
                k = t.inverse() ? k / n.value() : k * n.value();
            } else {
                rest.add(new Term(x, t.inverse()));
            }
        }
        if (rest.isEmpty() || !Double.isFinite(k) || k == 0 || !Scope.round(k)) {
            return e;
        }
        Expr r = Chains.build(squared(rest), false);
        return k == 1 ? r : k == -1 ? Expr.neg(r) : Expr.mul(new Num(k), r);
    }

    /** A factor standing twice on one side as its square, where the first stood: {@code (x^c1)^c1} is {@code x^(c1^2)}. */
    private static List<Term> squared(List<Term> factors) {
        List<Term> out = new ArrayList<>();
        List<Term> left = new ArrayList<>(factors);
        while (!left.isEmpty()) {
            Term t = left.remove(0);
            int twin = left.indexOf(t);
            if (twin >= 0) {
                left.remove(twin);
                out.add(new Term(Expr.pow(t.expr(), new Num(2)), t.inverse()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * A whole chain of powers with variable-free exponents (square roots among them) over a base
     * known positive, as one power: {@code ((x^-0.5)^c)^c)^c → x^(-0.5·c³)}. Merged a link at a time,
     * a constant the chain uses at several links would be split (the driver refuses that), so such
     * a chain stayed nested; merged at once, its exponents become one constant. Empty for a chain of
     * fewer than three links (that is {@link #powerOfPower}'s) or a base not known positive.
     */
    static List<Expr> powerChain(Expr node, Scope s) {
        Expr x = node;
        Expr exponent = new Num(1);
        int links = 0;
        while (true) {
            if (x instanceof Binary b && b.op() == Op.POW && constant(b.right())) {
                exponent = Expr.mul(b.right(), exponent);
                x = b.left();
            } else if (x instanceof Unary u && u.fn() == Fn.SQRT) {
                exponent = Expr.mul(new Num(0.5), exponent);
                x = u.arg();
            } else {
                break;
            }
            links++;
        }
        return links >= 3 && s.positive(x) ? powers(x, exponent, s) : List.of();
    }

    /**
     * A chain of k square roots as one power, x^(0.5^k): NaN below 0 on both sides, and differing only
     * in the sign of -0. (Two roots are as long as x^0.25; the power is taken as the less awkward.)
     */
    private static Expr sqrtChain(Unary u) {
        Expr x = u;
        double e = 1;
        while (x instanceof Unary r && r.fn() == Fn.SQRT) {
            x = r.arg();
            e *= 0.5;
        }
        return Scope.pow(x, new Num(e));
    }

    /**
     * x^0.5 as sqrt(x) (differing only at x = -inf and the sign of -0). A rule of its own, tried
     * after {@link #powerOfPower}: where that offers to merge the 0.5 into an inner power's shared
     * constant and the driver refuses, this still applies.
     */
    static Expr halfPower(Expr node) {
        return node instanceof Binary b && b.op() == Op.POW && Scope.isNum(b.right(), 0.5) ? new Unary(Fn.SQRT, b.left()) : null;
    }

    private static boolean mergeable(Expr x, Expr a, Expr b, Scope s) {
        return s.positive(x) || s.nonIntegerExponent(a) || Scope.integer(a) && Scope.integer(b);
    }

    /**
     * (f1·f2/f3)^e → f1^e·f2^e/f3^e for a number e when every factor is positive, or for an integer e;
     * for a variable-free exponent holding constants, when every factor is positive, so that each
     * factor's own exponent takes it ({@code (g^c1*s^2)^c2} → {@code g^k1*s^k2}, k1 = c1·c2, k2 = 2·c2:
     * as many constants, shorter; the driver refuses it where it is not).
     */
    static Expr powerOfProduct(Expr node, Scope s) {
        Raised r = Raised.of(node);
        if (r == null || !Chains.isProduct(r.base())) {
            return null;
        }
        Expr e = r.exponent();
        List<Term> factors = Chains.terms(r.base(), false);
        // (a·b)^k = a^k·b^k for any signs when k is an integer; otherwise only for positive factors.
        if (!Scope.integer(e) && !factors.stream().allMatch(t -> s.positive(t.expr()))) {
            return null;
        }
        List<Term> out = new ArrayList<>();
        for (Term t : factors) {
            Expr raised = raise(t.expr(), e, s);
            if (raised == null) {
                return null;
            }
            out.add(new Term(raised, t.inverse()));
        }
        return Chains.build(out, false);
    }

    /**
     * (c·x)^e → k·x^e with k = c^e, for a positive constant factor c (and (c/x)^e → k/x^e): the constant
     * comes out of the power as one amplitude ({@code (c1*log(params))^c2} → {@code A*log(params)^c1},
     * {@code c1*(params/c2)^(-c3)} → {@code A*params^(-alpha)} once the amplitudes merge). Numbers
     * alone come out through {@link Absorb#coefficient}, where a constant can take them; a constant
     * used elsewhere stays (the driver refuses a rewrite that adds a parameter).
     */
    static Expr constantOutOfPower(Expr node, Scope s) {
        Raised r = Raised.of(node);
        Expr[] parts = r == null ? null : constantFactor(r.base(), s);
        if (parts == null) {
            return null;
        }
        Expr e = r.exponent();
        Expr k = s.constants().constant(Scope.pow(parts[0], e));
        if (k == null) {
            return null;
        }
        if (parts[1] instanceof Binary d && d.op() == Op.DIV && Scope.isNum(d.left(), 1)) {
            return Expr.div(k, Scope.pow(d.right(), e));   // (c/x)^e = k/x^e, not k·(1/x)^e
        }
        // x^e as it stands: merging it with x's own exponent is a later step's, taken only where that
        // mints no constant (a shared exponent stays).
        return Expr.mul(k, Scope.pow(parts[1], e));
    }

    /**
     * {@code base} as c·x, c its positive constant factors (one at least holding a parameter), x the
     * rest; through square roots ({@code sqrt(c*x)} = sqrt(c)·sqrt(x)). Null where it has none.
     * Only c must be positive: for c > 0, (c·x)^e and c^e·x^e are equal wherever either is finite (a
     * negative x with a fractional e is NaN on both sides).
     */
    private static Expr[] constantFactor(Expr base, Scope s) {
        if (base instanceof Unary u && u.fn() == Fn.SQRT) {
            Expr[] in = constantFactor(u.arg(), s);
            return in == null ? null : new Expr[] {new Unary(Fn.SQRT, in[0]), new Unary(Fn.SQRT, in[1])};
        }
        Split split = split(base);
        if (split == null || !split.consts().stream().allMatch(t -> s.positive(t.expr()))) {
            return null;
        }
        return new Expr[] {Chains.build(split.consts(), false), Chains.build(split.rest(), false)};
    }

    /** A power (or square root) of a product holding a constant factor beside a variable: {@code (c*x)^e}. */
    static boolean constantInside(Expr node) {
        Expr base = node instanceof Binary b && b.op() == Op.POW ? b.left()
                : node instanceof Unary u && u.fn() == Fn.SQRT ? u.arg() : null;
        return base != null && split(base) != null;
    }

    /** A product's variable-free factors and the rest. */
    private record Split(List<Term> consts, List<Term> rest) { }

    /** {@code base}'s factors split, when it is a product with a variable and a factor holding a parameter but no variable; else null. */
    private static Split split(Expr base) {
        if (!Chains.isProduct(base)) {
            return null;
        }
        List<Term> factors = Chains.terms(base, false);
        List<Term> consts = factors.stream().filter(t -> !Chains.hasVar(t.expr())).toList();
        List<Term> rest = factors.stream().filter(t -> Chains.hasVar(t.expr())).toList();
        return rest.isEmpty() || consts.stream().noneMatch(t -> Exprs.containsParam(t.expr())) ? null : new Split(consts, rest);
    }

    /**
     * B/D^0.25 → B*D^(-0.25): a divisor raised to a fractional number is a factor with the negative
     * exponent, as a decay with a fitted exponent is written ({@code A*N^(-alpha)}), so one law reads
     * one way whether the search wrote {@code c/sqrt(sqrt(D))} or {@code c*D^(-0.25)}. Whole powers
     * and square roots stay divisors ({@code A/N}, {@code A/sqrt(N)}), as does a product with nothing
     * left to divide (it would need a 1/). A divisor raised to a number below 0 is a factor raised to
     * its opposite: {@code B/D^(-0.5)} → {@code B*sqrt(D)}, {@code B/D^(-2)} → {@code B*D^2}.
     */
    static List<Expr> fractionalDivisor(Expr node, Scope s) {
        return moved(node, true, PowerRules::factorWhenDividing, 1);
    }

    /**
     * B*D^(-1) → B/D, B*(N + c)^(-2) → B/(N + c)^2: a factor raised to a whole number below 0 is the
     * divisor {@link #fractionalDivisor} keeps as one, so one law reads one way whichever the search
     * wrote. Only where another factor is left to divide (no 1/). A fractional exponent, −0.5
     * included, stays a decay as written: {@code A*N^(-0.5)} beside {@code B*D^(-0.3)}.
     */
    static List<Expr> negativeFactor(Expr node, Scope s) {
        return moved(node, false, PowerRules::divisorWhenFactor, 2);
    }

    /**
     * The product {@code node} with one power x^n, picked by {@code which} among its divisors
     * ({@code divisor}) or among its factors, moved to the other side as x^(-n): one candidate per
     * such power. None unless the product has at least {@code factors} factors (not divisors), so
     * something is left to divide and no 1/ is needed.
     */
    private static List<Expr> moved(Expr node, boolean divisor, UnaryOperator<Expr> which, int factors) {
        if (!Chains.isProduct(node)) {
            return List.of();
        }
        List<Term> terms = Chains.terms(node, false);
        if (terms.stream().filter(t -> !t.inverse()).count() < factors) {
            return List.of();
        }
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (t.inverse() == divisor && which.apply(t.expr()) instanceof Binary b && b.right() instanceof Num n) {
                List<Term> next = new ArrayList<>(terms);
                next.set(i, new Term(Scope.pow(b.left(), new Num(-n.value())), !divisor));
                out.add(Chains.build(next, false));
            }
        }
        return out;
    }

    /** x^n that {@link #negativeFactor} writes as a divisor when it multiplies, else null: n a whole number below 0. */
    static Expr divisorWhenFactor(Expr e) {
        return e instanceof Binary b && b.op() == Op.POW && b.right() instanceof Num n && n.value() < 0
                && !Scope.nonInteger(n) ? b : null;
    }

    /**
     * x^n that {@link #fractionalDivisor} writes as a factor when it divides, else null: n a positive,
     * non-whole number other than 0.5, or any number below 0, which as a divisor reads backwards
     * ({@code B/vocab_size^(-0.5)} is {@code B*sqrt(vocab_size)}).
     */
    static Expr factorWhenDividing(Expr e) {
        return e instanceof Binary b && b.op() == Op.POW && b.right() instanceof Num n
                && (n.value() > 0 && Scope.nonInteger(n) && n.value() != 0.5 || n.value() < 0) ? b : null;
    }

    /**
     * sqrt(x^c) → sqrt(x)^c for a positive x and an exponent that is not a number: the same law
     * reads one way whichever the search wrote ({@code E + sqrt(X^c3)} and {@code E + sqrt(X)^c3} on
     * pythia's seeds), the power outermost as with any other base. (Where c is used once,
     * {@link #powerOfPower} writes x^(c/2) instead.)
     */
    static Expr powerOutsideRoot(Expr node, Scope s) {
        return rootOfPower(node) instanceof Binary in && s.positive(in.left())
                ? Scope.pow(new Unary(Fn.SQRT, in.left()), in.right()) : null;
    }

    /** The x^c of sqrt(x^c) for an exponent c that is not a number; else null. */
    static Binary rootOfPower(Expr node) {
        return node instanceof Unary u && u.fn() == Fn.SQRT && u.arg() instanceof Binary in && in.op() == Op.POW
                && !(in.right() instanceof Num) && constant(in.right()) ? in : null;
    }

    /** A power of a power with variable-free exponents, {@code (x^a)^b}. */
    static boolean isPowerOfPower(Binary b) {
        return b.op() == Op.POW && constant(b.right()) && b.left() instanceof Binary in && in.op() == Op.POW && constant(in.right());
    }

    /** f^e for a positive f, merged with f's own exponent where it has one; null if a number overflows. */
    static Expr raise(Expr f, Expr e, Scope s) {
        if (f instanceof Num n && e instanceof Num m) {
            double v = Math.pow(n.value(), m.value());
            return Double.isFinite(v) && v != 0 && Scope.round(v) ? new Num(v) : null;
        }
        Expr p = Scope.pow(f, e);
        List<Expr> merged = powerOfPower(p, s);
        return merged.isEmpty() ? p : merged.get(0);
    }

    /** x^a·x^b → x^(a+b) and x^a/x^b → x^(a-b) in a product, for x > 0: two exponents become one. */
    static List<Expr> sameBase(Expr node, Scope s) {
        return Chains.mergePairs(node, false, (a, b) -> {
            Expr base = base(a.expr());
            if (!base.equals(base(b.expr())) || !Chains.hasVar(base) || !s.positive(base)) {
                return null;
            }
            Expr ea = a.inverse() ? Expr.neg(exponent(a.expr())) : exponent(a.expr());
            Expr sum = Expr.binary(b.inverse() ? Op.SUB : Op.ADD, ea, exponent(b.expr()));
            return Chains.hasVar(sum) ? null : new Term(Scope.pow(base, s.exponent(sum)), false);
        });
    }

    /**
     * x^a·y^a → (x·y)^a and x^a/y^a → (x/y)^a in a product, for x, y > 0 and one variable-free
     * exponent a: the exponent is written once ({@code params^c1*sqrt(tokens)^c1} →
     * {@code (params*sqrt(tokens))^c1}, a constant shared by two powers read as one power of their
     * product). A divided pair stays divided: {@code 1/(x^a·y^a)} → {@code 1/(x·y)^a}.
     */
    static List<Expr> sameExponent(Expr node, Scope s) {
        return Chains.mergePairs(node, false, (a, b) -> {
            if (!(a.expr() instanceof Binary pa && pa.op() == Op.POW && b.expr() instanceof Binary pb && pb.op() == Op.POW)
                    || !pa.right().equals(pb.right()) || !constant(pa.right())
                    || !s.positive(pa.left()) || !s.positive(pb.left())) {
                return null;
            }
            Op join = a.inverse() == b.inverse() ? Op.MUL : Op.DIV;
            return new Term(Scope.pow(Expr.binary(join, pa.left(), pb.left()), pa.right()), a.inverse());
        });
    }

    private static Expr base(Expr f) { return f instanceof Binary b && b.op() == Op.POW ? b.left() : f; }

    private static Expr exponent(Expr f) { return f instanceof Binary b && b.op() == Op.POW ? b.right() : new Num(1); }

    static boolean constant(Expr e) { return !Chains.hasVar(e); }
}

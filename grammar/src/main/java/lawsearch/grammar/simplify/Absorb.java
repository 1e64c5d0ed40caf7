package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * Numbers and constants absorbed by a free constant: {@code c1*c2 → c}, {@code c + 3 → c},
 * {@code 2*c*x → c'*x}, {@code c*(x/1e4)^p → c'*x^p} with c' = c·1e4^(-p), {@code c/log(u^0.5)
 * → c'/log(u)} with c' = 2c. Each fresh constant's value is recorded in the {@link ConstantMap}.
 * A constant used elsewhere in the law cannot be absorbed (it is one shared value): the driver
 * rejects any rewrite that would raise the number of parameters, which is what absorbing a shared
 * constant would do. A number also goes into a sum whose terms each have a constant
 * ({@code -0.5*(B*x + C*y)}), and terms that differ only in their constants become one.
 */
final class Absorb {
    private Absorb() { }

    /** A variable-free subtree with a constant in it becomes one constant. */
    static List<Expr> collapse(Expr node, Scope s) {
        if (Chains.hasVar(node) || !Exprs.containsParam(node) || node instanceof Param
                || s.inExponent() && node instanceof Unary u && u.fn() == Fn.NEG && u.arg() instanceof Param) {
            return List.of();      // -alpha in an exponent is kept: it is how a decay is written
        }
        Expr c = s.constants().constant(node);
        return c == null ? List.of() : List.of(c);
    }

    /** The variable-free terms of a sum, or factors of a product, merged into one. */
    static List<Expr> chain(Expr node, Scope s) {
        boolean sum = Chains.isSum(node);
        if (!sum && !Chains.isProduct(node)) {
            return List.of();
        }
        List<Term> terms = Chains.terms(node, sum);
        List<Term> consts = terms.stream().filter(t -> !Chains.hasVar(t.expr())).toList();
        if (consts.size() < 2) {
            return List.of();
        }
        Term merged = merge(consts, sum, s);
        if (merged == null) {
            return List.of();
        }
        List<Term> out = new ArrayList<>();
        boolean placed = false;
        for (Term t : terms) {
            if (Chains.hasVar(t.expr())) {
                out.add(t);
            } else if (!placed) {
                placed = true;
                boolean neutral = sum ? Scope.isNum(merged.expr(), 0) : Scope.isNum(merged.expr(), 1);
                if (!neutral || terms.size() == consts.size()) {
                    out.add(merged);
                }
            }
        }
        return List.of(Chains.build(out, sum));
    }

    /** The constant terms as one: a fresh constant, or a number (subtracted or divided by when that reads better). */
    private static Term merge(List<Term> consts, boolean sum, Scope s) {
        Expr value = Chains.build(consts, sum);
        if (Exprs.containsParam(value)) {
            Expr c = s.constants().constant(value);
            return c == null ? null : new Term(c, false);
        }
        double v = TreeEvaluator.eval(value, n -> Double.NaN, n -> Double.NaN);
        if (!Double.isFinite(v)) {
            return null;
        }
        if (sum) {
            return v < 0 ? new Term(new Num(-v), true) : new Term(new Num(v), false);
        }
        boolean allDivisors = consts.stream().allMatch(Term::inverse);
        if (allDivisors && v != 0) {
            double d = 1 / v;
            return Double.isFinite(d) ? new Term(new Num(d), true) : null;
        }
        return new Term(new Num(v), false);
    }

    /** A factor {@code m·rest} of a product gives its multiplier m to the product's constant factor. */
    record Pull(Expr multiplier, Expr rest) { }

    static List<Expr> coefficient(Expr node, Scope s) {
        if (!Chains.isProduct(node)) {
            return List.of();
        }
        List<Term> factors = Chains.terms(node, false);
        int at = -1;
        for (int i = 0; i < factors.size() && at < 0; i++) {
            at = Chains.hasVar(factors.get(i).expr()) ? -1 : i;
        }
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Term f = factors.get(i);
            Pull pull = i == at ? null : pull(f.expr(), s);
            if (pull == null) {
                continue;
            }
            Expr m = pull.multiplier();
            Expr value;
            if (at < 0) {
                value = f.inverse() ? Expr.div(new Num(1), m) : m;
            } else {
                Term c = factors.get(at);
                Expr start = c.inverse() ? Expr.div(new Num(1), c.expr()) : c.expr();
                value = f.inverse() ? Expr.div(start, m) : Expr.mul(start, m);
            }
            Expr k = s.constants().constant(value);
            if (k == null || at < 0 && !(k instanceof Num)) {
                continue;
            }
            List<Term> next = new ArrayList<>(factors);
            next.set(i, new Term(pull.rest(), f.inverse()));
            if (at >= 0) {
                next.set(at, new Term(k, false));
            } else {
                next.add(0, new Term(k, false));
            }
            if (Scope.isNum(k, 1)) {
                next.remove(new Term(k, false));
            }
            out.add(Chains.build(next, false));
        }
        return out;
    }

    /** What a factor can give out: numbers inside a power of a positive product, or a log's exponent. */
    static Pull pull(Expr f, Scope s) {
        Pull p = LogSplit.pull(f, s);
        p = p != null ? p : logOutOfPower(f, s);
        return p != null ? p : numbersOutOfPower(f, s);
    }

    /**
     * log(x^k)^e = k^e·log(x)^e for a number k > 0: {@code B*log(sqrt(x))^0.25 → B'*log(x)^0.25},
     * {@code B*sqrt(log(x^2)) → B'*sqrt(log(x))}. With k > 0, k·log(x) and log(x) have one sign, so
     * the power is defined (or NaN) for both alike.
     */
    private static Pull logOutOfPower(Expr f, Scope s) {
        Raised r = Raised.of(f);
        Pull inner = r == null ? null : LogSplit.pull(r.base(), s);
        if (inner == null || !(inner.multiplier() instanceof Num k) || !(k.value() > 0)) {
            return null;
        }
        return new Pull(Scope.pow(k, r.exponent()), Scope.pow(inner.rest(), r.exponent()));
    }

    /** (n·u)^e = n^e · u^e for positive n and u: the number comes out to merge with a constant. */
    private static Pull numbersOutOfPower(Expr f, Scope s) {
        Raised r = Raised.of(f);
        if (r == null || !Chains.isProduct(r.base())) {
            return null;
        }
        Expr base = r.base();
        Expr e = r.exponent();
        List<Term> factors = Chains.terms(base, false);
        List<Term> nums = factors.stream().filter(t -> t.expr() instanceof Num).toList();
        List<Term> rest = factors.stream().filter(t -> !(t.expr() instanceof Num)).toList();
        if (nums.isEmpty() || rest.isEmpty() || !factors.stream().allMatch(t -> s.positive(t.expr()))) {
            return null;
        }
        double n = TreeEvaluator.eval(Chains.build(nums, false), x -> Double.NaN, x -> Double.NaN);
        if (!(n > 0) || !Double.isFinite(n)) {
            return null;
        }
        Expr raised = PowerRules.raise(Chains.build(rest, false), e, s);
        return new Pull(Scope.pow(new Num(n), e), raised);
    }

    /**
     * A number beside a sum goes into the sum's constants, {@code -0.5*(B*x + C*y) → -(B'*x + C'*y)},
     * when every term has a constant of its own to take it ({@link #scaled}); the number is what
     * remains of a root or power the rules took apart, and no constant stands beside it.
     */
    static List<Expr> numberIntoSum(Expr node, Scope s) {
        return intoSum(node, s, (k, sum) -> k.expr() instanceof Num n && !k.inverse() ? n : null);
    }

    /**
     * A constant beside a sum goes into the sum's constants, {@code A*(B/x + C) → B'/x + C'} with
     * B' = A·B and C' = A·C (gadre at 30 s fitted {@code A*(B/log(tokens)^alpha + c1)/…} at A = 5.7e-67,
     * B = 3.5e72: one constant too many, and values no reader can place). Only where A merely rescales
     * them: A = 1 is allowed and each A·B spans exactly B's range (free constants, or A ≥ 0 beside
     * sign-bounded ones), so the shorter law has the same function class, not just an enclosure of it,
     * and a refit of it (an export, a bootstrap) reaches what the longer one could and no more.
     */
    static List<Expr> constantIntoSum(Expr node, Scope s) {
        return intoSum(node, s, (k, sum) -> {
            if (k.expr() instanceof Num || Chains.hasVar(k.expr()) || !Exprs.containsParam(k.expr())) {
                return null;   // a number is numberIntoSum's
            }
            Expr value = k.inverse() ? Expr.div(new Num(1), k.expr()) : k.expr();
            return rescalesOnly(value, sum, s) ? value : null;
        });
    }

    /**
     * Each product with a factor taken into a sum beside it, where {@code multiplier} gives what
     * that factor multiplies the sum by (null: it stays) and every term of the sum can take it ({@link #scaled}).
     */
    private static List<Expr> intoSum(Expr node, Scope s, BiFunction<Term, Expr, Expr> multiplier) {
        if (!Chains.isProduct(node)) {
            return List.of();
        }
        List<Term> factors = Chains.terms(node, false);
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            for (int j = 0; j < factors.size(); j++) {
                Term sum = factors.get(j);
                Expr m = j == i || sum.inverse() || !Chains.isSum(sum.expr()) ? null : multiplier.apply(factors.get(i), sum.expr());
                Expr taken = m == null ? null : scaled(sum.expr(), m, s);
                if (taken != null) {
                    List<Term> next = new ArrayList<>(factors);
                    next.set(j, new Term(taken, false));
                    next.remove(i);
                    out.add(Chains.build(next, false));
                }
            }
        }
        return out;
    }

    /** Whether k may be 1 and k·v spans exactly v's range for the constant v of each term of {@code sum} that would take k. */
    private static boolean rescalesOnly(Expr k, Expr sum, Scope s) {
        if (!Intervals.of(k, s.constants()::interval).contains(1)) {
            return false;
        }
        for (Term t : Chains.terms(sum, true)) {
            Expr v = taker(t.expr());
            if (v == null) {
                return false;
            }
            Interval before = Intervals.of(v, s.constants()::interval);
            if (!before.equals(Intervals.of(Expr.mul(k, v), s.constants()::interval))) {
                return false;
            }
        }
        return true;
    }

    /** The value a term's constant stands for, as {@link #intoFactor} would take k into it: the term itself, or its first constant factor; null if none. */
    private static Expr taker(Expr t) {
        if (t instanceof Unary n && n.fn() == Fn.NEG) {
            return taker(n.arg());
        }
        if (!Chains.hasVar(t)) {
            return t;
        }
        if (!Chains.isProduct(t)) {
            return null;
        }
        for (Term f : Chains.terms(t, false)) {
            if (!Chains.hasVar(f.expr()) && Exprs.containsParam(f.expr())) {
                return f.inverse() ? Expr.div(new Num(1), f.expr()) : f.expr();
            }
        }
        return null;
    }

    /**
     * Terms of a sum that differ only in their constant factor are one term,
     * {@code c2*x - c3*x → c'*x} with c' = c2 - c3 (what {@link ExpRules#productOfExps} leaves of
     * {@code exp(c2*x)/exp(c3*x)}).
     */
    static List<Expr> likeTerms(Expr node, Scope s) {
        return Chains.mergePairs(node, true, (a, b) -> {
            Expr merged = like(a, b, s);
            return merged == null ? null : new Term(merged, false);
        });
    }

    /** a ± b as k·R when both are (constant factors)·R with the same R holding a variable; else null. */
    private static Expr like(Term a, Term b, Scope s) {
        List<Term> fa = Chains.isProduct(a.expr()) ? Chains.terms(a.expr(), false) : List.of(new Term(a.expr(), false));
        List<Term> fb = Chains.isProduct(b.expr()) ? Chains.terms(b.expr(), false) : List.of(new Term(b.expr(), false));
        List<Term> ra = fa.stream().filter(t -> Chains.hasVar(t.expr())).toList();
        if (ra.isEmpty() || !ra.equals(fb.stream().filter(t -> Chains.hasVar(t.expr())).toList())) {
            return null;
        }
        Expr ka = Chains.build(fa.stream().filter(t -> !Chains.hasVar(t.expr())).toList(), false);
        Expr kb = Chains.build(fb.stream().filter(t -> !Chains.hasVar(t.expr())).toList(), false);
        Expr signedA = a.inverse() ? Expr.neg(ka) : ka;
        Expr k = s.constants().constant(b.inverse() ? Expr.sub(signedA, kb) : Expr.add(signedA, kb));
        if (k == null) {
            return null;
        }
        List<Term> next = new ArrayList<>();
        next.add(new Term(k, false));
        next.addAll(ra);
        return Chains.build(next, false);
    }

    /**
     * k·u with k taken into u's constants: through a negation, into every term of a sum, into a
     * product's variable-free factor. Null where some term has no constant to take it.
     */
    static Expr scaled(Expr u, Expr k, Scope s) {
        if (u instanceof Unary n && n.fn() == Fn.NEG) {
            Expr in = scaled(n.arg(), k, s);
            return in == null ? null : Expr.neg(in);
        }
        if (!Chains.isSum(u)) {
            return intoFactor(u, k, s);
        }
        List<Term> out = new ArrayList<>();
        for (Term t : Chains.terms(u, true)) {
            Expr taken = intoFactor(t.expr(), k, s);
            if (taken == null) {
                return null;
            }
            out.add(new Term(taken, t.inverse()));
        }
        return Chains.build(out, true);
    }

    /** k·t with k merged into t's first variable-free factor holding a constant (or t itself, if variable-free); null if none. */
    private static Expr intoFactor(Expr t, Expr k, Scope s) {
        if (!Chains.hasVar(t)) {
            return s.constants().constant(Expr.mul(k, t));
        }
        if (!Chains.isProduct(t)) {
            return null;
        }
        List<Term> factors = Chains.terms(t, false);
        for (int i = 0; i < factors.size(); i++) {
            Term f = factors.get(i);
            if (Chains.hasVar(f.expr()) || !Exprs.containsParam(f.expr())) {
                continue;
            }
            Expr c = s.constants().constant(f.inverse() ? Expr.div(k, f.expr()) : Expr.mul(k, f.expr()));
            if (c == null) {
                return null;
            }
            List<Term> next = new ArrayList<>(factors);
            next.set(i, new Term(c, false));
            return Chains.build(next, false);
        }
        return null;
    }
}

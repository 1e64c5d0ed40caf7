package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.List;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.simplify.Absorb.Pull;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * A log of a power or of a scaled power split where a constant can take the pieces:
 * {@code c*log(x^k) → c'*log(x)} with c' = k·c; {@code c*log(sqrt(x)/1e9) → c'*log(x/1e18)}
 * with c' = c/2; and beside an additive constant E, {@code E + c*log(sqrt(x)/1e9) → E' + c'*log(x)}
 * with E' = E - c·log(1e9); a product of powers as one power of a shorter product,
 * {@code c*log(g^(-1)*s^(-0.5)) → c'*log(g*sqrt(s))} with c' = -c. All for x > 0 (or, for log(u^k),
 * k a non-integer number: u^k is NaN for u < 0, so no finite value changes).
 */
final class LogSplit {
    private LogSplit() { }

    /** log(n·u^e) = e·log(u·n^(1/e)) as (multiplier e, the log that is left); null when it does not apply. */
    static Pull pull(Expr f, Scope s) {
        if (!(f instanceof Unary log && log.fn() == Fn.LOG)) {
            return null;
        }
        Parts p = parts(log.arg(), s);
        if (p == null || Scope.isNum(p.exponent(), 1)) {
            return null;
        }
        if (p.unscaled()) {
            return new Pull(p.exponent(), new Unary(Fn.LOG, p.base()));
        }
        if (!(p.exponent() instanceof Num e)) {
            return null;      // n^(1/e) for a fitted e would put a constant inside the log
        }
        // Numerator and denominator raised apart: (1/1e9)^2 is not exactly 1/1e18, 1e9^2 is 1e18.
        double up = Math.pow(p.factor(), 1 / e.value());
        double d = Math.pow(p.divisor(), 1 / e.value());
        if (!Double.isFinite(up) || !Double.isFinite(d) || up == 0 || d == 0) {
            return null;
        }
        Expr arg = p.base();
        arg = up == 1 ? arg : Expr.mul(arg, new Num(up));
        arg = d == 1 ? arg : Expr.div(arg, new Num(d));
        return new Pull(p.exponent(), new Unary(Fn.LOG, arg));
    }

    /** {@code arg} = factor / divisor · base^exponent, with base positive and factor, divisor positive numbers. */
    record Parts(Expr base, Expr exponent, double factor, double divisor) {
        boolean unscaled() { return factor == 1 && divisor == 1; }
    }

    static Parts parts(Expr arg, Scope s) {
        List<Term> factors = Chains.isProduct(arg) ? Chains.terms(arg, false) : List.of(new Term(arg, false));
        List<Term> nums = factors.stream().filter(t -> t.expr() instanceof Num).toList();
        List<Term> rest = factors.stream().filter(t -> !(t.expr() instanceof Num)).toList();
        double factor = product(nums.stream().filter(t -> !t.inverse()).toList());
        double divisor = product(nums.stream().filter(Term::inverse).toList());
        if (!(factor > 0) || !Double.isFinite(factor) || !(divisor > 0) || !Double.isFinite(divisor)) {
            return null;
        }
        if (rest.size() != 1 || rest.get(0).inverse()) {
            return common(rest, factor, divisor, s);
        }
        Expr g = rest.get(0).expr();
        if (g instanceof Binary b && b.op() == Op.POW && !Chains.hasVar(b.right())
                && (s.positive(b.left()) || nums.isEmpty() && s.nonIntegerExponent(b.right()))) {
            return new Parts(b.left(), b.right(), factor, divisor);
        }
        if (g instanceof Unary u && u.fn() == Fn.SQRT && (s.positive(u.arg()) || nums.isEmpty())) {
            return new Parts(u.arg(), new Num(0.5), factor, divisor);
        }
        return s.positive(g) ? new Parts(g, new Num(1), factor, divisor) : null;
    }

    /**
     * A product of powers of positive factors with number exponents, f1^e1·f2^e2/f3^e3, as
     * (f1^(e1/k)·f2^(e2/k)/f3^(e3/k))^k, k the factor's exponent among them that writes the product
     * shortest: {@code log(g^(-1)*s^(-0.5)) = -log(g*sqrt(s))}, the -1 for a constant to take. Null
     * where a factor is not known positive or an exponent is a fitted constant.
     */
    private static Parts common(List<Term> rest, double factor, double divisor, Scope s) {
        if (rest.isEmpty()) {
            return null;
        }
        List<Expr> bases = new ArrayList<>();
        List<Double> exponents = new ArrayList<>();
        for (Term t : rest) {
            Expr g = t.expr();
            Expr b = g;
            double e = 1;
            if (g instanceof Binary p && p.op() == Op.POW && p.right() instanceof Num n) {
                b = p.left();
                e = n.value();
            } else if (g instanceof Unary u && u.fn() == Fn.SQRT) {
                b = u.arg();
                e = 0.5;
            } else if (g instanceof Binary p && p.op() == Op.POW) {
                return null;
            }
            if (!s.positive(b) || !Double.isFinite(e) || e == 0) {
                return null;
            }
            bases.add(b);
            exponents.add(t.inverse() ? -e : e);
        }
        Expr best = null;
        double bestK = 1;
        for (double k : exponents.stream().distinct().toList()) {
            List<Term> factors = new ArrayList<>();
            for (int i = 0; i < bases.size(); i++) {
                double q = exponents.get(i) / k;
                factors.add(new Term(Scope.pow(bases.get(i), new Num(Math.abs(q))), q < 0));
            }
            Expr built = Chains.build(factors, false);
            if (best == null || FixedPoint.measure(built) < FixedPoint.measure(best)) {
                best = built;
                bestK = k;
            }
        }
        return new Parts(best, new Num(bestK), factor, divisor);
    }

    private static double product(List<Term> nums) {
        double v = 1;
        for (Term t : nums) {
            v *= ((Num) t.expr()).value();
        }
        return v;
    }

    /** E ± C·log(n·u^e) → E' ± C'·log(u): the log's number goes to the additive constant E. */
    static List<Expr> withFloor(Expr node, Scope s) {
        if (!Chains.isSum(node)) {
            return List.of();
        }
        List<Term> terms = Chains.terms(node, true);
        int floor = -1;
        for (int i = 0; i < terms.size() && floor < 0; i++) {
            floor = Chains.hasVar(terms.get(i).expr()) ? -1 : i;
        }
        if (floor < 0) {
            return List.of();
        }
        List<Expr> out = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            Expr split = j == floor ? null : split(terms, floor, j, s);
            if (split != null) {
                out.add(split);
            }
        }
        return out;
    }

    private static Expr split(List<Term> terms, int floor, int j, Scope s) {
        Term t = terms.get(j);
        List<Term> factors = Chains.isProduct(t.expr()) ? Chains.terms(t.expr(), false) : List.of(new Term(t.expr(), false));
        List<Term> withVar = factors.stream().filter(f -> Chains.hasVar(f.expr())).toList();
        if (withVar.size() != 1 || withVar.get(0).inverse() || !(withVar.get(0).expr() instanceof Unary log && log.fn() == Fn.LOG)) {
            return null;
        }
        Parts p = parts(log.arg(), s);
        if (p == null || p.unscaled()) {
            return null;
        }
        List<Term> consts = factors.stream().filter(f -> !Chains.hasVar(f.expr())).toList();
        Expr c = consts.isEmpty() ? new Num(1) : Chains.build(consts, false);
        Expr coefficient = s.constants().constant(Expr.mul(c, p.exponent()));
        Term e = terms.get(floor);
        Expr shifted = Expr.binary(t.inverse() ? Op.SUB : Op.ADD, e.inverse() ? Expr.neg(e.expr()) : e.expr(),
                Expr.mul(c, Expr.sub(new Unary(Fn.LOG, new Num(p.factor())), new Unary(Fn.LOG, new Num(p.divisor())))));
        Expr newFloor = s.constants().constant(shifted);
        if (coefficient == null || newFloor == null) {
            return null;
        }
        Expr logU = new Unary(Fn.LOG, p.base());
        Expr term = Scope.isNum(coefficient, 1) ? logU : Expr.mul(coefficient, logU);
        List<Term> next = new ArrayList<>(terms);
        next.set(j, new Term(term, t.inverse()));
        next.set(floor, new Term(newFloor, false));
        return Chains.build(next, true);
    }
}

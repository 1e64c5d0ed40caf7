package lawsearch.grammar.simplify;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.interpreter.TreeEvaluator;

/**
 * A fitted law as a person would write it: simplified to a fixed point by value-preserving
 * rewrites ({@link PowerRules}, {@link Absorb}, {@link LogSplit}, {@link DecayExponents}), never
 * longer than the original (by {@link FixedPoint#measure}), its sums and products in one order ({@link TermOrder}), with parameters named by their role
 * ({@link RoleNames}: E, A, alpha, c1, ...).
 *
 * @param law       the simplified, role-named law, with its bounds carried over from the original
 * @param constants for each parameter of {@code law}, an expression over the ORIGINAL law's
 *                  parameters (by their original names) that gives its value; a pure rename maps
 *                  to the original parameter itself
 */
public record Readable(Law law, Map<String, Expr> constants) {

    public Readable {
        Objects.requireNonNull(law);
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    /**
     * The readable form of {@code law}. {@code positive} names the data variables known to be
     * positive on the whole domain: rewrites such as (x^a)^b = x^(a·b) or log(x^k) = k·log(x) are
     * only made where the base is known positive.
     */
    public static Readable of(Law law, Set<String> positive) {
        return of(law, positive, p -> Interval.FREE);
    }

    /**
     * As {@link #of(Law, Set)}, for a law whose constants were fitted: {@code fitted} gives, for
     * each of the original parameters, the range of its fitted values (over groups and targets).
     * Signs the rewrites rely on may come from these values as well as from the bounds, so a base
     * such as {@code c1*params^(-c2) + c3*tokens^(-c4)} with both amplitudes fitted above 0 counts as
     * positive and {@code (base^c5)^c6} becomes {@code base^c}. The rewritten law is exact at the
     * fitted values, which is where a fitted law's readable form is used (and checked).
     */
    public static Readable of(Law law, Set<String> positive, Function<String, Interval> fitted) {
        return of(law, positive, v -> positive.contains(v) ? new Interval(Double.MIN_VALUE, Double.POSITIVE_INFINITY) : Interval.FREE, fitted, List.of());
    }

    /**
     * As {@link #of(Law, Set, Function)}, with {@code domain} giving each data variable's range on
     * the whole domain the law is used on (a lowest value and no cap): a variable is positive where
     * its range is above 0, and any part of the law whose range, by interval arithmetic, lies above 0
     * is positive too ({@code log(N)} for N ≥ 1e6, so {@code (log(N)^2)^c} becomes {@code log(N)^(2c)}).
     */
    public static Readable of(Law law, Function<String, Interval> domain, Function<String, Interval> fitted) {
        return of(law, Set.of(), domain, fitted, List.of());
    }

    /**
     * As {@link #of(Law, Function, Function)}, given each fit's constants (one map per group and
     * target, by the original parameters' names; a missing or non-finite value is unknown): the
     * fitted ranges are their union, and a part of the law counts as positive also when it is so
     * under every fit's own constants, which the union's corners may hide ({@link Positivity}).
     */
    public static Readable of(Law law, Function<String, Interval> domain, List<Map<String, Double>> fits) {
        return of(law, domain, fits, Set.of());
    }

    /**
     * As {@link #of(Law, Function, List)}, naming no constant with one of {@code reserved}: the
     * data's columns and aliases the law does not read, which its text, read back, would take for
     * those columns (a floor named E on a sweep with an experts column E).
     */
    public static Readable of(Law law, Function<String, Interval> domain, List<Map<String, Double>> fits, Set<String> reserved) {
        Map<String, Interval> union = new LinkedHashMap<>();
        for (Map<String, Double> fit : fits) {
            fit.forEach((p, v) -> {
                if (v != null && Double.isFinite(v)) {
                    union.merge(p, new Interval(v, v), (a, b) -> new Interval(Math.min(a.lo(), b.lo()), Math.max(a.hi(), b.hi())));
                }
            });
        }
        List<Function<String, Interval>> points = fits.stream().<Function<String, Interval>>map(fit -> p -> {
            Double v = fit.get(p);
            return v != null && Double.isFinite(v) ? new Interval(v, v) : Interval.FREE;
        }).toList();
        return of(law, reserved, domain, p -> union.getOrDefault(p, Interval.FREE), points);
    }

    /** {@code reserved}: names no constant may take besides the law's variables and the functions. */
    private static Readable of(Law law, Set<String> reserved, Function<String, Interval> domain, Function<String, Interval> fitted,
                               List<Function<String, Interval>> fits) {
        Set<String> taken = new HashSet<>(reserved);
        taken.addAll(law.variables());
        for (Fn f : Fn.values()) {
            taken.add(f.symbol());
        }
        ConstantMap constants = new ConstantMap(law, taken);
        Function<String, Interval> original = q -> within(law.bounds().of(q), fitted.apply(q));
        // Each current constant as its definition over the original ones, evaluated per fit.
        List<Function<String, Interval>> perFit = fits.stream().<Function<String, Interval>>map(
                fit -> p -> Intervals.of(constants.def(p), fit)).toList();
        Positivity sign = new Positivity(domain, p -> within(constants.interval(p), Intervals.of(constants.def(p), original)), perFit);
        Expr e = FixedPoint.run(law.expr(), constants, sign);
        e = DecayExponents.apply(e, constants, sign);
        e = TermOrder.apply(e);
        // Ordering can put two constants side by side that then merge (B*x/5e-10 -> B/5e-10*x -> B'*x):
        // simplify and order again until neither changes anything (a few rounds at most).
        for (int round = 0; round < 5; round++) {
            Expr again = TermOrder.apply(FixedPoint.run(e, constants, sign));
            if (again.equals(e)) {
                break;
            }
            e = again;
        }
        Map<String, String> names = RoleNames.names(e, taken, constants::interval, sign.bounds());
        Map<String, Expr> values = new LinkedHashMap<>();
        Map<String, Interval> bounds = new LinkedHashMap<>();
        for (String p : Exprs.parameters(e)) {
            String n = names.get(p);
            values.put(n, constants.def(p));
            Interval i = constants.interval(p);
            if (!i.isFree()) {
                bounds.put(n, i);
            }
        }
        Expr named = Exprs.renameParams(e, names::get);
        return new Readable(new Law(named, new Bounds(bounds), law.fit()), values);
    }

    /** {@code a} narrowed to {@code b} where they meet; {@code a} where they do not (a value a hair outside its bounds). */
    private static Interval within(Interval a, Interval b) {
        double lo = Math.max(a.lo(), b.lo());
        double hi = Math.min(a.hi(), b.hi());
        return lo <= hi ? new Interval(lo, hi) : a;
    }

    /** The new law's constants (in {@code law().parameters()} order) from the original's (in {@code originalParameters} order). */
    public double[] map(List<String> originalParameters, double[] originalValues) {
        if (originalParameters.size() != originalValues.length) {
            throw new IllegalArgumentException(originalParameters.size() + " names for " + originalValues.length + " values");
        }
        Map<String, Double> given = new HashMap<>();
        for (int i = 0; i < originalValues.length; i++) {
            given.put(originalParameters.get(i), originalValues[i]);
        }
        List<String> params = law.parameters();
        double[] out = new double[params.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = TreeEvaluator.eval(constants.get(params.get(i)), v -> Double.NaN, p -> {
                Double d = given.get(p);
                if (d == null) {
                    throw new IllegalArgumentException("no value for the original parameter " + p);
                }
                return d;
            });
        }
        return out;
    }
}

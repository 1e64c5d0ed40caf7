package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;

/**
 * Applies the readability rewrites one at a time until none applies. Each step takes the first
 * rewrite (subtrees before their parents, left to right; rules in the order below) that leaves
 * the whole law strictly shorter by {@link #measure}, or as long and less awkward by
 * {@link #awkwardness}, and with no more parameters than before. That order on (length,
 * awkwardness) is strict, which makes the loop terminate and the result a fixed point; no more parameters
 * keeps a constant used twice from being absorbed at one of its places (that would split one
 * shared value into two). When no step applies, a product of constants used only whole is made one
 * constant at all its places at once ({@link ConstantProducts}; one parameter fewer, so the loop
 * still ends), and the steps go on.
 */
final class FixedPoint {
    private FixedPoint() { }

    private static final int MAX_STEPS = 1000;

    private static final List<BiFunction<Expr, Scope, List<Expr>>> RULES = List.of(
            (e, s) -> List.of(Simplifier.simplify(e)),
            Signs::minusOne,
            Absorb::collapse,
            Absorb::chain,
            PowerRules::powerOfPower,
            PowerRules::powerChain,
            (e, s) -> one(PowerRules.halfPower(e)),
            (e, s) -> one(PowerRules.powerOfProduct(e, s)),
            (e, s) -> one(PowerRules.constantOutOfPower(e, s)),
            (e, s) -> one(PowerRules.powerOutsideRoot(e, s)),
            ExpRules::powerOfExp,
            ExpRules::productOfExps,
            Absorb::coefficient,
            Absorb::numberIntoSum,
            Absorb::constantIntoSum,
            Absorb::likeTerms,
            CommonFactor::out,
            PowerRules::sameBase,
            PowerRules::sameExponent,
            PowerRules::fractionalDivisor,
            PowerRules::negativeFactor,
            LogSplit::withFloor,
            Signs::flip);

    /**
     * Node count, but {@code x^(-p)} for a parameter p counts as {@code x^p}: the sign is how a
     * decay exponent is written ({@link DecayExponents}), not structure.
     */
    static int measure(Expr e) {
        return switch (e) {
            case Unary u -> 1 + measure(u.arg());
            case Binary b when b.op() == Op.POW && negatedParam(b.right()) -> 2 + measure(b.left());
            case Binary b -> 1 + measure(b.left()) + measure(b.right());
            default -> 1;
        };
    }

    /**
     * What makes a law of a given length harder to read, summed over its nodes:
     * <ul>
     * <li>2 for a square root of a square root: x^0.25 says it at once (2, so that
     *     {@code c/sqrt(sqrt(D))} may pass through {@code c/D^0.25} on its way to {@code c*D^(-0.25)});
     * <li>2 for a constant inside a power beside a variable, {@code (c*x)^p}: the amplitude reads at
     *     once as {@code A*x^p} (2, more than where a root stands, below);
     * <li>1 for a fractional power as a divisor, {@code B/D^0.25}, which
     *     {@link PowerRules#fractionalDivisor} writes {@code B*D^(-0.25)}, and for a divisor with a
     *     number exponent below 0, {@code B/D^(-2)}, written {@code B*D^2}; and for a factor with a
     *     whole number exponent below 0, {@code B*D^(-2)}, which {@link PowerRules#negativeFactor}
     *     writes {@code B/D^2};
     * <li>1 for a root of a power, {@code sqrt(x^c)}, as long as {@code sqrt(x)^c};
     * <li>1 for a power of a power, {@code (x^c)^2}, as long as {@code x^(2*c)} (merged into one
     *     constant where c is used nowhere else, it is shorter);
     * <li>1 for a power or root of an exponential, {@code exp(x)^c}, as long as {@code exp(c*x)}
     *     ({@link ExpRules#powerOfExp});
     * <li>1 for a constant known to be below 0 (by its fitted values, where given) outside an
     *     exponent, whose sign a reader must carry through its term; {@link Signs} writes such a term
     *     the other way round with the constant positive. (A negative exponent is how a decay is
     *     written, {@link DecayExponents}.)
     * </ul>
     */
    static int awkwardness(Expr e, Positivity sign) {
        return here(e, sign) + switch (e) {
            case Unary u -> awkwardness(u.arg(), sign);
            case Binary b when b.op() == Op.POW -> awkwardness(b.left(), sign);
            case Binary b -> awkwardness(b.left(), sign) + awkwardness(b.right(), sign);
            default -> 0;
        };
    }

    /** The awkwardness of {@code e}'s own node (see {@link #awkwardness}). */
    private static int here(Expr e, Positivity sign) {
        return switch (e) {
            case Param p -> sign.negative(p) ? 1 : 0;
            case Unary u -> (u.fn() == Fn.SQRT && u.arg() instanceof Unary in && in.fn() == Fn.SQRT ? 2 : 0)
                    + (PowerRules.constantInside(u) ? 2 : 0) + (PowerRules.rootOfPower(u) != null ? 1 : 0)
                    + (ExpRules.isPowerOfExp(u) ? 1 : 0);
            case Binary b when b.op() == Op.POW -> (PowerRules.constantInside(b) ? 2 : 0) + (ExpRules.isPowerOfExp(b) ? 1 : 0)
                    + (PowerRules.isPowerOfPower(b) ? 1 : 0);
            case Binary b when b.op() == Op.DIV -> PowerRules.factorWhenDividing(b.right()) != null ? 1 : 0;
            case Binary b when b.op() == Op.MUL -> (PowerRules.divisorWhenFactor(b.left()) != null ? 1 : 0)
                    + (PowerRules.divisorWhenFactor(b.right()) != null ? 1 : 0);
            default -> 0;
        };
    }

    static boolean negatedParam(Expr e) { return e instanceof Unary u && u.fn() == Fn.NEG && u.arg() instanceof Param; }

    static Expr run(Expr e, ConstantMap constants, Positivity sign) {
        Expr current = e;
        for (int i = 0; i < MAX_STEPS; i++) {
            Expr next = step(current, constants, sign);
            if (next == null) {   // no site left: the one merge no single site can make, then on if it made one
                next = ConstantProducts.apply(current, constants);
                if (next == current) {
                    return current;
                }
            }
            current = next;
        }
        return current;
    }

    private record Site(Expr node, List<Integer> path, boolean inExponent) { }

    private static Expr step(Expr root, ConstantMap constants, Positivity sign) {
        int size = measure(root);
        int awkward = awkwardness(root, sign);
        List<String> rootParams = Exprs.parameters(root);
        List<Site> sites = new ArrayList<>();
        sites(root, new ArrayList<>(), false, sites);
        for (Site site : sites) {
            Scope scope = new Scope(constants, sign, site.inExponent());
            for (BiFunction<Expr, Scope, List<Expr>> rule : RULES) {
                for (Expr candidate : rule.apply(site.node(), scope)) {
                    if (candidate == null || candidate.equals(site.node())) {
                        continue;
                    }
                    Expr whole = replace(root, site.path(), 0, Simplifier.simplify(candidate));
                    int length = measure(whole);
                    boolean better = length < size || length == size && awkwardness(whole, sign) < awkward;
                    if (!better) {
                        continue;
                    }
                    List<String> params = Exprs.parameters(whole);
                    if (params.size() <= rootParams.size() && finiteConstants(whole, sign, constants) && boundsKept(params, rootParams, constants)) {
                        return whole;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether no constant of {@code e} is, under the fitted values, a single infinite or undefined
     * number, and none new since the original law is one at the edge of the doubles. Absorbing a
     * number into a constant can overflow it: {@code c5*(N/1e9)^(-65)} as {@code A*N^(-65)} needs
     * A = c5·1e9^65 = -inf, and the readable law gives NaN where the original gave 0. It can also
     * underflow it: {@code c2*(N/1e9)^63.9} as {@code B*N^63.9} needs B = c2·1e9^(-63.9) = 0 (below
     * the smallest double), and N^63.9 is inf at N = 3e10, so the readable law gave 0·inf = NaN where
     * the original gave 2e94. A new constant beyond 1e±290 (or 0 from non-zero originals) is refused.
     * Without fitted values every interval is wide, and nothing is refused.
     */
    private static boolean finiteConstants(Expr e, Positivity sign, ConstantMap constants) {
        for (String p : Exprs.parameters(e)) {
            Interval i = sign.bounds().apply(p);
            boolean point = i.lo() == i.hi() || Double.isNaN(i.lo()) && Double.isNaN(i.hi());
            if (point && (!Double.isFinite(i.lo()) || !(constants.def(p) instanceof Param) && extreme(i.lo(), constants.def(p), sign))) {
                return false;
            }
        }
        return true;
    }

    /** A new constant's value {@code v} (of {@code def}) at the edge of the doubles: an overflow or underflow on the way to it. */
    private static boolean extreme(double v, Expr def, Positivity sign) {
        double a = Math.abs(v);
        if (v == 0) {   // a true 0 (a constant fitted at 0) or an underflow: an underflow reads only non-zero constants
            return Exprs.parameters(def).stream().map(sign.bounds()).noneMatch(i -> i.lo() == 0 && i.hi() == 0);
        }
        return a < 1e-290 || a > 1e290;
    }

    /**
     * Whether each constant of the rewritten law ({@code params}) new since {@code before} that folds
     * a sum of constants can still take every value of its interval whatever the value of an
     * original constant it reads that the law still has as itself. {@code (1 - E)*A} with E and A in [0, 1] is one constant in [0, 1], yet with E
     * kept elsewhere it cannot pass 1 - E: a refit of the readable law (an export, a bootstrap)
     * could put the ceiling above 1, so such a merge is refused. Products and powers of constants
     * ({@code c*(x/1e4)^p → c'*x^p}, {@code (x^a)^b → x^k}) are not asked: what their bounds lose
     * is a search range on an exponent, and merging them is most of what makes a law readable.
     * Read at the finite ends and middle of each shared constant's interval, passing over a point
     * where the new constant is pinned to one value.
     */
    private static boolean boundsKept(List<String> params, List<String> before, ConstantMap constants) {
        for (String p : params) {
            if (before.contains(p)) {
                continue;
            }
            if (!hasSum(constants.def(p))) {
                continue;   // products and powers of constants (c·1e4^(-p), a·b): sign bounds map through exactly
            }
            Set<String> reads = new HashSet<>(Exprs.parameters(constants.def(p)));
            // an original constant still in the law as itself; fresh ones stand for whole expressions
            List<String> elsewhere = params.stream().filter(q -> !q.equals(p) && reads.contains(q)
                    && constants.def(q) instanceof Param d && d.name().equals(q)).toList();
            Interval hull = constants.interval(p);
            for (String shared : elsewhere) {
                Interval range = constants.interval(shared);
                for (double at : new double[] {range.lo(), (range.lo() + range.hi()) / 2, range.hi()}) {
                    if (!Double.isFinite(at)) {
                        continue;
                    }
                    Interval given = Intervals.of(constants.def(p), q -> q.equals(shared) ? new Interval(at, at) : constants.interval(q));
                    if (given.lo() == given.hi()) {
                        continue;   // pinned to one value there (c1*c2 at c2 = 0): the map is not invertible at that point, no bound is lost
                    }
                    if (given.lo() > hull.lo() + 1e-9 * Math.max(1, Math.abs(hull.lo()))
                            || given.hi() < hull.hi() - 1e-9 * Math.max(1, Math.abs(hull.hi()))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean hasSum(Expr e) {
        return switch (e) {
            case Binary b -> b.op() == Op.ADD || b.op() == Op.SUB || hasSum(b.left()) || hasSum(b.right());
            case Unary u -> hasSum(u.arg());
            default -> false;
        };
    }

    /** Post-order: a node's children come before it, so inner rewrites are tried first. */
    private static void sites(Expr e, List<Integer> path, boolean inExponent, List<Site> out) {
        switch (e) {
            case Unary u -> sites(u.arg(), with(path, 0), false, out);
            case Binary b -> {
                sites(b.left(), with(path, 0), false, out);
                sites(b.right(), with(path, 1), b.op() == Op.POW, out);
            }
            default -> { }
        }
        out.add(new Site(e, path, inExponent));
    }

    private static List<Integer> with(List<Integer> path, int i) {
        List<Integer> p = new ArrayList<>(path);
        p.add(i);
        return p;
    }

    private static Expr replace(Expr e, List<Integer> path, int depth, Expr by) {
        if (depth == path.size()) {
            return by;
        }
        int i = path.get(depth);
        return switch (e) {
            case Unary u -> new Unary(u.fn(), replace(u.arg(), path, depth + 1, by));
            case Binary b -> i == 0 ? new Binary(b.op(), replace(b.left(), path, depth + 1, by), b.right())
                    : new Binary(b.op(), b.left(), replace(b.right(), path, depth + 1, by));
            default -> throw new IllegalStateException("no child " + i);
        };
    }

    private static List<Expr> one(Expr e) { return e == null ? List.of() : List.of(e); }
}

package lawsearch.grammar.operators;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;

/**
 * Random laws from a {@link Grammar}, built from the shapes scaling laws are made of rather than
 * from arbitrary trees: {@code E + Σ c_k · f_k}, each f_k a product of one or two factors — a power
 * of a (normalised) variable, a log or squared log, a shifted power, a saturating exponential, and
 * for a setting swept on a log scale a bowl whose bottom moves with a scale variable ({@link #bowl}).
 * Coefficients enter linearly, so the fitter solves them exactly; only exponents and shifts are
 * searched. Fresh parameters get bounds that keep powers and shifts sane.
 */
public final class Generator {
    static final Interval EXPONENT = new Interval(-4, 4);
    /**
     * A bowl's slope: how fast a setting's optimum moves with scale (Step Law's lr* ∝ N^-0.71·D^0.31).
     * ±2 already moves it a millionfold over the checks' 1000× reach. Bounds of its own also keep
     * share_param, which ties constants with the same bounds, from making one constant of a slope
     * and a decay exponent (hyper_wd: {@code H*train_tokens^c2}, c2 the learning rate's drift).
     */
    static final Interval SLOPE = new Interval(-2, 2);
    static final Interval SHIFT = new Interval(0, Double.POSITIVE_INFINITY);

    private final Grammar grammar;

    public Generator(Grammar grammar) { this.grammar = grammar; }

    public Grammar grammar() { return grammar; }

    /** A random law the grammar accepts (falls back to the simplest power law when attempts fail). */
    public Law law(RandomGenerator rng) {
        if (grammar.variables().size() >= 3 && rng.nextDouble() < ADDITIVE) {
            Law a = additive(rng);
            if (grammar.accepts(a)) {
                return Redundancy.reduce(a, grammar);
            }
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            Set<String> used = Trees.names(grammar);
            Bounds[] bounds = {Bounds.NONE};
            int terms = 1 + rng.nextInt(Math.max(1, Math.min(grammar.maxTerms(), 3)));
            List<Expr> parts = new ArrayList<>();
            parts.add(new Param(floor(used)));
            for (int t = 0; t < terms; t++) {
                parts.add(term(rng, used, bounds));
            }
            Expr body = Trees.sum(parts);
            if (grammar.variables().size() > 1 && rng.nextDouble() < 0.25) {
                // (E + Σ c·f(X)) · g(Y): a whole law scaled by another variable, as parallel streams
                // or data repetition scale a Chinchilla-style loss.
                body = Expr.mul(body, factor(rng, used, bounds));
            }
            Law law = new Law(body, bounds[0], lawsearch.grammar.core.FitSettings.DEFAULT);
            if (grammar.accepts(law)) {
                return Redundancy.reduce(law, grammar);
            }
        }
        return simplest();
    }

    /** Share of fresh laws drawn in the additive shape when there are three variables or more. */
    static final double ADDITIVE = 0.15;

    /**
     * One term per variable, all with the same transform f: {@code E + Σ c_v·f(v)}, or
     * {@code E + k·exp(Σ t_v·f(v))}, f one of v, sqrt(v), log(v + s), v^a (s, a shared). This is
     * the shape of mixture and multi-factor laws (each domain's share, each hyper-parameter adds
     * its own effect); growing it term by term takes the search as many lucky steps as there are
     * variables, so it is drawn whole.
     */
    Law additive(RandomGenerator rng) {
        Set<String> used = Trees.names(grammar);
        String floor = floor(used);
        Bounds[] bounds = {Bounds.NONE};
        int kind = rng.nextInt(4);
        Expr shared = switch (kind) {
            case 2 -> bounded(used, bounds, SHIFT);
            case 3 -> bounded(used, bounds, EXPONENT);
            default -> null;
        };
        List<Expr> parts = new ArrayList<>();
        for (String v : grammar.variables()) {
            Expr x = grammar.normalised(v);
            Expr f = switch (kind) {
                case 0 -> x;
                case 1 -> grammar.functions().contains(Fn.SQRT) ? Expr.unary(Fn.SQRT, x) : x;
                case 2 -> grammar.functions().contains(Fn.LOG) ? Expr.unary(Fn.LOG, Expr.add(x, shared)) : x;
                default -> grammar.operators().contains(Op.POW) ? Expr.pow(x, shared) : x;
            };
            parts.add(Expr.mul(new Param(Trees.fresh(used)), f));
        }
        Expr sum = Trees.sum(parts);
        boolean exp = grammar.functions().contains(Fn.EXP) && rng.nextBoolean()
                && grammar.variables().stream().allMatch(grammar::expAllowed);
        Expr body = exp ? Expr.mul(new Param(Trees.fresh(used)), Expr.unary(Fn.EXP, sum)) : sum;
        return new Law(Expr.add(new Param(floor), body), bounds[0], lawsearch.grammar.core.FitSettings.DEFAULT);
    }

    /** The floor's name, taken from {@code used}: E, or the next c1, c2, … where the data has a column E. */
    static String floor(Set<String> used) { return used.add("E") ? "E" : Trees.fresh(used); }

    /** A fresh parameter within {@code range}. */
    private static Expr bounded(Set<String> used, Bounds[] bounds, Interval range) {
        String p = Trees.fresh(used);
        bounds[0] = bounds[0].with(p, range);
        return new Param(p);
    }

    /**
     * The simplest law the grammar allows on the first scale variable (or the first variable):
     * E + c1*X^c2, or E + c1*X when the cap or the operators leave no room for an exponent, or
     * c1*X under a cap of one constant.
     */
    public Law simplest() {
        String v = grammar.scaleVariables().isEmpty() ? grammar.variables().get(0)
                : grammar.variables().stream().filter(grammar.scaleVariables()::contains).findFirst().orElseThrow();
        Expr x = grammar.normalised(v);
        Set<String> used = Trees.names(grammar);
        String floor = floor(used);
        String c1 = Trees.fresh(used);
        if (grammar.maxParams() >= 3 && grammar.operators().contains(Op.POW)) {
            String c2 = Trees.fresh(used);
            Expr e = Expr.add(new Param(floor), Expr.mul(new Param(c1), Expr.pow(x, new Param(c2))));
            return new Law(e, Bounds.NONE.with(c2, EXPONENT), lawsearch.grammar.core.FitSettings.DEFAULT);
        }
        Expr scaled = Expr.mul(new Param(c1), x);
        Expr e = grammar.maxParams() >= 2 ? Expr.add(new Param(floor), scaled) : scaled;
        return new Law(e, Bounds.NONE, lawsearch.grammar.core.FitSettings.DEFAULT);
    }

    /** c · f1 [· f2] with a fresh coefficient c. */
    Expr term(RandomGenerator rng, Set<String> used, Bounds[] bounds) {
        Expr f = factor(rng, used, bounds);
        if (grammar.variables().size() > 1 && rng.nextDouble() < 0.35) {
            f = Expr.mul(f, factor(rng, used, bounds));
        }
        return Expr.mul(new Param(Trees.fresh(used)), f);
    }

    /** One factor: a function of one variable with fresh exponent/shift parameters. */
    Expr factor(RandomGenerator rng, Set<String> used, Bounds[] bounds) {
        String v = variable(rng);
        Expr x = grammar.normalised(v);
        double u = rng.nextDouble();
        boolean pow = grammar.operators().contains(Op.POW);
        if (u < 0.45 && pow) {
            return Expr.pow(x, exponent(used, bounds));
        }
        if (u < 0.6 && grammar.functions().contains(Fn.LOG)) {
            return Expr.unary(Fn.LOG, x);
        }
        if (u < 0.85 && pow && grammar.functions().contains(Fn.LOG) && setting(v)) {
            return bowl(rng, x, used, bounds);
        }
        if (u < 0.7 && pow && grammar.functions().contains(Fn.LOG)) {
            return Expr.pow(Expr.unary(Fn.LOG, x), new Num(2));
        }
        if (u < 0.85 && pow) {
            String s = Trees.fresh(used);
            bounds[0] = bounds[0].with(s, SHIFT);
            return Expr.pow(Expr.add(x, new Param(s)), exponent(used, bounds));
        }
        // exp(p·x) only for bounded quantities (proportions, rates): along a scale variable it grows
        // or vanishes exponentially beyond the data, which no validation split can vouch for.
        if (grammar.functions().contains(Fn.EXP) && grammar.expAllowed(v)) {
            return Expr.unary(Fn.EXP, Expr.mul(exponent(used, bounds), x));
        }
        return pow ? Expr.pow(x, exponent(used, bounds)) : x;
    }

    /**
     * Whether {@code v} is a setting swept on a log scale (a learning rate, a batch size) beside
     * scale variables: its effect is a bowl whose bottom moves with the scale, which neither a power
     * nor a log of it can write.
     */
    boolean setting(String v) {
        return grammar.logSwept().contains(v) && !grammar.scaleVariables().contains(v) && !grammar.scaleVariables().isEmpty();
    }

    /**
     * {@code (log(x) - a - b·log(s))^2}: a bowl in a log-swept setting x whose optimum moves as a
     * power b of a scale variable s (Step Law's lr* ∝ N^a·D^b), drawn whole because growing the
     * cross term step by step takes the search several lucky mutations that each fit worse alone.
     */
    private Expr bowl(RandomGenerator rng, Expr x, Set<String> used, Bounds[] bounds) {
        List<String> scales = grammar.variables().stream().filter(grammar.scaleVariables()::contains).toList();
        String s = scales.get(rng.nextInt(scales.size()));
        String a = Trees.fresh(used);
        Expr slope = bounded(used, bounds, SLOPE);
        Expr centre = Expr.add(new Param(a), Expr.mul(slope, Expr.unary(Fn.LOG, grammar.normalised(s))));
        return Expr.pow(Expr.sub(Expr.unary(Fn.LOG, x), centre), new Num(2));
    }

    private static Expr exponent(Set<String> used, Bounds[] bounds) { return bounded(used, bounds, EXPONENT); }

    /** Scale variables are drawn twice as often: they are what a law must extrapolate along. */
    String variable(RandomGenerator rng) {
        List<String> pool = new ArrayList<>(grammar.variables());
        for (String v : grammar.variables()) {
            if (grammar.scaleVariables().contains(v)) {
                pool.add(v);
            }
        }
        return pool.get(rng.nextInt(pool.size()));
    }
}

package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.Roles;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.operators.Grammar;

/**
 * Documented scaling-law families written out on a CSV's own columns, so that a plain CSV's search
 * starts from the forms a researcher would try first rather than from random laws alone.
 *
 * <p>The columns play two roles. Scale variables (model size, tokens: the validation folds' axes)
 * enter through the loss floor:
 * <ul>
 * <li>Chinchilla (Hoffmann et al. 2022): {@code E + Σ A_i·s_i^(-a_i)};</li>
 * <li>Kaplan et al. 2020, L(N, D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D, with a floor:
 *     {@code E + (Σ A_i·s_i^(-a_i))^g} (two or more scale variables; with one it is Chinchilla).</li>
 * <li>when every target is a rate (a benchmark's accuracy or error), a step between two plateaus,
 *     chance and a ceiling or floor, S-shaped in log scale: logistic (Owen 2024, Ruan et al. 2024) or
 *     exponential in the loss (Gadre et al. 2024), see {@link Step}.</li>
 * </ul>
 * Every other positive feature swept over a factor of 2 or more (learning rate, batch size, ...)
 * is a hyper-parameter. Hyper-parameter studies (Kaplan et al. 2020 §C; DeepSeek LLM 2024; Step Law,
 * Li et al. 2025) find the loss convex in log h around an optimum h* that moves as a power law of
 * scale, log h* = o + Σ p_i·log s_i. A floor plus a quadratic form in u_j = log(h_j / h_j*) (the
 * cross terms are the coupling, e.g. of learning rate and batch size) is the second family. A
 * feature with a value below 0 taking three or more values is a hyper-parameter as
 * written, u_j = h_j - o - Σ p_i·log s_i: a column the user logged already ({@code log10_lr}); the
 * third multiplies the bowl by Π s_i^(k_i), a curvature that changes with scale (the learning-rate
 * basin widens as runs grow longer). A column of two values, a covariate ({@link Roles#covariates}),
 * moves the floor linearly in a second set of these templates. Validation folds decide between them
 * and the search's own laws.
 *
 * <p>A form is offered only when its constants per target stay within {@code maxParams} (null: no
 * cap) and the grammar's functions and operators can express it. Constants are named c1, c2, ... as
 * the search names its own.
 */
public final class Templates {
    private Templates() { }

    /**
     * The templates for {@code train}'s columns, floors first: Chinchilla's, then Kaplan's (with two
     * or more scale variables), each alone and with the bowl, fixed and scaling; then, when every
     * target is a rate, its steps between plateaus ({@link Step}). {@code grammar}
     * supplies the normalised variables; {@code maxParams} is the task's cap over all targets.
     */
    public static List<Law> of(Dataset train, Grammar grammar, List<String> scale, Integer maxParams) {
        return of(train, grammar, scale, maxParams, TemplateLimits.DEFAULT);
    }

    /**
     * As {@link #of(Dataset, Grammar, List, Integer)}, within {@code limits}: over more
     * hyper-parameters than its maximum the bowl is diagonal, each u_j squared alone (the full
     * quadratic form grows with their square and stops being a useful start), and without a cap no
     * template with more constants than its maximum, or than a group's train rows less one.
     */
    public static List<Law> of(Dataset train, Grammar grammar, List<String> scale, Integer maxParams, TemplateLimits limits) {
        List<String> hyper = hyperParameters(train, scale);
        boolean bowl = !hyper.isEmpty();
        boolean cross = hyper.size() <= limits.maxHyperParameters();
        Set<String> asWritten = hyper.stream().filter(h -> Roles.asWritten(train, h)).collect(Collectors.toSet());
        boolean ceiling = rises(train, scale);
        // A loss and an accuracy beside it: one form, each target's amplitudes taking its own sign.
        boolean mixed = !scale.isEmpty() && !ceiling && !train.targets().stream().allMatch(t -> Domain.falls(train, t, scale));
        boolean rates = train.targets().stream().allMatch(t -> Domain.rate(train, t));
        boolean unit = ceiling && rates;
        int cap = maxParams == null ? Math.min(limits.maxConstants(), Grammars.belowRows(train))
                : Math.max(1, maxParams / train.targets().size());
        List<String> covariates = Roles.covariates(train, scale);
        List<Law> out = new ArrayList<>();
        for (List<String> shifts : covariates.isEmpty() ? List.of(List.<String>of()) : List.of(List.<String>of(), covariates)) {
            for (boolean kaplan : scale.size() >= 2 && !mixed ? new boolean[] {false, true} : new boolean[] {false}) {
                if (!scale.isEmpty()) {
                    add(out, new Builder(grammar, ceiling, unit, asWritten, shifts, mixed).floor(scale, kaplan), grammar, cap);
                }
                if (bowl) {
                    add(out, new Builder(grammar, ceiling, unit, asWritten, shifts, mixed).floorAndBowl(scale, hyper, kaplan, false, cross), grammar, cap);
                }
                if (bowl && !scale.isEmpty()) {
                    add(out, new Builder(grammar, ceiling, unit, asWritten, shifts, mixed).floorAndBowl(scale, hyper, kaplan, true, cross), grammar, cap);
                }
            }
        }
        ColumnRange only = scale.size() == 1 ? ColumnRange.of(train, scale.get(0)) : null;
        if (only != null && only.lo() > 0 && !mixed) {
            add(out, new Builder(grammar, ceiling, unit, asWritten, List.of(), false).broken(scale.get(0), only), grammar, cap);
        }
        if (!scale.isEmpty() && rates) {
            for (Step step : scale.size() >= 2 ? Step.values() : new Step[] {Step.LOGISTIC, Step.EXPONENTIAL}) {
                add(out, new Builder(grammar, ceiling, true, asWritten, List.of(), false).betweenPlateaus(scale, step), grammar, cap);
            }
        }
        return out;
    }

    /**
     * Whether every target rises along the scale variables on the train rows (an accuracy), as the
     * shape checks read it ({@link Domain#falls}): its templates then approach a ceiling from below,
     * {@code E - Σ A_i·s_i^(-a_i)}, where a floor can only fall. With floors alone, a sweep whose
     * accuracy rose from 0.26 to 0.91 reported a constant law (validation R² -3.9).
     */
    static boolean rises(Dataset train, List<String> scale) {
        return !scale.isEmpty() && train.targets().stream().noneMatch(t -> Domain.falls(train, t, scale));
    }

    /** The hyper-parameters the bowls are written over, as the shape checks read them ({@link Roles#hyperParameters}). */
    static List<String> hyperParameters(Dataset train, List<String> scale) {
        return Roles.hyperParameters(train, scale);
    }

    private static void add(List<Law> out, Law law, Grammar grammar, int cap) {
        if (law.parameters().size() <= cap && grammar.expresses(law)) {
            out.add(law);
        }
    }

    /**
     * How a rate steps between its plateaus ({@link Builder#betweenPlateaus}), R falling with scale:
     * <ul>
     * <li>{@code LOGISTIC}: E + (1 - E)·A/(1 + R) rising, E + (1 - E)·A/(1 + 1/R) falling, with
     *     E and A in [0, 1] (both plateaus rates), R = B·Π s_i^(-k_i): a logistic in a linear
     *     function of the log scales, as benchmark accuracy against log compute (Owen 2024; Ruan et
     *     al. 2024);</li>
     * <li>{@code LOGISTIC_OF_LOSS}: the same with Chinchilla's reducible loss R = Σ B_i·s_i^(-k_i),
     *     so the rate follows the loss (two or more scale variables; with one they coincide);</li>
     * <li>{@code EXPONENTIAL}: E + (1 - E)·A·exp(-R) rising, E - E·A·exp(-R) falling, R the reducible loss:
     *     Gadre et al. 2024's error = chance - k·exp(-γ·loss).</li>
     * </ul>
     */
    enum Step { LOGISTIC, LOGISTIC_OF_LOSS, EXPONENTIAL }

    /** Writes one template, numbering its constants and collecting their bounds. */
    private static final class Builder {
        private final Grammar grammar;
        private final boolean ceiling;
        private final boolean unit;
        private final Set<String> asWritten;
        private final List<String> shifts;
        private final boolean signed;
        private Bounds bounds = Bounds.NONE;
        private int next = 1;

        /** {@code signed}: the floor's amplitudes free of sign, for targets that move opposite ways. */
        Builder(Grammar grammar, boolean ceiling, boolean unit, Set<String> asWritten, List<String> shifts, boolean signed) {
            this.grammar = grammar;
            this.ceiling = ceiling;
            this.unit = unit;
            this.asWritten = asWritten;
            this.shifts = shifts;
            this.signed = signed;
        }

        Law floor(List<String> scale, boolean kaplan) {
            return new Law(floorExpr(scale, kaplan), bounds, FitSettings.DEFAULT);
        }

        /** The floor plus the bowl: every pair's product when {@code cross}, else each u_j squared alone. */
        Law floorAndBowl(List<String> scale, List<String> hyper, boolean kaplan, boolean curving, boolean cross) {
            Expr floor = floorExpr(scale, kaplan);
            List<Expr> u = new ArrayList<>();
            for (String h : hyper) {
                u.add(distanceToOptimum(h, scale));
            }
            Expr bowl = null;
            for (int j = 0; j < u.size(); j++) {
                for (int k = j; k < (cross ? u.size() : j + 1); k++) {
                    Expr pair = j == k ? Expr.pow(u.get(j), new Num(2)) : Expr.mul(u.get(j), u.get(k));
                    Expr term = Expr.mul(param(Interval.FREE), pair);
                    bowl = bowl == null ? term : Expr.add(bowl, term);
                }
            }
            if (curving) {
                Expr curvature = null;
                for (String s : scale) {
                    Expr f = Expr.pow(grammar.normalised(s), param(new Interval(-3, 3)));
                    curvature = curvature == null ? f : Expr.mul(curvature, f);
                }
                bowl = Expr.mul(curvature, bowl);
            }
            return new Law(Expr.add(floor, bowl), bounds, FitSettings.DEFAULT);
        }

        /**
         * Caballero et al. 2022's broken power law with one break, E + A·s^(-a)/(1 + (s/d)^k)^c: the
         * exponent a below the break d, a + k·c above it, k its sharpness. With one scale variable
         * only, as the paper writes it; d stays inside the train range, where the rows can place it
         * (a break beyond them is a plain power law). Reported as E + A·s^(-a)/(B·s^k + 1)^c.
         */
        Law broken(String s, ColumnRange range) {
            Expr e = param(unit ? new Interval(0, 1) : Interval.FREE);
            Expr decay = Expr.mul(param(new Interval(0, Double.POSITIVE_INFINITY)), decaying(s));
            double unitOf = grammar.scales().getOrDefault(s, 1.0);
            Expr d = param(new Interval(range.lo() / unitOf, range.hi() / unitOf));
            Expr k = param(new Interval(0.3, 10));
            Expr c = param(new Interval(-3, 3));
            Expr bend = Expr.pow(Expr.add(new Num(1), Expr.pow(Expr.div(grammar.normalised(s), d), k)), c);
            Expr term = Expr.div(decay, bend);
            return new Law(ceiling ? Expr.sub(e, term) : Expr.add(e, term), bounds, FitSettings.DEFAULT);
        }

        /**
         * A rate between two plateaus, S-shaped in log scale; R falls along every scale variable, so
         * the law goes in the rows' direction along each. Written so that both plateaus are rates
         * whatever the constants in their bounds: the step is a share A of the room there is.
         */
        Law betweenPlateaus(List<String> scale, Step step) {
            Param e = param(new Interval(0, 1));
            Expr a = param(new Interval(0, 1));
            Expr r = step == Step.LOGISTIC ? product(scale) : powerTerms(scale, false);
            Expr room = Expr.sub(new Num(1), e);
            Expr law = switch (step) {
                // rising from chance E to E + (1 - E)·A; falling from there to the floor E
                case LOGISTIC, LOGISTIC_OF_LOSS -> Expr.add(e, Expr.div(Expr.mul(room, a),
                        Expr.add(new Num(1), ceiling ? r : Expr.div(new Num(1), r))));
                // rising as above; falling from chance E to E·(1 - A)
                case EXPONENTIAL -> ceiling ? Expr.add(e, Expr.mul(Expr.mul(room, a), Expr.unary(Fn.EXP, Expr.neg(r))))
                        : Expr.sub(e, Expr.mul(Expr.mul(e, a), Expr.unary(Fn.EXP, Expr.neg(r))));
            };
            return new Law(law, bounds, FitSettings.DEFAULT);
        }

        /** B·Π s_i^(-k_i). */
        private Expr product(List<String> scale) {
            Expr r = param(new Interval(0, Double.POSITIVE_INFINITY));
            for (String s : scale) {
                r = Expr.mul(r, decaying(s));
            }
            return r;
        }

        /** s^(-k), s normalised, k in [0, 3]: a decay along a scale variable. */
        private Expr decaying(String s) {
            return Expr.pow(grammar.normalised(s), Expr.neg(param(new Interval(0, 3))));
        }

        /**
         * E + the power terms (E - them for a ceiling); E alone without scale variables. E moves
         * linearly along each covariate ({@link Roles#covariates}) this builder shifts it by: E + Σ b_j·x_j.
         */
        private Expr floorExpr(List<String> scale, boolean kaplan) {
            Expr e = param(unit ? new Interval(0, 1) : Interval.FREE);   // a rate's ceiling is a rate
            for (String x : shifts) {
                e = Expr.add(e, Expr.mul(param(Interval.FREE), grammar.normalised(x)));
            }
            return scale.isEmpty() ? e : ceiling ? Expr.sub(e, powerTerms(scale, kaplan)) : Expr.add(e, powerTerms(scale, kaplan));
        }

        /** Σ A_i·s_i^(-a_i), raised to g for Kaplan's form. */
        private Expr powerTerms(List<String> scale, boolean kaplan) {
            Expr sum = null;
            for (String s : scale) {
                Expr amplitude = param(signed ? Interval.FREE : new Interval(0, Double.POSITIVE_INFINITY));
                Expr t = Expr.mul(amplitude, decaying(s));
                sum = sum == null ? t : Expr.add(sum, t);
            }
            return kaplan ? Expr.pow(sum, param(new Interval(0, 3))) : sum;
        }

        /**
         * log h - o - Σ p_i·log s_i: how far h is from the optimum at this scale, in log units; for a
         * column taken as written, h - o - Σ p_i·log s_i.
         */
        private Expr distanceToOptimum(String h, List<String> scale) {
            Expr at = asWritten.contains(h) ? new Var(h) : Expr.unary(Fn.LOG, grammar.normalised(h));
            Expr u = Expr.sub(at, param(Interval.FREE));
            for (String s : scale) {
                u = Expr.sub(u, Expr.mul(param(Interval.FREE), Expr.unary(Fn.LOG, grammar.normalised(s))));
            }
            return u;
        }

        private Param param(Interval bound) {
            while (grammar.reserved().contains("c" + next)) {   // a column named c3 is read as the column
                next++;
            }
            Param p = new Param("c" + next++);
            if (!bound.isFree()) {
                bounds = bounds.with(p.name(), bound);
            }
            return p;
        }
    }
}

package lawsearch.engine.use;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.engine.run.FitFile;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.Roles;
import lawsearch.grammar.core.UserError;

/**
 * What {@code optimize} is asked: the columns to vary, the columns held fixed ({@code at}), an
 * optional budget equation, the search bounds of each varied column (searched in log scale, or as
 * written: {@code linear}), the target and the interval's level. Built from the command line's text and checked against the run's data and
 * law: every column the law reads must be varied or given, and no column both.
 *
 * <p>Default bounds: the train range widened {@link #WIDEN} times on each side, or
 * {@link #WIDEN_BUDGET} times under a budget (a compute-optimal allocation at a new budget lies far
 * beyond the trained sizes; a hyper-parameter's optimum seldom far beyond its sweep), where a scale
 * variable starts at its smallest train value (the law is checked from there up). A column with a
 * negative train value (a learning rate the user logged already) or swept toward 1 (a beta2 of 0.9
 * to 0.99) is searched as written, over its train range widened by {@link #WIDEN_SPANS} train spans
 * on each side (toward 1, no nearer 1 than halfway from its largest train value), and stays out of a budget.
 */
public record Question(List<String> vary, Map<String, Double> at, Budget budget, Map<String, double[]> bounds,
                       String target, double level, boolean falls, Set<String> linear) {

    public static final double WIDEN = 10;
    /** A column searched as written is widened by this many train spans on each side. */
    public static final double WIDEN_SPANS = 1;
    public static final double WIDEN_BUDGET = 1000;

    public static Question of(Dataset data, FitFile fit, List<String> lawColumns, List<String> varyText, String atText,
                              String budgetText, String boundsText, String target, double level) {
        if (varyText == null || varyText.isEmpty()) {
            throw new UserError("--vary: name at least one column");
        }
        List<String> vary = new ArrayList<>();
        for (String v : varyText) {
            String c = column(data, v.strip(), "--vary");
            if (vary.contains(c)) {
                throw new UserError("--vary: " + c + " named twice");
            }
            vary.add(c);
        }
        Map<String, Double> at = assignments(data, atText, "--at");
        for (String c : at.keySet()) {
            if (vary.contains(c)) {
                throw new UserError("--at: " + c + " is also varied");
            }
        }
        for (String c : lawColumns) {
            if (!vary.contains(c) && !at.containsKey(c)) {
                throw new UserError("the law reads " + c + ": vary it (--vary) or give its value (--at \"" + c + "=…\")");
            }
        }
        Budget budget = budgetText == null ? null : Budget.parse(budgetText, data, vary);
        double widen = budget == null ? WIDEN : WIDEN_BUDGET;
        Map<String, double[]> bounds = new LinkedHashMap<>();
        Set<String> linear = new LinkedHashSet<>();
        for (String c : vary) {
            FitFile.Range r = fit.featureRanges().get(c);
            if (Roles.asWritten(data, c)) {
                if (budget != null && budget.columns().containsValue(c)) {
                    throw new UserError("--budget: " + c + " is taken as written (a value below 0 in the train rows, or swept toward 1);"
                            + " a budget is a product of positive sizes");
                }
                linear.add(c);
                double span = WIDEN_SPANS * (r.max() - r.min());
                bounds.put(c, new double[] {r.min() - span, Domain.towardOne(r.min(), r.max(), r.max() + span)});
                continue;
            }
            if (!(r.min() > 0)) {
                continue;   // no default in log scale: --bounds must give one (checked below)
            }
            // Under a budget a scale variable is sought from its smallest train value up: below it the
            // law is unchecked (the shape checks vouch for the train box and 1000x beyond), and one
            // run's law, rising below its data, put the optimum at 1e4 parameters with a loss of -0.75.
            boolean scale = budget != null && fit.scaleVariables() != null && fit.scaleVariables().contains(c);
            bounds.put(c, new double[] {scale ? r.min() : r.min() / widen, r.max() * widen});
        }
        if (boundsText != null && !boundsText.isBlank()) {
            Set<String> given = new LinkedHashSet<>();
            for (String part : boundsText.split(",")) {
                String[] kv = part.split("=", 2);
                String[] lohi = kv.length == 2 ? kv[1].split("\\.\\.", 2) : new String[0];
                if (lohi.length != 2) {
                    throw new UserError("--bounds: expected COL=LO..HI, got " + part.strip());
                }
                String c = column(data, kv[0].strip(), "--bounds");
                if (!vary.contains(c)) {
                    throw new UserError("--bounds: " + c + " is not varied");
                }
                if (!given.add(c)) {   // by its name or an alias: the later pair silently won
                    throw new UserError("--bounds: " + c + " is given twice");
                }
                double lo = number(lohi[0], "--bounds");
                double hi = number(lohi[1], "--bounds");
                if (!(hi > lo && (lo > 0 || linear.contains(c)))) {
                    throw new UserError("--bounds: " + c + " needs " + (linear.contains(c) ? "" : "0 < ") + "LO < HI, got " + part.strip());
                }
                bounds.put(c, new double[] {lo, hi});
            }
        }
        for (String c : vary) {
            if (!bounds.containsKey(c)) {   // a warmup of 0 among the runs: searchable within stated bounds
                throw new UserError("--vary: " + c + " has values <= 0 in the train rows; it cannot be searched in log scale"
                        + " without --bounds \"" + c + "=LO..HI\" (0 < LO)");
            }
        }
        if (budget != null) {
            budget.requirePositiveCost(bounds);
        }
        if (!(level > 0 && level < 1)) {
            throw new UserError("--level: must lie strictly between 0 and 1, got " + level);
        }
        return new Question(List.copyOf(vary), at, budget, bounds, target, level, falls(data, fit, target), Set.copyOf(linear));
    }

    /**
     * Whether the best settings lower the target: a loss or an error falls as the run grows, so the law
     * is minimised; an accuracy rises, so it is maximised (minimising it gave the worst allocation).
     * Read from the train rows along the run's scale variables, as the shape checks read it.
     */
    static boolean falls(Dataset data, FitFile fit, String target) {
        return Domain.falls(data, target, fit.scaleVariables() == null ? List.of() : fit.scaleVariables());
    }

    /** {@code "col=value,col2=value"} → column → value (resolved names, in order), read as predict reads --at. */
    static Map<String, Double> assignments(Dataset data, String text, String option) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        return Points.assignments(text, data.features(), data.aliases(), option);
    }

    static String column(Dataset data, String name, String option) {
        return Points.column(name, data.features(), data.aliases(), option);
    }

    static double number(String text, String option) {
        return Points.number(text.strip(), option);
    }
}

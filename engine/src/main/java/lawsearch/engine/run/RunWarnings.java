package lawsearch.engine.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import lawsearch.engine.search.ScaleVariables;
import lawsearch.engine.search.Trend;
import lawsearch.engine.search.Score;
import lawsearch.evaluator.soundness.Soundness;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.simplify.Canonical;

/**
 * The warnings printed under a reported law and written to the run log: what the run saw that the
 * user should weigh before using the law (a validation below the held-out rows' mean, groups with
 * fewer rows than constants, a reading of the scale variables to confirm, a seed law not reported).
 * Each is a phrase, or null (empty) when there is nothing to say.
 */
final class RunWarnings {
    private RunWarnings() { }

    /**
     * When seed laws were given (the task's, or the user's --law) and none is reported (nor the same
     * form reached another way, as a template whose readable rewrite is the seed's law): the
     * best-validating of them and its validation R², so a researcher sees how near their form came
     * (and why, where the shape checks refused it). Null otherwise.
     */
    static String seedNotReported(Discovery.Outcome o) {
        if (o.chosen() == null || o.documented().isEmpty()) {
            return null;
        }
        // The reported law as printed: a template spelled c2*(params/1e8)^(-c3) reads as the seed's A*params^(-alpha).
        Expr shown = Canonical.canonical(o.evaluation() != null ? o.evaluation().fitted().law().expr() : o.chosen().law().expr());
        if (o.documented().stream().anyMatch(d -> d.law().expr().equals(o.chosen().law().expr())
                || Canonical.canonical(d.law().expr()).equals(shown))) {
            return null;
        }
        Score best = o.documented().stream().filter(d -> !d.failed())
                .max(Comparator.comparingDouble(Score::validationR2)).orElse(null);
        if (best == null) {
            return "no seed law could be fitted";
        }
        Soundness.Verdict v = o.shape().verdictIfChecked(best.law());
        String why = v != null && !v.sound() ? "UNSOUND: " + v.detail()
                : o.shape().spreads().containsKey(best.law()) && !o.shape().pinned(best.law()) ? "the train rows cannot pin it"
                : best.validationR2() >= o.chosen().validationR2() ? "refused by the reported-law rule's checks"
                : "more than two standard errors behind the search's fittest law on the validation folds, or refused by the"
                        + " reported-law rule's checks";
        return String.format("%s: validation R² %.6f, not reported (%s)", Printer.print(best.law().expr()), best.validationR2(), why);
    }

    /**
     * What a reported law's validation says against using it, or null: below 0 it predicts the held-out
     * runs worse than their mean does, whatever its shape (a flat law on an accuracy that rises, or a
     * loss difference whose test rows cross 0, both passed the checks as sound).
     */
    static String lowValidation(double validationR2) {
        return validationR2 < 0 ? "validation R² below 0: the law predicts the held-out runs worse than their mean does;"
                + " check the target's direction and range (--shape) before extrapolating with it" : null;
    }

    /**
     * Groups with fewer train rows than the law has constants (per target: a law over five targets fits
     * its 7 constants five times, each on the group's rows), in words, or null: each group is fitted
     * on its own rows, so such a group's constants are not pinned by them (a 3-row group of a 5-constant
     * law fitted A = 1.1e20 at zero train error, and predicted its test row at 3.02 [-7.16, 4.33] against 2.34).
     */
    static String underdetermined(Map<String, Integer> trainRows, int constants) {
        List<String> few = trainRows.entrySet().stream().filter(e -> e.getValue() < constants)
                .map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")").toList();
        return few.isEmpty() ? null : "fewer train rows than the law's " + constants + " constants in group" + (few.size() > 1 ? "s " : " ")
                + String.join(", ", few) + ": their constants are not pinned by their rows; do not predict for them";
    }

    /**
     * What the user should confirm about the detected scale variables: a column left out for a few
     * values at or below 0 ({@link ScaleVariables#notPositive()}), the narrow reading below, and
     * targets that move opposite ways along them ({@link ScaleVariables#opposed()}), which one law
     * form seldom fits: on a sweep of both (30 s), one run validated at R² −3.4 and scored test R²
     * 0.54; a run per target 0.998 and 0.999 (the loss), 0.28 and 0.92 (the accuracy).
     * Empty for scale variables a task or {@code --scale} named ({@code detected} null).
     */
    static List<String> scaleHints(ScaleVariables detected) {
        if (detected == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(detected.notPositive());
        String narrow = scaleHint(detected);
        if (narrow != null) {
            out.add(narrow);
        }
        String opposed = detected.opposed();
        if (opposed != null) {
            out.add(opposed + " along " + String.join(", ", detected.chosen()) + ": one law form is fitted to every target,"
                    + " each with constants of its own; a run per target (--target COL) gives each a form of its own");
        }
        return out;
    }

    /**
     * When no column spans 4×, the detected scale variables are the columns the target moves along
     * steadily that fail the span rule only ({@link ScaleVariables#narrow()}: sizes given as logs):
     * the warning says so, since that reading of the columns is the user's to confirm. Null
     * otherwise.
     */
    static String scaleHint(ScaleVariables detected) {
        if (detected == null || !detected.narrow()) {
            return null;
        }
        List<String> v = detected.chosen();
        return "no positive column spans " + (int) ScaleVariables.SPAN + "×: " + String.join(", ", v)
                + (v.size() == 1 ? ", which moves" : ", which move") + " the target steadily, "
                + (v.size() == 1 ? "was" : "were") + " taken as scale variables (logged sizes?), extrapolated along and checked out"
                + " to 1000× (+3 where below 0); --scale COL,… names them otherwise";
    }

    /** A line in the column explaining at least this share of a target's within-group variance reads as a measurement of it. */
    static final double TRACKS = 0.99;

    /**
     * Columns the reported law reads that look measured with the target rather than set before the
     * run, in words, or null: not a scale variable, a value of their own on (nearly) every train row,
     * and a straight line in them explaining {@link #TRACKS} of a target's variance within groups (a
     * train loss beside the validation loss it was asked to predict). Such a law needs the run's own
     * measurement to predict, so it forecasts no run not yet trained: on a sweep with a train_loss
     * column the search reported {@code c1*train_loss} (test R² 0.9994, every seed). Left to the user
     * to judge (a loss-to-loss law is such a law on purpose), so a warning, not a refusal.
     */
    static String measured(lawsearch.evaluator.data.Dataset data, java.util.Collection<String> read, List<String> scale) {
        List<String> out = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        for (String c : read) {
            if (flagged.contains(c) || scale.contains(c) || distinctShare(data, c) < 0.95) {
                continue;
            }
            for (String t : data.targets()) {
                double r2 = lineR2(data, c, t);
                if (r2 >= TRACKS) {
                    out.add(String.format(java.util.Locale.ROOT, "%s tracks %s (a straight line in it explains %.4f of %s's variance within groups)",
                            c, t, Math.floor(r2 * 1e4) / 1e4, t));   // floored: 0.99998 is no 1.0000
                    flagged.add(c);
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        return String.join("; ", out) + ": a measurement of the runs rather than a setting? The law then needs it to predict and"
                + " forecasts no run not yet trained" + leaveOut(data, flagged);
    }

    /**
     * Columns the reported law reads that count the runs, in words, or null: whole numbers, a value
     * of their own on every train row (over all groups, at least 8), filling at least two thirds of
     * the run of integers from their smallest to their largest (a run id, test rows' numbers being
     * the gaps). A run id counting through a sweep sorted by size moves with the size, so it reads
     * as a scale variable, and the search reported {@code E + A*params^(-alpha) + B*run_id^(-beta) + …}:
     * a law that predicts a new run by its number. A warning (a depth swept 1 … 24 once each is a
     * setting), naming the {@code --features} that leave it out.
     */
    static String counters(lawsearch.evaluator.data.Dataset data, java.util.Collection<String> read) {
        List<String> flagged = read.stream().distinct().filter(c -> counts(data, c)).toList();
        if (flagged.isEmpty()) {
            return null;
        }
        return String.join(", ", flagged) + (flagged.size() == 1 ? " numbers" : " number") + " the runs (whole numbers, one a train row,"
                + " nearly consecutive): a run id rather than a setting? The law then predicts a new run by its number"
                + leaveOut(data, flagged);
    }

    /** The advice that ends both warnings above: the --features that leave {@code flagged} out, unless none would be left. */
    private static String leaveOut(lawsearch.evaluator.data.Dataset data, List<String> flagged) {
        List<String> keep = data.features().stream().filter(f -> !flagged.contains(f)).toList();
        return keep.isEmpty() ? "" : "; leave it out with --features " + String.join(",", keep);
    }

    /**
     * The warnings about the columns the reported law reads ({@link #measured}, {@link #counters}),
     * those that apply.
     */
    static List<String> columnsRead(lawsearch.evaluator.data.Dataset data, java.util.Collection<String> read, List<String> scale) {
        List<String> out = new ArrayList<>();
        for (String w : Arrays.asList(measured(data, read, scale), counters(data, read))) {
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean counts(lawsearch.evaluator.data.Dataset data, String c) {
        double[] x = data.groups().stream().flatMapToDouble(g -> Arrays.stream(g.train().column(c))).sorted().toArray();
        if (x.length < 8) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] != Math.rint(x[i]) || Math.abs(x[i]) > 1e9 || (i > 0 && x[i] == x[i - 1])) {
                return false;
            }
        }
        return x.length >= 2.0 / 3 * (x[x.length - 1] - x[0] + 1);
    }

    /** The share of a column's train rows whose value no other train row of its group has. */
    private static double distinctShare(lawsearch.evaluator.data.Dataset data, String c) {
        int rows = 0;
        int distinct = 0;
        for (var g : data.groups()) {
            double[] x = g.train().column(c);
            Map<Double, Integer> count = new java.util.HashMap<>();
            for (double v : x) {
                count.merge(v, 1, Integer::sum);
            }
            rows += x.length;
            distinct += (int) count.values().stream().filter(n -> n == 1).count();
        }
        return rows == 0 ? 0 : (double) distinct / rows;
    }

    /** R² of the target on a straight line in the column, both centred within each group (a level per group). */
    private static double lineR2(lawsearch.evaluator.data.Dataset data, String c, String t) {
        double r = Trend.correlation(Trend.centred(data, c, false), Trend.centred(data, t, false));
        return r * r;
    }
}

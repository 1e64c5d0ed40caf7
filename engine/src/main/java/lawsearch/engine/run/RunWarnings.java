package lawsearch.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import lawsearch.engine.search.ScaleVariables;
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
}

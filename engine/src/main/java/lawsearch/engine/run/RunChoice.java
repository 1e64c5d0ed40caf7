package lawsearch.engine.run;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which of repeated runs to use: the one whose reported law validates best, among runs whose law
 * passed the shape checks (or was not checked, {@code --shape none}). Only train rows decide it:
 * with scale variables every seed validates on the same folds (the largest runs along each), so
 * the validation R² of its runs compare directly; without, each seed holds out its own random
 * fifths and the comparison is looser. Test R² never enters: a user extrapolating has no test rows.
 * Ties go to the earlier run.
 */
public final class RunChoice {
    private RunChoice() { }

    public static Optional<RunResult> of(List<RunResult> runs) {
        return of(runs, r -> r);
    }

    /** The run of {@code runs} to use, each read as its {@code result} (null for a run without one). */
    public static <T> Optional<T> of(List<T> runs, Function<T, RunResult> result) {
        T best = null;
        double bestR2 = Double.NEGATIVE_INFINITY;
        for (T run : runs) {
            RunResult r = result.apply(run);
            if (r != null && usable(r) && r.validationR2() > bestR2) {   // strictly better: a tie keeps the earlier run
                best = run;
                bestR2 = r.validationR2();
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean usable(RunResult r) {
        return r.law() != null && r.validationR2() != null && !Double.isNaN(r.validationR2())
                && (r.shape() == null || r.shape().sound());
    }
}

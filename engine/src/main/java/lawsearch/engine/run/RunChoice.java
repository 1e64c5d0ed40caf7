package lawsearch.engine.run;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
        return runs.stream()
                .filter(r -> r.law() != null && r.validationR2() != null && !Double.isNaN(r.validationR2()))
                .filter(r -> r.shape() == null || r.shape().sound())
                .max(Comparator.comparingDouble(RunResult::validationR2).thenComparing(r -> -runs.indexOf(r)));
    }
}

package lawsearch.evaluator;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.fit.FitResult;
import lawsearch.evaluator.metrics.Scores;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.grammar.core.Law;

/**
 * A law fitted on every group's train rows and scored once on the test rows ({@link
 * Problem#trainTest}, through the one {@link Protocol}). {@code test} is null without test rows;
 * {@code parameters} counts constants per group over all targets.
 */
public record Evaluation(FittedLaw fitted, Scores test, double trainMse, int parameters, double seconds) {

    public static Evaluation of(Law law, Dataset data, FitOptions options, ForkJoinPool pool) {
        long t0 = System.nanoTime();
        FittedLaw fitted = Protocol.fit(law, Problem.trainTest(data), options, pool);
        return of(fitted, data, (System.nanoTime() - t0) / 1e9);
    }

    /** A law already fitted on {@code data}'s train rows (its constants carried over, say), scored once on the test rows. */
    public static Evaluation of(FittedLaw fitted, Dataset data, double seconds) {
        Problem problem = Problem.trainTest(data);
        Scores test = data.hasTest() ? Protocol.score(fitted, problem).scores() : null;
        return new Evaluation(fitted, test, Protocol.trainMse(fitted, problem),
                fitted.law().parameters().size() * data.targets().size(), seconds);
    }

    public Law law() { return fitted.law(); }

    /** Group → target → fit. */
    public Map<String, Map<String, FitResult>> fits() { return fitted.fits(); }

    /** Fitted constants: group → name → value (one target), or group → target → name → value. */
    public Map<String, Object> constants() { return fitted.constants(); }
}

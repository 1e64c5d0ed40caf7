package lawsearch.engine.use;

import java.util.LinkedHashMap;
import java.util.Map;

import lawsearch.engine.report.FittedRun;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.ShapeSpec;

/**
 * The values each target of a run can take, as its shape checks read them: [0, 1] for a rate (an
 * accuracy, an error), [0, ∞) for a quantity positive on every train row (a loss); none with
 * {@code --shape none} or a target that reaches 0 or below. A prediction interval is clipped to it:
 * drawn from relative held-out errors, an accuracy's interval at 4× the largest model reached
 * [0.383, 1.135], past every value an accuracy can take.
 */
final class TargetRanges {
    private TargetRanges() { }

    /** Per target, its {lower, upper} end; a target without a natural range is absent. */
    static Map<String, double[]> of(FittedRun run) {
        ShapeSpec spec = run.run().config().shapeSpec();
        Map<String, double[]> out = new LinkedHashMap<>();
        if (spec.off()) {
            return out;
        }
        Dataset train = run.data().withoutTest();
        for (String t : train.targets()) {
            Domain d = Domain.of(train, t, run.file().scaleVariables(), spec);
            if (d.unit()) {
                out.put(t, new double[] {0, 1});
            } else if (d.positive()) {
                out.put(t, new double[] {0, Double.POSITIVE_INFINITY});
            }
        }
        return out;
    }

    /** {@code end} moved into {@code range} (null: none), but never past {@code prediction}: the interval holds the law's own value. */
    static double clip(double end, double[] range, double prediction, boolean lower) {
        if (range == null || Double.isNaN(end)) {
            return end;
        }
        double v = Math.max(range[0], Math.min(range[1], end));
        return lower ? Math.min(v, prediction) : Math.max(v, prediction);
    }
}

package lawsearch.evaluator.protocol;

import java.util.ArrayList;
import java.util.List;

import lawsearch.evaluator.metrics.Metrics;
import lawsearch.evaluator.metrics.Scores;
import lawsearch.evaluator.metrics.TargetScore;

/**
 * A fitted law judged on a problem's score rows: SLDBench's scores, and the truth and predictions
 * they came from, target by target, groups concatenated in order.
 */
public record Scored(Scores scores, List<double[]> truth, List<double[]> pred) {

    static Scored of(List<double[]> truth, List<double[]> pred) {
        return new Scored(Metrics.score(truth, pred), List.copyOf(truth), List.copyOf(pred));
    }

    /**
     * Each scored row's share of the NMSE, target by target in a fixed order, so that the shares of
     * two laws on the same problem pair up row by row and sum to their NMSE: row i of target t
     * contributes (y_i − ŷ_i)² / var_t / n_t / T, with var_t the variance NMSE divides by. Null when
     * a share is not finite.
     */
    public double[] shares() {
        List<TargetScore> targets = scores.targets();
        int n = truth.size();
        List<double[]> parts = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            double[] y = truth.get(t);
            double[] yhat = pred.get(t);
            double var = targets.get(t).var();
            double[] share = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double r = y[i] - yhat[i];
                share[i] = r * r / var / y.length / n;
                if (!Double.isFinite(share[i])) {
                    return null;
                }
            }
            parts.add(share);
        }
        return Protocol.concat(parts);
    }
}

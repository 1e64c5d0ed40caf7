package lawsearch.engine.frontier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Seed 004's fit: log10 L = a + b·log10 C by ordinary least squares over the frontier points. The
 * interval is the regression's textbook prediction interval in log space, mean-response and
 * residual variance together, t with n − 2 degrees of freedom, mapped back by 10^x (so it is
 * asymmetric around the prediction, as the noise of a loss is roughly multiplicative).
 */
public final class PowerFit {
    private PowerFit() { }

    public static Forecast fit(List<Run> points, double at, double level, String target, String compute) {
        SimpleRegression reg = new SimpleRegression(true);
        for (Run r : points) {
            reg.addData(Math.log10(r.compute()), Math.log10(r.target()));
        }
        double a = reg.getIntercept();
        double b = reg.getSlope();
        long n = reg.getN();
        double x0 = Math.log10(at);
        double xBar = points.stream().mapToDouble(r -> Math.log10(r.compute())).average().orElseThrow();
        double y0 = a + b * x0;
        double se = Math.sqrt(reg.getMeanSquareError() * (1 + 1.0 / n + (x0 - xBar) * (x0 - xBar) / reg.getXSumSquares()));
        double t = new TDistribution(n - 2).inverseCumulativeProbability((1 + level) / 2);
        Map<String, Double> constants = new LinkedHashMap<>();
        constants.put("a", a);
        constants.put("b", b);
        String method = "t prediction interval of the log-log regression (" + (n - 2) + " df), mapped back by 10^x";
        return new Forecast("power", "log10(" + target + ") = a + b*log10(" + compute + ")", constants, at,
                Math.pow(10, y0), Math.pow(10, y0 - t * se), Math.pow(10, y0 + t * se), level, method,
                c -> Math.pow(10, a + b * Math.log10(c)));
    }
}

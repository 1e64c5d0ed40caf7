package lawsearch.engine.run;

import java.util.Arrays;

/**
 * Test R² over repeated runs as SLDBench's leaderboard reports it: best, mean and min, each null
 * when no run has a test R². Shared by {@code discover --json} and the leaderboard.
 */
public record R2Stats(Double best, Double mean, Double min) {

    public static R2Stats of(double[] r2) {
        if (r2.length == 0) {
            return new R2Stats(null, null, null);
        }
        return new R2Stats(Arrays.stream(r2).max().getAsDouble(), Arrays.stream(r2).average().getAsDouble(),
                Arrays.stream(r2).min().getAsDouble());
    }
}

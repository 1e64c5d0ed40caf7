package lawsearch.engine.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The floor form through lawsearch's fitter, and its bootstrap interval. */
class FloorFitTest {
    static final double E = 1.8;
    static final double A = 889;
    static final double ALPHA = 0.15;

    final ForkJoinPool pool = new ForkJoinPool(2);

    @AfterEach
    void close() { pool.shutdownNow(); }

    /** Ten compute levels over 1e15..3e19, the loss on the law times (1 + noise · a fixed wobble). */
    static List<Run> points(double noise) {
        List<Run> out = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            double c = Math.pow(10, 15 + 0.5 * k);
            double loss = (E + A * Math.pow(c, -ALPHA)) * (1 + noise * Math.sin(2.1 * k + 0.3));
            out.add(new Run(k, "all", c, loss, Map.of("c", c)));
        }
        return out;
    }

    @Test
    void recoversKnownConstantsWithoutNoise() {
        Forecast f = FloorFit.fit(points(0), 1e22, 0.9, "loss", "c", pool);
        assertThat(f.constants().get("E")).isCloseTo(E, within(1e-4));
        assertThat(f.constants().get("A") / A).isCloseTo(1, within(1e-3));
        assertThat(f.constants().get("alpha")).isCloseTo(ALPHA, within(1e-5));
        assertThat(f.prediction()).isCloseTo(E + A * Math.pow(1e22, -ALPHA), within(1e-5));
    }

    @Test
    void noisyFitHasAnIntervalAroundItsPrediction() {
        Forecast f = FloorFit.fit(points(0.004), 1e22, 0.9, "loss", "c", pool);
        assertThat(f.constants().get("E")).isCloseTo(E, within(0.2));
        assertThat(f.constants().get("alpha")).isCloseTo(ALPHA, within(0.02));
        assertThat(f.lower()).isLessThan(f.prediction());
        assertThat(f.upper()).isGreaterThan(f.prediction());
        assertThat(f.upper() - f.lower()).isLessThan(0.5);
        assertThat(f.method()).startsWith("residual bootstrap, 400 refits");
        // a wider level widens it; the same data give the same interval (seeded)
        Forecast wide = FloorFit.fit(points(0.004), 1e22, 0.99, "loss", "c", pool);
        assertThat(wide.lower()).isLessThanOrEqualTo(f.lower());
        assertThat(wide.upper()).isGreaterThanOrEqualTo(f.upper());
        Forecast again = FloorFit.fit(points(0.004), 1e22, 0.9, "loss", "c", new ForkJoinPool(1));
        assertThat(again.lower()).isEqualTo(f.lower());
        assertThat(again.upper()).isEqualTo(f.upper());
    }

    @Test
    void powerIntervalContainsItsPrediction() {
        Forecast f = PowerFit.fit(points(0.004), 1e22, 0.9, "loss", "c");
        assertThat(f.lower()).isLessThan(f.prediction());
        assertThat(f.upper()).isGreaterThan(f.prediction());
    }

    @Test
    void frontierKeepsTheBestRunPerLevel() {
        List<Run> runs = List.of(new Run(0, "all", 1e10, 5, Map.of()), new Run(1, "all", 1e10, 4, Map.of()),
                new Run(2, "all", 1e11, 3, Map.of()), new Run(3, "all", 1e11 * (1 + 1e-9), 2, Map.of()),
                new Run(4, "all", 1e12, 1, Map.of()));
        Frontier f = Frontier.of(runs, 5e10);
        assertThat(f.levels()).isEqualTo(3);
        assertThat(f.belowMinimum()).isEqualTo(1);
        assertThat(f.points()).extracting(Run::index).containsExactly(3, 4);
    }
}

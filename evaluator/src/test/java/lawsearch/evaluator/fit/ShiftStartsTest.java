package lawsearch.evaluator.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Frame;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

class ShiftStartsTest {
    private static Expr expr(String text) { return LawParser.parse(text, Set.of("V", "N")); }

    /** Loss against vocabulary size, a parabola in log(V) with its vertex at V = 5e4 (log 10.82). */
    private static Frame vocab() {
        int n = 40;
        double[] v = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 4e3 * Math.pow(64, i / (n - 1.0));
            y[i] = 1.2 + 0.12 * Math.pow(Math.log(v[i]) - Math.log(5e4), 2);
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("V", v);
        cols.put("loss", y);
        return new Frame(n, cols);
    }

    /** Started near 0 the vertex slid to c → -∞, where the square is a straight line in log(V). */
    @Test
    void anUnboundedVertexIsFoundWhereverTheDataPutsIt() {
        Law law = Law.of(expr("E + B*(log(V) - c)^2"));
        FitResult r = new Fitter(law, x -> x, FitOptions.DEFAULT).fit(vocab(), "loss", ForkJoinPool.commonPool());
        assertThat(r.byName().get("c")).isCloseTo(Math.log(5e4), within(1e-6));
        assertThat(r.trainMse()).isLessThan(1e-20);
    }

    @Test
    void freeShiftsOfDataTermsStartOverTheTermsValues() {
        List<Interval> free = List.of(Interval.FREE, Interval.FREE);
        List<Interval> on = ShiftStarts.of(expr("E + B*(log(V) - c)^2 + (N + s)^a"), List.of("c", "s"), free).on(frame(), x -> x);
        assertThat(on.get(0).lo()).isEqualTo(-1.5);
        assertThat(on.get(0).hi()).isCloseTo(Math.log(100), within(1e-12));            // c = log(V)
        assertThat(on.get(1).lo()).isEqualTo(-1000);                                    // s = -N
        assertThat(on.get(1).hi()).isEqualTo(1.5);
    }

    @Test
    void boundedShiftsAndShiftsOfFittedTermsKeepTheirStarts() {
        List<Interval> bounds = List.of(new Interval(0, 5), Interval.FREE);
        ShiftStarts s = ShiftStarts.of(expr("(log(V) - c)^2 + (k*N - d)^2"), List.of("c", "d"), bounds);
        assertThat(s.isEmpty()).isTrue();
    }

    private static Frame frame() {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("V", new double[] {10, 100});
        cols.put("N", new double[] {10, 1000});
        return new Frame(2, cols);
    }
}

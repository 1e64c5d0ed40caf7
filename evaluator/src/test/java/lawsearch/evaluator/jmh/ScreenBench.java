package lawsearch.evaluator.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.Screen;
import lawsearch.grammar.parser.LawFile;

/**
 * JMH benchmark of the search's shape screen on a hyper-parameter sweep (params × tokens × learning
 * rate × batch size, 180 rows), where it retunes both settings on a grid at every point of every
 * ray: on such sweeps the screen, not the fit, took most of a search's time. One law, a bowl in
 * each setting whose bottom moves with scale, fitted once; the benchmark is one screening of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScreenBench {
    static final String LAW = "E + A*params^(-alpha) + B*tokens^(-beta)"
            + " + C*(log(lr) - c1 - c2*log(params))^2 + D*(log(bsz) - c3 - c4*log(tokens))^2";

    Screen screen;
    FittedLaw law;

    @Setup
    public void setup() {
        Dataset d = sweep();
        String file = "# EVOLVE-BLOCK-START\nlaw: " + LAW + "\nbounds: A >= 0; B >= 0; C >= 0; D >= 0;"
                + " alpha in [0, 2]; beta in [0, 2]\nloss: mse\nweight: uniform\nstarts: 4\n# EVOLVE-BLOCK-END\n";
        law = Protocol.fit(LawFile.parse(file, "bench.law", d.variableNames()).law(), Problem.trainTest(d),
                FitOptions.DEFAULT, null);
        screen = new Screen(Map.of("loss", Domain.of(d, "loss", List.of("params", "tokens"))));
    }

    @Benchmark
    public boolean passes() {
        return screen.passes(law);
    }

    /** Every row train; the loss a Chinchilla term plus the two bowls, with a 0.2% ripple. */
    static Dataset sweep() {
        List<double[]> rows = new ArrayList<>();
        for (double n : new double[] {1e7, 1e8, 1e9}) {
            for (double t : new double[] {1e9, 1e10, 1e11}) {
                for (double lr : new double[] {1e-4, 3e-4, 1e-3, 3e-3, 1e-2}) {
                    for (double b : new double[] {32, 128, 512, 2048}) {
                        rows.add(new double[] {n, t, lr, b});
                    }
                }
            }
        }
        List<String> features = List.of("params", "tokens", "lr", "bsz");
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            double[] c = new double[rows.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = rows.get(i)[j];
            }
            cols.put(features.get(j), c);
        }
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            double[] r = rows.get(i);
            double u = Math.log(r[2]) + 2 + 0.3 * Math.log(r[0] / 1e8);
            double v = Math.log(r[3]) - 5 - 0.2 * Math.log(r[1] / 1e10);
            y[i] = (1.7 + 400 * Math.pow(r[0], -0.34) + 410 * Math.pow(r[1], -0.28) + 0.05 * u * u + 0.02 * v * v)
                    * (1 + 0.002 * Math.sin(i));
        }
        cols.put("loss", y);
        List<String> all = new ArrayList<>(features);
        all.add("loss");
        return new Dataset("bench", features, List.of("loss"),
                List.of(new Group("all", new Frame(y.length, cols), Frame.empty(all))), Map.of());
    }
}

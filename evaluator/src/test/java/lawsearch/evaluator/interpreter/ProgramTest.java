package lawsearch.evaluator.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.parser.LawParser;

/**
 * The compiled column-wise program against the reference tree evaluator (values), and its
 * reverse-mode Jacobian against central finite differences (derivatives: tests only).
 */
class ProgramTest {
    static final List<String> LAWS = List.of(
            "E + A*N^(-alpha) + B*D^(-beta)",
            "(A*N^(-alpha) + B)*P^(-beta)",
            "E + (A/(N*(k*log(P) + 1)))^alpha",
            "E + A*(N/1e9)^(-alpha) + C*(log(D) - (d0 + d1*log(N)))^2 + F*(P/4)^G",
            "exp(b0 + a1*log(N) + a2*log(N)^2) + sqrt(c*D) + tanh(k*P) - abs(m - P)",
            "c + k*exp(t1*P + t2*D/N) / (1 + u*N^2)",
            "E + A/(D + Dl)^alpha + N^g");
    static final Set<String> VARS = Set.of("N", "D", "P");

    static double[][] columns(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] c = new double[3][rows];
        for (int i = 0; i < rows; i++) {
            c[0][i] = Math.pow(10, 7 + 3 * r.nextDouble());
            c[1][i] = i % 3 == 0 ? 1e10 : Math.pow(10, 9 + 2 * r.nextDouble());   // repeated values: coded powers
            c[2][i] = 1 + r.nextInt(8);
        }
        return c;
    }

    static double[] params(int n, SplittableRandom r) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.05 + 0.9 * r.nextDouble();
        }
        return p;
    }

    @Property(tries = 60)
    void valuesMatchTheReferenceEvaluator(@ForAll @IntRange(min = 0, max = 6) int which, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Expr e = LawParser.parse(LAWS.get(which), VARS);
        List<String> names = Law.of(e).parameters();
        double[][] cols = columns(40, seed);
        Program prog = Program.compile(e, names, v -> v);
        double[][] bound = prog.columns().stream().map(c -> cols[List.of("N", "D", "P").indexOf(c)]).toArray(double[][]::new);
        Workspace ws = prog.bind(bound, 40).workspace();
        double[] p = params(names.size(), new SplittableRandom(seed));
        ws.evaluate(p);
        for (int row = 0; row < 40; row++) {
            final int rr = row;
            Map<String, Double> vars = Map.of("N", cols[0][rr], "D", cols[1][rr], "P", cols[2][rr]);
            double ref = TreeEvaluator.eval(e, vars::get, n -> p[names.indexOf(n)]);
            if (Double.isFinite(ref)) {
                assertThat(ws.root(0)[row]).isCloseTo(ref, org.assertj.core.data.Percentage.withPercentage(1e-9));
            } else {
                assertThat(Double.isFinite(ws.root(0)[row])).isFalse();
            }
        }
    }

    @Property(tries = 60)
    void jacobianMatchesFiniteDifferences(@ForAll @IntRange(min = 0, max = 6) int which, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Expr e = LawParser.parse(LAWS.get(which), VARS);
        List<String> names = Law.of(e).parameters();
        int rows = 30;
        double[][] cols = columns(rows, seed);
        Program prog = Program.compile(e, names, v -> v);
        double[][] bound = prog.columns().stream().map(c -> cols[List.of("N", "D", "P").indexOf(c)]).toArray(double[][]::new);
        Workspace ws = prog.bind(bound, rows).workspace();
        double[] p = params(names.size(), new SplittableRandom(seed));
        double[][] jac = new double[names.size()][rows];
        ws.evaluate(p);
        ws.gradient(0, jac);
        for (int k = 0; k < names.size(); k++) {
            double h = 1e-6 * Math.max(1, Math.abs(p[k]));
            double[] coarse = centralDifference(ws, p, k, h);
            double[] fine = centralDifference(ws, p, k, h / 2);
            for (int row = 0; row < rows; row++) {
                double fdiff = fine[row];
                if (Double.isFinite(fdiff) && Double.isFinite(coarse[row]) && Double.isFinite(jac[k][row])) {
                    // The difference quotient has its own truncation error, estimated by halving h
                    // (steep exponentials made a fixed tolerance fail now and then).
                    double truncation = Math.abs(coarse[row] - fine[row]);
                    double scale = Math.max(1e-8, Math.max(Math.abs(fdiff), Math.abs(ws.root(0)[row])));
                    assertThat(Math.abs(jac[k][row] - fdiff)).as("d/d%s row %d of %s", names.get(k), row, LAWS.get(which))
                            .isLessThan(1e-5 * scale + 2 * truncation);
                }
            }
        }
    }

    private static double[] centralDifference(Workspace ws, double[] p, int k, double h) {
        double[] up = p.clone();
        double[] down = p.clone();
        up[k] += h;
        down[k] -= h;
        ws.evaluate(up);
        double[] fu = ws.root(0).clone();
        ws.evaluate(down);
        double[] fd = ws.root(0).clone();
        ws.evaluate(p);
        double[] d = new double[fu.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (fu[i] - fd[i]) / (2 * h);
        }
        return d;
    }

    @Property(tries = 20)
    void weightedSumGradientIsTheSumOfRootGradients(@ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<Expr> roots = List.of(LawParser.parse("N^(-a)", VARS), LawParser.parse("N^(-a)*P^(-b)", VARS), LawParser.parse("log(D)*b", VARS));
        List<String> names = List.of("a", "b");
        double[][] cols = columns(20, seed);
        Program prog = Program.compile(roots, names, v -> v);
        double[][] bound = prog.columns().stream().map(c -> cols[List.of("N", "D", "P").indexOf(c)]).toArray(double[][]::new);
        Workspace ws = prog.bind(bound, 20).workspace();
        ws.evaluate(new double[] {0.3, 0.2});
        double[] w = {0.5, -2, 3};
        double[][] combined = new double[2][20];
        ws.gradient(w, combined);
        double[][] sum = new double[2][20];
        double[][] one = new double[2][20];
        for (int r = 0; r < 3; r++) {
            ws.gradient(r, one);
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < 20; i++) {
                    sum[k][i] += w[r] * one[k][i];
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 20; i++) {
                assertThat(combined[k][i]).isCloseTo(sum[k][i], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(sum[k][i]))));
            }
        }
    }
}

package lawsearch.evaluator.protocol;

import java.util.Arrays;
import java.util.function.Function;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.interpreter.Program;
import lawsearch.grammar.core.Law;

/**
 * A law compiled for prediction only (the fitter's full program, value-only): given constants in
 * the law's parameter order, its value on every row of a frame. Null constants (a failed fit)
 * predict NaN.
 */
public final class Prediction {
    private final Program program;

    /** {@code column} maps a law variable (or alias) to its frame column, null if unknown. */
    public Prediction(Law law, Function<String, String> column) {
        this(Program.compile(law.expr(), law.parameters(), column));
    }

    public Prediction(Program program) {
        this.program = program;
    }

    public double[] on(Frame frame, double[] params) {
        if (params == null) {
            double[] nan = new double[frame.size()];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        double[][] cols = program.columns().stream().map(frame::column).toArray(double[][]::new);
        var ws = program.bind(cols, frame.size()).workspace();   // a fresh bound: its workspace goes with it
        ws.evaluate(params);
        return ws.root(0).clone();
    }
}

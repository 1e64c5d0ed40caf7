package lawsearch.evaluator.soundness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.interpreter.Program;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.formatter.Printer;

/**
 * Poles the grid steps over. A law that divides by a part of itself (or raises it to a negative
 * power) is infinite where that part is 0; a grid point seldom lands there, but where the part has
 * opposite signs at two neighbouring grid points it is 0 somewhere between them, by continuity.
 * openclip's `A/g^alpha/s^beta + B/log(g)/log(s/1e10)` passed the grid with a pole at s = 1e10,
 * inside the train range of s. A zero touched without a sign change, or crossed twice between two
 * grid points, is found by sampling between them ({@link Touches}).
 */
final class Poles {
    private Poles() { }

    /** The first pole between neighbouring rows of {@code grid} in words, or null if none shows. */
    static String first(FittedLaw law, String group, String target, Soundness.Grid grid, Frame frame) {
        List<Expr> divisors = divisors(law.law().expr());
        double[] params = law.params(group, target);
        if (divisors.isEmpty() || params == null) {
            return null;
        }
        Program p = Program.compile(divisors, law.parameters(), law.columns()::get);
        double[][] cols = p.columns().stream().map(frame::column).toArray(double[][]::new);
        var ws = p.bind(cols, frame.size()).workspace();
        ws.evaluate(params);
        int[] sizes = grid.axisSizes();
        for (int r = 0; r < divisors.size(); r++) {
            int[] at = signChange(ws.root(r), sizes);
            if (at != null) {
                String where = at[0] == at[1] ? "at " + grid.describe(at[0])
                        : String.format(Locale.ROOT, "between %s and %s", grid.describe(at[0]), grid.describe(at[1]));
                return "infinite where " + Printer.print(divisors.get(r)) + " = 0, " + where;
            }
        }
        for (int r = 0; r < divisors.size(); r++) {
            String where = Touches.first(p, params, r, ws.root(r), grid, frame);
            if (where != null) {
                return "infinite where " + Printer.print(divisors.get(r)) + " = 0, " + where;
            }
        }
        return null;
    }

    /**
     * The parts a law divides by, or raises to a negative number or a fitted exponent (which may
     * be negative), that read a variable; and, within each, what makes it 0: the base of a power,
     * the argument of a root or |·|, a factor. A part that touches 0 without changing sign has no
     * sign change to show, but its base does: openclip's `… /log(samples_seen/1e10)^2` is infinite
     * at 1e10 samples, inside the train range, where `log(samples_seen/1e10)` changes sign.
     */
    static List<Expr> divisors(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        switch (e) {
            case Binary b -> {
                boolean power = b.op() == Op.POW && (b.right() instanceof Num n ? n.value() < 0 : Exprs.variables(b.right()).isEmpty());
                Expr divisor = b.op() == Op.DIV ? b.right() : power ? b.left() : null;
                if (divisor != null) {
                    zeros(divisor, out);
                }
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Unary u -> collect(u.arg(), out);
            default -> { }
        }
    }

    /** {@code d} and the parts whose 0 makes it 0, each once, where they read a variable. */
    private static void zeros(Expr d, List<Expr> out) {
        if (Exprs.variables(d).isEmpty()) {
            return;
        }
        if (!out.contains(d)) {
            out.add(d);
        }
        switch (d) {
            case Binary b when b.op() == Op.POW && Exprs.variables(b.right()).isEmpty() -> zeros(b.left(), out);
            case Binary b when b.op() == Op.MUL -> {
                zeros(b.left(), out);
                zeros(b.right(), out);
            }
            case Binary b when b.op() == Op.DIV -> zeros(b.left(), out);
            case Unary u when u.fn() == Fn.SQRT || u.fn() == Fn.ABS -> zeros(u.arg(), out);
            default -> { }
        }
    }

    /**
     * Two rows that neighbour along one axis of the grid (rows in mixed radix over {@code sizes},
     * the last axis fastest) where {@code v} has strictly opposite signs, or a row where it is 0
     * (twice that row); null if none.
     */
    static int[] signChange(double[] v, int[] sizes) {
        int stride = 1;
        for (int a = sizes.length - 1; a >= 0; a--) {
            int n = sizes[a];
            for (int r = 0; r < v.length; r++) {
                if (v[r] == 0) {
                    return new int[] {r, r};
                }
                if ((r / stride) % n < n - 1 && v[r] * v[r + stride] < 0) {
                    return new int[] {r, r + stride};
                }
            }
            stride *= n;
        }
        return null;
    }
}

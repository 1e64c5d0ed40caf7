package lawsearch.engine.use;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

import lawsearch.evaluator.data.Dataset;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.parser.LawParser;

/**
 * A constraint {@code cost(columns) = value}, e.g. {@code 6*params*tokens = 1e22}: the left side
 * an expression in the law language over varied columns only (no free constant), the right side a
 * positive number. One varied column, {@code solved}, is not searched but solved from the equation
 * (in log space, by Brent's method), so the search runs over the others.
 */
public record Budget(String text, Expr cost, Map<String, String> columns, double value, String solved) {

    /** Parses {@code text} over {@code data}'s columns; {@code varied} are the columns the search varies (resolved). */
    public static Budget parse(String text, Dataset data, List<String> varied) {
        String[] sides = text.split("=", -1);
        if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
            throw new UserError("--budget: not an equation \"EXPR = NUMBER\": " + text);
        }
        Expr cost = LawParser.parse(sides[0].strip(), data.variableNames(), "--budget");
        List<String> free = Exprs.parameters(cost);
        if (!free.isEmpty()) {
            throw new UserError("--budget: " + free.get(0) + " is not a column (a budget has no free constants)");
        }
        Map<String, String> columns = new HashMap<>();
        for (String v : Exprs.variables(cost)) {
            String c = data.resolve(v);
            if (!varied.contains(c)) {
                throw new UserError("--budget: column " + c + " is not varied (--vary " + String.join(",", varied) + ")");
            }
            columns.put(v, c);
        }
        if (columns.isEmpty()) {
            throw new UserError("--budget: the left side names no varied column: " + sides[0].strip());
        }
        Expr rhs = LawParser.parse(sides[1].strip(), Set.of(), "--budget");
        if (!Exprs.parameters(rhs).isEmpty()) {
            throw new UserError("--budget: the right side must be a number: " + sides[1].strip());
        }
        double value = TreeEvaluator.eval(rhs, v -> Double.NaN, p -> Double.NaN);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserError("--budget: the right side must be a positive number: " + sides[1].strip());
        }
        // Solve for the last varied column the equation names: the others are searched.
        String solved = null;
        for (String c : varied) {
            if (columns.containsValue(c)) {
                solved = c;
            }
        }
        return new Budget(text, cost, Map.copyOf(columns), value, solved);
    }

    /** The left side as the user wrote it. */
    public String left() { return text.substring(0, text.indexOf('=')).strip(); }

    /**
     * Refuses a left side that is no cost: zero, negative or not finite at the middle of the
     * search {@code bounds} (column → [lo, hi]; the geometric middle, as the search is in log scale).
     * {@code 0*params*tokens} meets no budget, and the optimiser would report NaN for every column.
     */
    public void requirePositiveCost(Map<String, double[]> bounds) {
        Map<String, Double> middle = new java.util.TreeMap<>();
        for (String c : columns.values()) {
            double[] b = bounds.get(c);
            middle.put(c, Math.sqrt(b[0] * b[1]));
        }
        double c = cost(middle);
        if (!(c > 0) || Double.isInfinite(c)) {
            StringBuilder at = new StringBuilder();
            middle.forEach((k, v) -> at.append(at.isEmpty() ? "" : ", ").append(k).append('=').append(brief(v)));
            throw new UserError("--budget: the left side " + left() + " is " + brief(c) + " at " + at
                    + " (the middle of the search bounds); a budget must be a positive cost");
        }
    }

    /** Three significant digits for a message; zero and non-finite values as the law language writes them. */
    static String brief(double v) {
        return v == 0 || !Double.isFinite(v) ? Printer.number(v) : String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    /** The same constraint at another budget. */
    public Budget at(double v) { return new Budget(text, cost, columns, v, solved); }

    /** The left side at a point (column → value). */
    public double cost(Map<String, Double> point) {
        return TreeEvaluator.eval(cost, v -> point.getOrDefault(columns.get(v), Double.NaN), p -> Double.NaN);
    }

    /**
     * The value of {@link #solved} that meets the budget with the other columns as in {@code point},
     * searched in log space between {@code lnLo} and {@code lnHi}; NaN when the equation has no root there.
     */
    public double solve(Map<String, Double> point, double lnLo, double lnHi) {
        Map<String, Double> p = new HashMap<>(point);
        double target = Math.log(value);
        org.apache.commons.math3.analysis.UnivariateFunction g = u -> {
            p.put(solved, Math.exp(u));
            return Math.log(cost(p)) - target;
        };
        double a = g.value(lnLo);
        double b = g.value(lnHi);
        if (!Double.isFinite(a) || !Double.isFinite(b) || Math.signum(a) == Math.signum(b)) {
            return a == 0 ? Math.exp(lnLo) : b == 0 ? Math.exp(lnHi) : Double.NaN;
        }
        return Math.exp(new BrentSolver(1e-12, 1e-12).solve(200, g, lnLo, lnHi));
    }

    /** Budgets spread around this one, {@code 10^-2 … 10^2} times it: where the scaling exponents are fitted. */
    public List<Double> around() {
        List<Double> out = new ArrayList<>();
        for (int e = -2; e <= 2; e++) {
            out.add(value * Math.pow(10, e));
        }
        return out;
    }
}

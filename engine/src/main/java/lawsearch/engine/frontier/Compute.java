package lawsearch.engine.frontier;

import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.parser.LawParser;

/**
 * The compute of a run: a column as named, or an expression over the numeric columns written in
 * the law language ({@code 6*params*tokens}). The law language reads every unknown name as a fitted
 * constant, which here can only be a typo, so any constant is an error naming it.
 */
public record Compute(String text, Expr expr) {

    /** {@code text} over {@code columns} (the numeric columns a run carries); {@code target} may not appear. */
    public static Compute parse(String text, Set<String> columns, String target) {
        if (columns.contains(text)) {
            return new Compute(text, Expr.var(text));
        }
        Expr e = LawParser.parse(text, columns, "--compute");
        List<String> unknown = Exprs.parameters(e);
        if (!unknown.isEmpty()) {
            String u = unknown.get(0);
            if (u.equals(target)) {
                throw new UserError("--compute: '" + u + "' is the target column; compute must come from the other columns");
            }
            throw new UserError("--compute: unknown column '" + u + "' (numeric columns: " + String.join(", ", columns) + ")");
        }
        return new Compute(text, e);
    }

    /** Whether compute is one column as it stands (then the table shows it under its own name). */
    public boolean isColumn() { return expr instanceof lawsearch.grammar.core.Var v && v.name().equals(text); }

    /** The name compute goes by in tables and JSON: the column, or {@code compute} for an expression. */
    public String label(Set<String> columns) {
        if (isColumn()) {
            return text;
        }
        return columns.contains("compute") ? text : "compute";
    }

    public double of(Map<String, Double> row) {
        return TreeEvaluator.eval(expr, row::get, p -> Double.NaN);
    }
}

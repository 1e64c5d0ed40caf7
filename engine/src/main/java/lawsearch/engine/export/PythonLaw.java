package lawsearch.engine.export;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import lawsearch.engine.io.Json;
import lawsearch.evaluator.data.Dataset;
import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.formatter.WhereForm;

/**
 * A law as numpy source: {@code X[:, j]} for the dataset's j-th feature (aliases resolved),
 * {@code p[i]} for the law's i-th parameter. Semantics mirror the evaluator's kernels: IEEE
 * float64, {@code ^} is {@code np.power} on floats (a negative base with a non-integer exponent
 * gives NaN, as Java's Math.pow does), NaN and infinities propagate; the caller silences numpy's
 * warnings, since lawsearch treats such values as a failed start, not an error. A subexpression
 * the law repeats (its where clause) is computed once, as a local variable of the same name.
 */
public final class PythonLaw {
    private final List<String> features;
    private final List<String> params;
    private final Dataset data;
    /** Names of the where clause's definitions: Python locals, not constants. */
    private final Set<String> locals = new HashSet<>();

    public PythonLaw(Law law, Dataset data) {
        this.features = data.features();
        this.params = law.parameters();
        this.data = data;
    }

    public String source(Expr e) {
        return switch (e) {
            case Num n -> number(n.value());
            case Var v -> "X[:, " + column(v.name()) + "]";
            case Param p -> locals.contains(p.name()) ? p.name() : "p[" + params.indexOf(p.name()) + "]";
            case Unary u -> switch (u.fn()) {
                case NEG -> "(-" + source(u.arg()) + ")";
                case LOG -> "np.log(" + source(u.arg()) + ")";
                case EXP -> "np.exp(" + source(u.arg()) + ")";
                case SQRT -> "np.sqrt(" + source(u.arg()) + ")";
                case ABS -> "np.abs(" + source(u.arg()) + ")";
                case TANH -> "np.tanh(" + source(u.arg()) + ")";
            };
            case Binary b -> switch (b.op()) {
                case ADD -> "(" + source(b.left()) + " + " + source(b.right()) + ")";
                case SUB -> "(" + source(b.left()) + " - " + source(b.right()) + ")";
                case MUL -> "(" + source(b.left()) + " * " + source(b.right()) + ")";
                case DIV -> "(" + source(b.left()) + " / " + source(b.right()) + ")";
                // Every operand is float64 (columns, constants, literals written with a point), so
                // np.power never takes the integer path and never goes complex, like Math.pow.
                case POW -> "np.power(" + source(b.left()) + ", " + source(b.right()) + ")";
            };
        };
    }

    /**
     * {@code def _law(X, p)}: the law's predictions for every row of X, always a float array of
     * len(X) (a law without variables still predicts one value per row).
     */
    public String function(Law law) {
        WhereForm w = whereForm(law);
        StringBuilder locals = new StringBuilder();
        for (WhereForm.Definition d : w.definitions()) {
            locals.append("        ").append(d.name()).append(" = ").append(source(d.expr())).append('\n');
            this.locals.add(d.name());
        }
        return """
                def _law(X, p):
                    \"\"\"%s\"\"\"
                    with np.errstate(all="ignore"):
                %s        f = %s
                    return np.broadcast_to(np.asarray(f, dtype=float), (X.shape[0],)).astype(float)
                """.formatted(w.text().replace("\\", "\\\\").replace("\"", "'"), locals, source(w.body()));
    }

    /** The law's where form, its names clashing with no column or alias of the data either. */
    WhereForm whereForm(Law law) { return whereForm(law, data); }

    /**
     * {@code law}'s where form as the exported function spells it: no name a column of {@code data}
     * has, nor one the function itself uses ({@code p}, {@code f}, {@code X}, {@code np}), since a
     * local {@code p = params/1e9} would hide the constants.
     */
    static WhereForm whereForm(Law law, Dataset data) {
        Set<String> reserved = new HashSet<>(data.variableNames());
        reserved.addAll(FUNCTION_NAMES);
        return WhereForm.of(law.expr(), reserved);
    }

    private static final Set<String> FUNCTION_NAMES = Set.of("p", "f", "X", "np");

    private int column(String variable) {
        String c = data.resolve(variable);
        int j = c == null ? -1 : features.indexOf(c);
        if (j < 0) {
            throw new IllegalArgumentException("law variable " + variable + " is not a feature of " + data.source());
        }
        return j;
    }

    /** A Python float literal: the shortest repr that reads back exactly; non-finite via float(). */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "float(\"nan\")";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "np.inf" : "-np.inf";
        }
        String s = Double.toString(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** A Python string literal (JSON's escapes are Python's). */
    public static String string(String s) {
        return Json.line(s);
    }

    public static String strings(List<String> xs) {
        return xs.stream().map(PythonLaw::string).collect(Collectors.joining(", ", "[", "]"));
    }

    public static String numbers(double[] xs) {
        return java.util.Arrays.stream(xs).mapToObj(PythonLaw::number).collect(Collectors.joining(", ", "[", "]"));
    }

    /** One line of a comment: no line breaks can escape it. */
    public static String comment(String s) {
        return s.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }
}

package lawsearch.grammar.formatter;

import java.math.BigDecimal;
import java.util.Map;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;

/**
 * Prints laws in the syntax {@code LawParser} reads, with as few parentheses as keep the tree
 * exact: {@code parse(print(x)) == x} for every expression whose numbers are finite. Because the
 * parser reads {@code -0.5} as one negative number, a negative {@link Num} prints parenthesised
 * unless it leads ({@code -0.5*N}, but {@code N^(-0.5)}), and a minus applied to a number prints
 * as {@code -(0.5)}. Sums and differences are spaced ({@code a + b*c}); other operators are not.
 * Numbers print in their shortest exact form ({@code 2048}, {@code 1e9}, {@code 0.001}).
 */
public final class Printer {
    /** Unary minus binds tighter than * and looser than ^ ({@code -x^2} is {@code -(x^2)}). */
    private static final int NEG_PRECEDENCE = 3;
    private static final int ATOM = 5;

    private Printer() { }

    public static String print(Expr e) { return render(e, true); }

    /**
     * {@code e} on one line with its repeated subexpressions named in a where clause
     * ({@code a*u_N^2 + b*u_N where u_N = log(N) - c}): the form reports show. Identical to
     * {@link #print} when nothing repeats. {@link #print} stays the plain form, since hashes and
     * search keys are made from it.
     */
    public static String printWhere(Expr e) { return WhereForm.of(e).text(); }

    /**
     * {@code leading}: the text starts the output or follows an opening parenthesis, where a
     * negative number reads back as itself ({@code -0.5*N}, {@code log(-1)}); elsewhere it is
     * parenthesised ({@code a - (-1)}, {@code N^(-0.5)}).
     */
    private static String render(Expr e, boolean leading) {
        return switch (e) {
            case Num n -> negative(n.value()) && !leading ? "(" + number(n.value()) + ")" : number(n.value());
            case Var v -> v.name();
            case Param p -> p.name();
            case Unary u when u.fn() == Fn.NEG -> negation(u.arg());
            case Unary u -> u.fn().symbol() + "(" + render(u.arg(), true) + ")";
            case Binary b -> binary(b, leading);
        };
    }

    private static String negation(Expr arg) {
        if (arg instanceof Num n) {
            return "-(" + number(n.value()) + ")";     // "-2" would read back as the literal -2
        }
        boolean parens = precedence(arg) < NEG_PRECEDENCE;
        return "-" + wrap(render(arg, parens), parens);
    }

    private static String binary(Binary b, boolean leading) {
        Op op = b.op();
        int pl = precedence(b.left());
        int pr = precedence(b.right());
        boolean wrapLeft;
        boolean wrapRight;
        if (op == Op.POW) {
            // (a^b)^c needs parentheses; a^b^c parses as a^(b^c) but is written so, since not every
            // reader takes ^ as right-associative; (-x)^2 differs from -x^2.
            wrapLeft = pl <= op.precedence();
            wrapRight = pr <= op.precedence();
        } else {
            // Left-associative: a - (b - c) and a / (b * c) keep theirs.
            wrapLeft = pl < op.precedence();
            wrapRight = pr <= op.precedence();
        }
        // A minus right of an operator parses without parentheses (2^-x, a*-b) but reads better with.
        wrapRight |= isNegation(b.right());
        String sep = op == Op.ADD || op == Op.SUB ? " " + op.symbol() + " " : op.symbol();
        // A power's base never leads: -2^x would read as -(2^x).
        boolean leftLeads = wrapLeft || leading && op != Op.POW;
        return wrap(render(b.left(), leftLeads), wrapLeft) + sep + wrap(render(b.right(), wrapRight), wrapRight);
    }

    private static String wrap(String s, boolean parens) { return parens ? "(" + s + ")" : s; }

    private static boolean isNegation(Expr e) { return e instanceof Unary u && u.fn() == Fn.NEG; }

    private static int precedence(Expr e) {
        return switch (e) {
            case Binary b -> b.op().precedence();
            case Unary u -> u.fn() == Fn.NEG ? NEG_PRECEDENCE : ATOM;
            default -> ATOM;      // negative numbers render parenthesised already
        };
    }

    private static boolean negative(double v) { return v < 0 || v == 0 && Double.doubleToRawLongBits(v) != 0; }

    /**
     * The shortest decimal that parses back to exactly {@code v}: plain ({@code 2048},
     * {@code 0.00015}) unless scientific is at least two characters shorter ({@code 1e9},
     * {@code 1e-7}, {@code 6.02e23}). Non-finite values print as {@code inf}, {@code -inf}, {@code nan}.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return negative(v) ? "-0" : "0";
        }
        // Double.toString is the shortest decimal that reads back exactly (JDK 19+); we only re-lay it out.
        BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String plain = bd.toPlainString();
        String sci = scientific(bd);
        return sci.length() + 2 <= plain.length() ? sci : plain;
    }

    private static String scientific(BigDecimal bd) {
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (bd.signum() < 0 ? "-" : "") + mantissa + "e" + exp;
    }

    /**
     * Bounds in the syntax {@code BoundsParser} reads ({@code alpha in [0.01, 1]; A >= 0; E <= 2.2}),
     * in their insertion order; parsing the result gives equal bounds.
     */
    public static String printBounds(Bounds bounds) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Interval> e : bounds.byParam().entrySet()) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(clause(e.getKey(), e.getValue()));
        }
        return sb.toString();
    }

    private static String clause(String name, Interval i) {
        if (i.hasLower() && !i.hasUpper()) {
            return name + " >= " + number(i.lo());
        }
        if (i.hasUpper() && !i.hasLower()) {
            return name + " <= " + number(i.hi());
        }
        return name + " in [" + number(i.lo()) + ", " + number(i.hi()) + "]";
    }
}

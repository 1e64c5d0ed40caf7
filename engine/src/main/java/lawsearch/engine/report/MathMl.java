package lawsearch.engine.report;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.formatter.GreekLetters;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.formatter.WhereForm;

/**
 * A law in readable math: MathML (rendered natively by browsers, no script or font from the
 * network): fractions for {@code /}, superscripts for {@code ^}, roots, {@code ·} for products,
 * {@code 1e9} as 10⁹. Every name is escaped. A law's where form is one formula for the body and one
 * line per definition below it ({@code where u_lr = ...}); a where-name is set as {@code u} with a
 * subscript, like any named quantity in a paper, so it reads apart from the fitted constants.
 */
public final class MathMl {
    /** The where-names in scope: they render as names, not as fitted constants. */
    private final Set<String> names;

    private MathMl(Set<String> names) { this.names = names; }

    public static String of(Expr e) { return math(new MathMl(Set.of()).node(e)); }

    /** The body's formula, then one {@code where name = ...} formula per definition, each in a {@code <div>} of {@code cssClass}. */
    public static String of(WhereForm w, String cssClass) {
        MathMl m = new MathMl(w.definitions().stream().map(WhereForm.Definition::name).collect(Collectors.toSet()));
        StringBuilder sb = new StringBuilder("<div class=\"" + cssClass + "\">" + math(m.node(w.body())) + "</div>\n");
        for (int i = 0; i < w.definitions().size(); i++) {
            WhereForm.Definition d = w.definitions().get(i);
            String lead = i == 0 ? "<mtext>where</mtext><mspace width=\"0.6em\"/>" : "<mspace width=\"3.6em\"/>";
            sb.append("<div class=\"").append(cssClass).append(" where\">")
                    .append(math(lead + m.name(d.name()) + "<mo>=</mo>" + m.node(d.expr()))).append("</div>\n");
        }
        return sb.toString();
    }

    private static String math(String inner) { return "<math><mrow>" + inner + "</mrow></math>"; }

    /** {@code u_lr} as u with subscript lr; a name without an underscore as it is. */
    private String name(String n) {
        int u = n.indexOf('_');
        if (u <= 0 || u == n.length() - 1) {
            return "<mi>" + Html.escape(n) + "</mi>";
        }
        return "<msub><mi>" + Html.escape(n.substring(0, u)) + "</mi><mi>" + Html.escape(n.substring(u + 1)) + "</mi></msub>";
    }

    /**
     * A fitted constant's name; one named after a Greek letter (the decay exponents' role names,
     * alpha, beta, ...) as the letter, as papers write {@code E + A·N^(−α)}; the law's text keeps the name.
     */
    private static String constant(String name) {
        Character letter = GreekLetters.letter(name);
        return letter == null ? Html.escape(name) : "&#x" + Integer.toHexString(letter).toUpperCase(Locale.ROOT) + ";";
    }

    private String node(Expr e) {
        return switch (e) {
            case Num n -> number(n.value());
            case Var v -> "<mi>" + Html.escape(v.name()) + "</mi>";
            case Param p when names.contains(p.name()) -> name(p.name());
            case Param p -> "<mi mathvariant=\"italic\">" + constant(p.name()) + "</mi>";
            case Unary u -> switch (u.fn()) {
                case NEG -> "<mo>−</mo>" + wrap(u.arg(), 2);
                case SQRT -> "<msqrt>" + node(u.arg()) + "</msqrt>";
                case ABS -> "<mrow><mo>|</mo>" + node(u.arg()) + "<mo>|</mo></mrow>";
                case EXP -> "<msup><mi>e</mi><mrow>" + node(u.arg()) + "</mrow></msup>";
                case LOG, TANH -> "<mi>" + u.fn().symbol() + "</mi><mo>&#x2061;</mo>" + parens(node(u.arg()));
            };
            case Binary b -> switch (b.op()) {
                case ADD -> node(b.left()) + "<mo>+</mo>" + node(b.right());
                case SUB -> node(b.left()) + "<mo>−</mo>" + wrap(b.right(), 2);
                case MUL -> wrap(b.left(), 1.5) + "<mo>·</mo>" + wrap(b.right(), 2);
                case DIV -> "<mfrac><mrow>" + node(b.left()) + "</mrow><mrow>" + node(b.right()) + "</mrow></mfrac>";
                case POW -> "<msup><mrow>" + wrap(b.left(), 5) + "</mrow><mrow>" + node(b.right()) + "</mrow></msup>";
            };
        };
    }

    /**
     * How tightly an expression binds as written: sums 1, negation 1.5, products 2, fractions 3, powers
     * 4, atoms 5. A product's first factor may be a negative number or a negation unbracketed
     * ({@code x^(−2·c)}), and the product then binds as a negation.
     */
    private static double precedence(Expr e) {
        return switch (e) {
            case Binary b when b.op() == Op.ADD || b.op() == Op.SUB -> 1;
            case Binary b when b.op() == Op.MUL -> Math.min(2, precedence(b.left()));
            case Binary b when b.op() == Op.DIV -> 3;
            case Binary b -> 4;
            case Unary u when u.fn() == lawsearch.grammar.core.Fn.NEG -> 1.5;
            case Num n when n.value() < 0 || Printer.number(n.value()).contains("e") -> 1.5;
            default -> 5;
        };
    }

    private String wrap(Expr e, double min) {
        return precedence(e) < min ? parens(node(e)) : node(e);
    }

    private static String parens(String inner) {
        return "<mrow><mo>(</mo>" + inner + "<mo>)</mo></mrow>";
    }

    /** {@code 1e9} as 10⁹ and {@code 2.5e-3} as 2.5·10⁻³; plain numbers as written. */
    static String number(double v) {
        String s = Printer.number(Math.abs(v));
        String sign = v < 0 ? "<mo>−</mo>" : "";
        int e = s.indexOf('e');
        if (e < 0) {
            return sign + "<mn>" + Html.escape(s) + "</mn>";
        }
        String mantissa = s.substring(0, e);
        String power = "<msup><mn>10</mn><mrow>" + number(Double.parseDouble(s.substring(e + 1))) + "</mrow></msup>";
        return sign + ("1".equals(mantissa) ? power : "<mn>" + mantissa + "</mn><mo>·</mo>" + power);
    }
}

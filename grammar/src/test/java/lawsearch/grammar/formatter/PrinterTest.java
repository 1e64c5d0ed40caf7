package lawsearch.grammar.formatter;

import static lawsearch.grammar.core.Expr.add;
import static lawsearch.grammar.core.Expr.div;
import static lawsearch.grammar.core.Expr.mul;
import static lawsearch.grammar.core.Expr.neg;
import static lawsearch.grammar.core.Expr.pow;
import static lawsearch.grammar.core.Expr.sub;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.parser.LawParser;

/** Printer: the exact text of numbers, parentheses and bounds. The round trip is {@link RoundTripTest}'s. */
class PrinterTest {
    static final Var X = new Var("x");
    static final Param A = new Param("a");
    static final Param B = new Param("b");
    static final Param C = new Param("c");
    static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void numbersPrintShortAndExact() {
        assertThat(Printer.number(2048)).isEqualTo("2048");
        assertThat(Printer.number(1e9)).isEqualTo("1e9");
        assertThat(Printer.number(0.001)).isEqualTo("0.001");
        assertThat(Printer.number(-0.5)).isEqualTo("-0.5");
        assertThat(Printer.number(0.5)).isEqualTo("0.5");
        assertThat(Printer.number(1)).isEqualTo("1");
        assertThat(Printer.number(0.1)).isEqualTo("0.1");
        assertThat(Printer.number(123456789)).isEqualTo("123456789");
        assertThat(Printer.number(6.02e23)).isEqualTo("6.02e23");
        assertThat(Printer.number(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(Printer.number(-1e-300)).isEqualTo("-1e-300");
        assertThat(Printer.number(1e300)).isEqualTo("1e300");
        assertThat(Printer.number(Double.MIN_VALUE)).isEqualTo("4.9e-324");
        assertThat(Printer.number(0.0)).isEqualTo("0");
        assertThat(Printer.number(-0.0)).isEqualTo("-0");
        assertThat(Printer.number(INF)).isEqualTo("inf");
        assertThat(Printer.number(-INF)).isEqualTo("-inf");
        assertThat(Printer.number(Double.NaN)).isEqualTo("nan");
    }

    /**
     * 1.5e-4 prints plain, as 0.00015: by design (commit 872eedc, "plain decimals preferred")
     * scientific notation is used only when at least two characters shorter. Either text reads
     * back as the same number.
     */
    @Test
    void plainDecimalsArePreferredUnlessScientificIsClearlyShorter() {
        assertThat(Printer.number(1.5e-4)).isEqualTo("0.00015");
        assertThat(Printer.number(1.5e-3)).isEqualTo("0.0015");
        assertThat(Printer.number(1e-4)).isEqualTo("1e-4");
        assertThat(Printer.number(1000)).isEqualTo("1000");
        assertThat(Printer.number(10000)).isEqualTo("1e4");
        assertThat(Printer.number(12345678901.0)).isEqualTo("12345678901");
        assertThat(LawParser.parse("1.5e-4", Set.of())).isEqualTo(new Num(1.5e-4));
        assertThat(LawParser.parse(Printer.number(1.5e-4), Set.of())).isEqualTo(new Num(1.5e-4));
    }

    @Test
    void parenthesesOnlyWhereTheTreeNeedsThem() {
        assertThat(Printer.print(sub(A, sub(B, C)))).isEqualTo("a - (b - c)");
        assertThat(Printer.print(sub(sub(A, B), C))).isEqualTo("a - b - c");
        assertThat(Printer.print(add(A, add(B, C)))).isEqualTo("a + (b + c)");
        assertThat(Printer.print(add(add(A, B), C))).isEqualTo("a + b + c");
        assertThat(Printer.print(div(A, mul(B, C)))).isEqualTo("a/(b*c)");
        assertThat(Printer.print(div(div(A, B), C))).isEqualTo("a/b/c");
        assertThat(Printer.print(mul(add(A, B), C))).isEqualTo("(a + b)*c");
        assertThat(Printer.print(add(A, mul(B, C)))).isEqualTo("a + b*c");
        assertThat(Printer.print(pow(pow(A, B), C))).isEqualTo("(a^b)^c");
        assertThat(Printer.print(pow(A, pow(B, C)))).isEqualTo("a^(b^c)");   // a^b^c would parse so, but not every reader reads it so
        assertThat(Printer.print(pow(mul(A, B), C))).isEqualTo("(a*b)^c");
        assertThat(Printer.print(new Unary(Fn.LOG, add(A, X)))).isEqualTo("log(a + x)");
    }

    @Test
    void unaryMinus() {
        assertThat(Printer.print(neg(pow(X, new Num(2))))).isEqualTo("-x^2");
        assertThat(Printer.print(pow(neg(X), new Num(2)))).isEqualTo("(-x)^2");
        assertThat(Printer.print(pow(new Num(2), neg(X)))).isEqualTo("2^(-x)");
        assertThat(Printer.print(mul(neg(A), B))).isEqualTo("-a*b");
        assertThat(Printer.print(neg(mul(A, B)))).isEqualTo("-(a*b)");
        assertThat(Printer.print(neg(add(A, B)))).isEqualTo("-(a + b)");
        assertThat(Printer.print(neg(neg(A)))).isEqualTo("--a");
        assertThat(Printer.print(sub(A, neg(B)))).isEqualTo("a - (-b)");
    }

    @Test
    void negativeNumbersStayApartFromNegatedNumbers() {
        assertThat(Printer.print(new Num(-0.5))).isEqualTo("-0.5");
        assertThat(Printer.print(pow(X, new Num(-0.5)))).isEqualTo("x^(-0.5)");
        assertThat(Printer.print(neg(new Num(2)))).isEqualTo("-(2)");
        assertThat(Printer.print(neg(new Num(0.5)))).isEqualTo("-(0.5)");
        assertThat(Printer.print(neg(new Num(-0.5)))).isEqualTo("-(-0.5)");
        assertThat(Printer.print(pow(new Num(-2), X))).isEqualTo("(-2)^x");
        assertThat(Printer.print(sub(A, new Num(-1)))).isEqualTo("a - (-1)");
        assertThat(Printer.print(mul(new Num(-2), X))).isEqualTo("-2*x");
        assertThat(Printer.print(add(A, mul(new Num(-2), X)))).isEqualTo("a + (-2)*x");
        assertThat(Printer.print(new Unary(Fn.LOG, new Num(-1)))).isEqualTo("log(-1)");
        assertThat(Printer.print(new Num(-0.0))).isEqualTo("-0");
    }

    @Test
    void boundsPrintInInsertionOrderInTheSyntaxTheBoundsParserReads() {
        Bounds b = Bounds.NONE.with("alpha", new Interval(0.01, 1)).with("A", new Interval(0, INF))
                .with("E", new Interval(-INF, 2.2)).with("z", Interval.FREE);
        assertThat(Printer.printBounds(b)).isEqualTo("alpha in [0.01, 1]; A >= 0; E <= 2.2; z in [-inf, inf]");
        assertThat(Printer.printBounds(Bounds.NONE)).isEmpty();
    }
}

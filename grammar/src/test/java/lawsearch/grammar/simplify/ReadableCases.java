package lawsearch.grammar.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.parser.LawParser;

/** The readability tests' cases: a law from its text, made readable as the engine does, and the checks on the result. */
final class ReadableCases {
    private ReadableCases() { }

    /** {@code text} under {@code bounds} made readable knowing only that {@code vars} are positive. */
    static Readable readable(String text, Set<String> vars, Bounds bounds) {
        return Readable.of(new Law(LawParser.parse(text, vars), bounds, FitSettings.DEFAULT), vars);
    }

    /** {@code text} as a law without bounds, fitted with the default settings. */
    static Law law(String text, Set<String> vars) {
        return new Law(LawParser.parse(text, vars), Bounds.NONE, FitSettings.DEFAULT);
    }

    /** As the engine makes a fitted law readable: each constant's fitted range, each variable's range on the domain. */
    static Readable readable(String text, Set<String> vars, Map<String, Interval> fitted, Function<String, Interval> domain) {
        return Readable.of(law(text, vars), domain, fitted::get);
    }

    static Interval from(double lo) { return new Interval(lo, Double.POSITIVE_INFINITY); }

    static String print(Readable r) { return Printer.print(r.law().expr()); }

    /** The readable law, its constants mapped from {@code values}, predicts as {@code text} does (relative 1e-9). */
    static void assertSameValues(String text, Set<String> vars, Readable r, Map<String, Double> values) {
        Expr original = LawParser.parse(text, vars);
        List<String> names = Exprs.parameters(original);
        double[] given = names.stream().mapToDouble(values::get).toArray();
        double[] mapped = r.map(names, given);
        List<String> now = r.law().parameters();
        for (double x : new double[] {3.1, 47, 2.9e4, 7.7e9}) {
            double before = TreeEvaluator.eval(original, v -> x, values::get);
            double after = TreeEvaluator.eval(r.law().expr(), v -> x, p -> mapped[now.indexOf(p)]);
            assertThat(after).as("at " + x).isCloseTo(before, org.assertj.core.data.Percentage.withPercentage(1e-7));
        }
    }

    static void assertShorter(String text, Set<String> vars, Readable r) {
        assertThat(Exprs.size(r.law().expr())).isLessThan(Exprs.size(LawParser.parse(text, vars)));
    }

    static void assertNotLonger(String text, Set<String> vars, Readable r) {
        assertThat(Exprs.size(r.law().expr())).isLessThanOrEqualTo(Exprs.size(LawParser.parse(text, vars)));
    }
}

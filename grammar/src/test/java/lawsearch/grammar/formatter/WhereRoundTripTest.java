package lawsearch.grammar.formatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import lawsearch.grammar.ExprArbitraries;
import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.operators.Generator;
import lawsearch.grammar.operators.Grammar;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.parser.LawParser;

/** Printing with a where clause and parsing back gives the identical expanded tree. */
class WhereRoundTripTest {
    private static final Grammar GRAMMAR = Grammar.builder(List.of("N", "D", "P")).scale("N", 1e9).maxParams(8).maxSize(60).build();

    /** Laws that repeat one or two random subtrees in random places, and plain random laws. */
    @Provide
    Arbitrary<Expr> laws() {
        Arbitrary<Expr> small = ExprArbitraries.expr(2);
        // Mostly parts worth a name (4 nodes or more, a variable in them); sometimes any part.
        Arbitrary<Expr> part = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, small.filter(WhereRoundTripTest::nameable)),
                net.jqwik.api.Tuple.of(1, small));
        Arbitrary<Op> op = Arbitraries.of(Op.values());
        Arbitrary<Fn> fn = Arbitraries.of(Fn.values());
        Arbitrary<Expr> oneShared = Combinators.combine(part, small, small, op, op, op, fn).as((s, a, b, o1, o2, o3, f) ->
                (Expr) new Binary(o1, new Binary(o2, s, a), new Binary(o3, b, new Unary(f, s))));
        Arbitrary<Expr> twoShared = Combinators.combine(part, part, small, op, op, fn).as((s, t, a, o1, o2, f) ->
                (Expr) new Binary(o1, new Binary(o2, new Binary(Op.MUL, s, t), a), new Unary(f, new Binary(Op.POW, t, s))));
        Arbitrary<Expr> nested = Combinators.combine(oneShared, small, op).as((s, a, o) -> (Expr) new Binary(o, new Binary(o, s, a), s));
        Arbitrary<Expr> generated = Arbitraries.longs().map(seed -> new Generator(GRAMMAR).law(new SplittableRandom(seed)).expr());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, oneShared), net.jqwik.api.Tuple.of(3, twoShared), net.jqwik.api.Tuple.of(2, nested),
                net.jqwik.api.Tuple.of(1, ExprArbitraries.expressions()), net.jqwik.api.Tuple.of(1, generated));
    }

    /** Else the round-trip properties would mostly test the plain printer. A fixed seed: no flakes. */
    @Property(tries = 400, seed = "42", edgeCases = EdgeCasesMode.MIXIN)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void mostGeneratedLawsHaveSomethingToName(@ForAll("laws") Expr e) {
        Statistics.collect(WhereForm.of(e).hasDefinitions());
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 35));
    }

    private static boolean nameable(Expr e) {
        return lawsearch.grammar.core.Exprs.size(e) >= SharedSubexpressions.MIN_SIZE && !lawsearch.grammar.core.Exprs.variables(e).isEmpty();
    }

    @Property(tries = 600, edgeCases = EdgeCasesMode.MIXIN)
    void parsingTheWhereFormGivesTheSameTree(@ForAll("laws") Expr e) {
        String text = Printer.printWhere(e);
        assertThat(LawParser.parse(text, ExprArbitraries.VAR_SET)).as(text).isEqualTo(e);
        assertThat(WhereForm.of(e).expanded()).as(text).isEqualTo(e);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void printingIsStableThroughARoundTrip(@ForAll("laws") Expr e) {
        String text = Printer.printWhere(e);
        assertThat(Printer.printWhere(LawParser.parse(text, ExprArbitraries.VAR_SET))).isEqualTo(text);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void lawFilesReadBackTheSameTree(@ForAll("laws") Expr e) {
        String text = LawFileWriter.write(new LawFile("", Law.of(e), ""));
        assertThat(LawFile.parse(text, "x.law", ExprArbitraries.VAR_SET).law().expr()).as(text).isEqualTo(e);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void withoutDefinitionsTheFormIsThePlainPrint(@ForAll("laws") Expr e) {
        WhereForm w = WhereForm.of(e);
        if (!w.hasDefinitions()) {
            assertThat(Printer.printWhere(e)).isEqualTo(Printer.print(e));
        } else {
            assertThat(Printer.printWhere(e)).contains(" where ");
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void namedPartsRepeatAreLargeEnoughHoldAVariableAndClashWithNothing(@ForAll("laws") Expr e) {
        WhereForm w = WhereForm.of(e);
        for (int i = 0; i < w.definitions().size(); i++) {
            WhereForm.Definition d = w.definitions().get(i);
            // A normalised column (x/1e9) is small; any other named part is large. Either holds a
            // variable, and is written twice or more in the body and the definitions after it.
            assertThat(SharedSubexpressions.isNormalisedColumn(d.expr())
                    || lawsearch.grammar.core.Exprs.size(d.expr()) >= SharedSubexpressions.MIN_SIZE).as(d.name()).isTrue();
            WhereForm upTo = new WhereForm(new lawsearch.grammar.core.Param(d.name()), w.definitions().subList(0, i + 1));
            assertThat(lawsearch.grammar.core.Exprs.variables(upTo.expanded())).as(d.name()).isNotEmpty();
            StringBuilder after = new StringBuilder(Printer.print(w.body()));
            w.definitions().subList(i + 1, w.definitions().size()).forEach(l -> after.append(' ').append(Printer.print(l.expr())));
            assertThat(after.toString().split("\\b" + d.name() + "\\b", -1).length - 1).as(d.name()).isGreaterThanOrEqualTo(2);
            assertThat(lawsearch.grammar.core.Exprs.parameters(e)).doesNotContain(d.name());
            assertThat(ExprArbitraries.VARS).doesNotContain(d.name());
        }
    }
}

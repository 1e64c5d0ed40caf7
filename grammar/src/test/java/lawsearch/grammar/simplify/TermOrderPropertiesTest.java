package lawsearch.grammar.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import lawsearch.grammar.ExprArbitraries;
import lawsearch.grammar.Numerics;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.formatter.Printer;

/** TermOrder.apply: one spelling for every operand order and grouping, same length, same values, idempotent. */
class TermOrderPropertiesTest {

    @Provide
    Arbitrary<Expr> laws() { return ExprArbitraries.expressions(); }

    @Provide
    Arbitrary<Map<String, Double>> points() { return ExprArbitraries.positivePoints(); }

    /**
     * Up to the names of constants: terms that differ only in which constant they hold (c1*x and
     * c2*x) are equal to the order and keep the order they came in.
     */
    private static String spelling(Expr e) {
        return Printer.print(Exprs.renameParams(TermOrder.apply(e), p -> "c"));
    }

    @Property(tries = 500)
    void isBlindToOperandOrderAndGrouping(@ForAll("laws") Expr e, @ForAll long seed) {
        Random rng = new Random(seed);
        String ordered = spelling(e);
        for (Expr other : List.of(Rewrites.commuteAll(e), Rewrites.commute(e, rng), Rewrites.groupRight(e, rng),
                Rewrites.groupLeft(e, rng), Rewrites.regroupMixed(Rewrites.commute(e, rng), rng))) {
            assertThat(spelling(other)).as(Printer.print(e) + "  vs  " + Printer.print(other)).isEqualTo(ordered);
        }
    }

    @Property(tries = 500)
    void keepsLengthAndIsIdempotent(@ForAll("laws") Expr e) {
        Expr ordered = TermOrder.apply(e);
        assertThat(Exprs.size(ordered)).as(Printer.print(e)).isLessThanOrEqualTo(Exprs.size(e));
        assertThat(TermOrder.apply(ordered)).as(Printer.print(e)).isEqualTo(ordered);
    }

    /** Reordering changes the rounding: ill-conditioned points are skipped, as for the canonical form. */
    @Property(tries = 500)
    void preservesValue(@ForAll("laws") Expr e, @ForAll("points") Map<String, Double> point) {
        if (Numerics.wellConditioned(e, point)) {
            double before = Numerics.eval(e, point);
            double after = Numerics.eval(TermOrder.apply(e), point);
            assertThat(Numerics.relativelyClose(before, after, 1e-9))
                    .as("%s -> %s at %s: %s vs %s", Printer.print(e), Printer.print(TermOrder.apply(e)), point, before, after).isTrue();
        }
    }
}

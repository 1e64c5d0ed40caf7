package lawsearch.grammar.simplify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import lawsearch.grammar.core.Interval;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.parser.LawParser;

/** Intervals.of encloses every value the expression takes when its parameter ranges over its interval. */
class IntervalsPropertiesTest {

    @Property
    void aPowerOfAnyIntervalToAPositiveIntegerEnclosesItsValues(@ForAll @DoubleRange(min = -50, max = 50) double a,
                                                                @ForAll @DoubleRange(min = 0, max = 60) double width,
                                                                @ForAll @IntRange(min = 1, max = 5) int k,
                                                                @ForAll @DoubleRange(min = 0, max = 1) double at) {
        var e = LawParser.parse("c^" + k, Set.of());
        Interval range = new Interval(a, a + width);
        Interval out = Intervals.of(e, p -> range);
        double v = TreeEvaluator.eval(e, n -> Double.NaN, p -> a + at * width);
        assertThat(out.isFree()).isFalse();
        assertThat(v).isBetween(out.lo() - 1e-9 * Math.abs(v), out.hi() + 1e-9 * Math.abs(v));
    }

    @Property
    void anEvenPowerOfANegativeIntervalIsPositive(@ForAll @DoubleRange(min = -1e30, max = -0.01) double hi,
                                                 @ForAll @DoubleRange(min = 0, max = 10) double width) {
        // (c*x^0.25)^2 with c fitted below 0 (openclip_error): its log may then be raised or split.
        Interval out = Intervals.of(LawParser.parse("(c*x^0.25)^2", Set.of("x")), p -> new Interval(hi * (1 + width), hi),
                v -> new Interval(7.4, Double.POSITIVE_INFINITY));
        assertThat(out.lo()).isPositive();
    }

    /**
     * A product with a half-line encloses its values and keeps its sign: [0, ∞)·[0, ∞) is [0, ∞), not
     * unknown (0·∞ is taken as 0, an infinite end being never reached), so two non-negative constants
     * merged into one keep their bound.
     */
    @Property
    void aProductWithAHalfLineEnclosesItsValuesAndKeepsItsSign(@ForAll @DoubleRange(min = 0, max = 1e6) double a,
                                                              @ForAll @DoubleRange(min = 0, max = 1e6) double b,
                                                              @ForAll boolean upper) {
        Interval half = upper ? new Interval(Double.NEGATIVE_INFINITY, 0) : new Interval(0, Double.POSITIVE_INFINITY);
        Interval out = Intervals.of(LawParser.parse("c*d", Set.of()), p -> p.equals("c") ? half : new Interval(0, Double.POSITIVE_INFINITY));
        assertThat(out).isEqualTo(half);
        double v = (upper ? -a : a) * b;
        assertThat(out.contains(v)).isTrue();
    }

    /** A non-negative base to any power is non-negative (pythia's amplitude taken out of a power keeps A ≥ 0). */
    @Property
    void aNonNegativeBaseToAnyPowerIsNonNegative(@ForAll @DoubleRange(min = 0, max = 1e3) double base,
                                                @ForAll @DoubleRange(min = -3, max = 3) double e) {
        var expr = LawParser.parse("c^d", Set.of());
        Interval out = Intervals.of(expr, p -> p.equals("c") ? new Interval(0, Double.POSITIVE_INFINITY) : new Interval(-3, 3));
        assertThat(out.lo()).isZero();
        double v = TreeEvaluator.eval(expr, n -> Double.NaN, p -> p.equals("c") ? base : e);
        assertThat(out.contains(v)).isTrue();
    }
}

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
}

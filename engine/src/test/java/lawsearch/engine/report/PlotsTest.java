package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Plot coordinates are written to a hundredth of a pixel, and read back as that hundredth. */
class PlotsTest {
    @Property(tries = 2000)
    void aCoordinateReadsBackAsItsHundredth(@ForAll @DoubleRange(min = -1e7, max = 1e7) double v) {
        String s = Plots.hundredths(v);
        assertThat(Double.parseDouble(s)).isEqualTo(Math.round(v * 100) / 100.0);
        assertThat(s).doesNotContain("E").matches("-?\\d+(\\.\\d{1,2})?");
    }

    @Example
    void examples() {
        assertThat(Plots.hundredths(12.5)).isEqualTo("12.5");
        assertThat(Plots.hundredths(-0.049)).isEqualTo("-0.05");
        assertThat(Plots.hundredths(3.004)).isEqualTo("3");
        assertThat(Plots.hundredths(0.07)).isEqualTo("0.07");
        assertThat(Plots.hundredths(Double.NaN)).isEqualTo("NaN");
    }
}

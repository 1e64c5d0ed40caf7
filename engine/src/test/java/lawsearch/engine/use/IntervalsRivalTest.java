package lawsearch.engine.use;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/** Which front laws may widen the reported law's interval (intervals.json's alternatives). */
class IntervalsRivalTest {
    private static final Set<String> COLUMNS = Set.of("params", "tokens", "seed");

    private static Law law(String text) {
        return Law.of(LawParser.parse(text, COLUMNS));
    }

    /**
     * A rival reading a column the reported law does not (a sweep's seed index) cannot be evaluated at
     * a point that gives only the law's columns: predict crashed on one. With the checks off, every
     * law reading only those columns is a rival.
     */
    @Test
    void aRivalReadsNoColumnTheReportedLawDoesNot() {
        Set<String> reads = Set.copyOf(law("E + A/params^alpha + B/tokens^beta").variables());
        assertThat(Intervals.rival(law("E + A/params^alpha"), reads, null)).isTrue();
        assertThat(Intervals.rival(law("E + A/params^alpha + c*sqrt(seed + c1)"), reads, null)).isFalse();
    }
}

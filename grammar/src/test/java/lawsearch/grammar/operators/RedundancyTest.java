package lawsearch.grammar.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.parser.LawParser;

class RedundancyTest {
    /** U and N are positive (the grammar divides them by a typical scale); L (a log, say) may be negative. */
    private static final Grammar GRAMMAR = Grammar.builder(List.of("U", "N", "L")).scale("U", 1e9).scale("N", 1e9).build();

    private static Law law(String text) {
        return new Law(LawParser.parse(text, Set.of("U", "N", "L")), Bounds.NONE, FitSettings.DEFAULT);
    }

    private static String reduced(Law law) { return Printer.print(Redundancy.reduce(law, GRAMMAR).expr()); }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the two redundant constants of data_constrained's seed-2 law
        "c1 + c7/(U*c8)^c2 + c3*N^(-0.5) | c1 + c7/U^c2 + c3*N^(-0.5)",
        "c1 + c10*sqrt(N*c11)^(-0.5) | c1 + c10*sqrt(N)^(-0.5)",
        "E + c*(k*L) | E + c*L",
        "E + c*(L/k)^2 | E + c*L^2",
        "c*k*N | k*N",
        "E + (L + k) | E + L",
        "c*exp(b*L + k) | c*exp(b*L)",
        "c0 + c1*log(N*k) | c0 + c1*log(N)",
        "c0 + c1*(L + k) | c0 + c1*L",
        "E + c*(U*k*N)^a | E + c*(U*N)^a",
    })
    void removesConstantsAnotherOneAbsorbs(String before, String after) {
        assertThat(reduced(law(before))).isEqualTo(after);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "E + c*N^a + d*U^b",
        "c*(k + N)^a",                // a shift under a power is not a factor
        "E + c*(L*k)^a",              // L may be negative: k's sign matters under a real power
        "E + c*(N*k)^L",              // k^L varies with the data
        "E + c*(N*k)^a + c2*k",       // k is used twice
        "c*(N*k)^a + c",              // so is the compensator
        "E + exp(b*L + k)",           // nothing scales the exp
        "c1*log(N*k)",                // nothing shifts the log
        "E + c*N^(-a)*(1 + k*U)",
    })
    void keepsConstantsNothingAbsorbs(String text) {
        assertThat(reduced(law(text))).isEqualTo(Printer.print(law(text).expr()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"E + c*(k*N)^a"})
    void aBoundedCompensatorAbsorbsNothing(String text) {
        Law bounded = law(text).withBounds(Bounds.NONE.with("c", new Interval(0, 10)));
        assertThat(reduced(bounded)).isEqualTo(Printer.print(bounded.expr()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"E + c*(k*N)^a"})
    void theRemovedConstantsBoundsGoWithIt(String text) {
        Law bounded = law(text).withBounds(Bounds.NONE.with("k", new Interval(1, 2)).with("a", new Interval(-4, 4)));
        Law out = Redundancy.reduce(bounded, GRAMMAR);
        assertThat(out.bounds().byParam()).containsOnlyKeys("a");
    }
}
